package org.rollbridge.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rollbridge.core.code.Sex;

/** Forenames, surnames and nicknames by origin, read once from {@code names.txt}. */
final class NameBook {

    private record Names(List<String> male, List<String> female, List<String> surnames) {
    }

    private static final NameBook INSTANCE = load();

    private final Map<Origin, Names> byOrigin;
    private final Map<String, List<String>> nicknames;

    private NameBook(Map<Origin, Names> byOrigin, Map<String, List<String>> nicknames) {
        this.byOrigin = byOrigin;
        this.nicknames = nicknames;
    }

    static NameBook get() {
        return INSTANCE;
    }

    List<String> forenames(Origin origin, Sex sex) {
        Names n = byOrigin.get(origin);
        return sex == Sex.MALE ? n.male() : n.female();
    }

    List<String> surnames(Origin origin) {
        return byOrigin.get(origin).surnames();
    }

    /** Short forms of a forename (William: Will, Bill, Liam); empty when it has none. */
    List<String> nicknames(String forename) {
        return nicknames.getOrDefault(forename, List.of());
    }

    private static NameBook load() {
        Map<Origin, Names> byOrigin = new EnumMap<>(Origin.class);
        Map<String, List<String>> nick = new TreeMap<>();
        try (InputStream in = NameBook.class.getResourceAsStream("names.txt")) {
            if (in == null) {
                throw new IllegalStateException("names.txt is missing from the synth module's resources");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String section = null;
            List<String> m = null;
            List<String> f = null;
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    section = line.substring(1, line.length() - 1);
                    continue;
                }
                if ("NICKNAMES".equals(section)) {
                    int eq = line.indexOf('=');
                    nick.put(line.substring(0, eq), split(line.substring(eq + 1)));
                } else if (line.startsWith("M:")) {
                    m = split(line.substring(2));
                } else if (line.startsWith("F:")) {
                    f = split(line.substring(2));
                } else if (line.startsWith("S:")) {
                    byOrigin.put(Origin.valueOf(section), new Names(m, f, split(line.substring(2))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Origin o : Origin.values()) {
            if (!byOrigin.containsKey(o)) {
                throw new IllegalStateException("names.txt has no names for " + o);
            }
        }
        return new NameBook(byOrigin, nick);
    }

    private static List<String> split(String s) {
        return new ArrayList<>(Arrays.stream(s.split(",")).map(String::strip).toList());
    }
}

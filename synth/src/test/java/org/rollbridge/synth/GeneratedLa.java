package org.rollbridge.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollbridge.core.ctf.CtfReadException;
import org.rollbridge.core.ctf.CtfReader;
import org.rollbridge.core.pupil.Pupil;

/** One small synthetic LA generated once for the tests that only read it, with simple readers for its files. */
final class GeneratedLa {

    static final Settings SETTINGS = Settings.small(11).withSize(6, 1500);
    private static GeneratedLa instance;

    final Path dir;
    final Summary summary;
    private final Map<String, List<Map<String, String>>> csvCache = new java.util.HashMap<>();
    private final Map<String, List<Pupil>> ctfCache = new java.util.HashMap<>();

    private GeneratedLa(Path dir, Summary summary) {
        this.dir = dir;
        this.summary = summary;
    }

    static synchronized GeneratedLa get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("synth-test");
                dir.toFile().deleteOnExit();
                instance = new GeneratedLa(dir, SyntheticLa.generate(SETTINGS, dir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** Rows of a CSV file written by the generator, as header name to value (the files quote as RFC 4180 says). */
    synchronized List<Map<String, String>> csv(String relative) {
        return csvCache.computeIfAbsent(relative, k -> List.copyOf(csv(dir.resolve(k))));
    }

    static List<Map<String, String>> csv(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> header = split(lines.get(0));
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                List<String> f = split(line);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < f.size() ? f.get(i) : "");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    b.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    b.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }

    List<String> schoolCodes() {
        return csv("schools.csv").stream().map(r -> r.get("laestab")).toList();
    }

    /** The pupils of a school's CTF, in file order. */
    synchronized List<Pupil> ctf(String laestab, String name) {
        return ctfCache.computeIfAbsent(laestab + "/" + name, k -> List.copyOf(read(laestab, name)));
    }

    private List<Pupil> read(String laestab, String name) {
        List<Pupil> pupils = new ArrayList<>();
        try {
            CtfReader.read(dir.resolve("schools").resolve(laestab).resolve(name), (p, where) -> {
                if (where.index() != pupils.size() + 1) {
                    throw new IllegalStateException("pupil positions out of order");
                }
                pupils.add(p);
            });
        } catch (CtfReadException e) {
            throw new IllegalStateException(e);
        }
        return pupils;
    }
}

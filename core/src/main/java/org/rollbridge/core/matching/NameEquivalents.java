package org.rollbridge.core.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Forenames that name the same person (Bill and William, Mohammed and Muhammad, Aleksandr and Alexander), from
 * the table embedded as {@code name-equivalents.txt}: one group per line, a name may belong to several groups.
 */
public final class NameEquivalents {

    private static final NameEquivalents EMBEDDED = load();

    private final Map<String, int[]> groupsByName;

    private NameEquivalents(Map<String, int[]> groupsByName) {
        this.groupsByName = groupsByName;
    }

    public static NameEquivalents embedded() {
        return EMBEDDED;
    }

    /** True when the two normalised names ({@link NameKey}) share a group; a name is not its own equivalent here. */
    public boolean equivalent(String a, String b) {
        int[] ga = groupsByName.get(a);
        int[] gb = groupsByName.get(b);
        if (ga == null || gb == null) {
            return false;
        }
        for (int x : ga) {
            for (int y : gb) {
                if (x == y) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The lowest group a name belongs to, or -1: a blocking key that brings Bill and William together. */
    public int firstGroup(String name) {
        int[] g = groupsByName.get(name);
        return g == null ? -1 : g[0];
    }

    private static NameEquivalents load() {
        Map<String, int[]> byName = new HashMap<>();
        try (InputStream in = NameEquivalents.class.getResourceAsStream("name-equivalents.txt")) {
            if (in == null) {
                throw new IllegalStateException("name-equivalents.txt is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int group = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                for (String name : line.split(",")) {
                    String key = NameKey.of(name);
                    if (key.isEmpty()) {
                        continue;
                    }
                    int[] groups = byName.getOrDefault(key, new int[0]);
                    if (groups.length == 0 || groups[groups.length - 1] != group) {
                        groups = Arrays.copyOf(groups, groups.length + 1);
                        groups[groups.length - 1] = group;
                        byName.put(key, groups);
                    }
                }
                group++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NameEquivalents(Map.copyOf(byName));
    }
}

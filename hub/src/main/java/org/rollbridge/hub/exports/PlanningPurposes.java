package org.rollbridge.hub.exports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import org.rollbridge.hub.ExportSettings;
import org.springframework.stereotype.Component;

/**
 * The planning purposes the LA allows pseudonymised exports for, read and checked once as the hub starts: the
 * checked-in default (resources/exports/planning-purposes.properties) or the LA's own file. Every mistake is named
 * together, with its key, so a bad file stops the start rather than an analyst's export.
 */
@Component
public class PlanningPurposes {

    static final String DEFAULT = "/exports/planning-purposes.properties";

    /** A purpose: its name (part of its pseudonyms' key) and what it is for. */
    public record Purpose(String name, String description) {
    }

    private final Map<String, Purpose> byName;

    public PlanningPurposes(ExportSettings settings) {
        this.byName = load(settings.planningPurposes());
    }

    public List<Purpose> all() {
        return List.copyOf(byName.values());
    }

    public Optional<Purpose> named(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    private static Map<String, Purpose> load(Path file) {
        Properties p = new Properties();
        try (InputStream in = file == null ? PlanningPurposes.class.getResourceAsStream(DEFAULT)
                : Files.newInputStream(file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("ROLLBRIDGE_PLANNING_PURPOSES: " + file + " could not be read ("
                    + e.getMessage() + ")", e);
        }
        return parse(p, file == null ? "the default planning purposes" : file.toString());
    }

    static Map<String, Purpose> parse(Properties p, String source) {
        List<String> problems = new ArrayList<>();
        Map<String, Purpose> purposes = new LinkedHashMap<>();
        for (String raw : p.getProperty("purposes", "").split(",")) {
            String name = raw.strip();
            if (name.isEmpty()) {
                continue;
            }
            String description = p.getProperty(name + ".description", "").strip();
            if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                problems.add("purposes: '" + name + "' must be lower case letters, digits and single hyphens");
            } else if (purposes.containsKey(name)) {
                problems.add("purposes: '" + name + "' is listed twice");
            } else if (description.isEmpty()) {
                problems.add(name + ".description: say what the purpose's exports are for");
            } else {
                purposes.put(name, new Purpose(name, description));
            }
        }
        if (purposes.isEmpty() && problems.isEmpty()) {
            problems.add("purposes: list at least one purpose, e.g. purposes=school-places");
        }
        List<String> listed = Arrays.stream(p.getProperty("purposes", "").split(",")).map(String::strip).toList();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (!key.equals("purposes") && !(key.endsWith(".description")
                    && listed.contains(key.substring(0, key.length() - ".description".length())))) {
                problems.add(key + ": not the description of a purpose listed in purposes");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("ROLLBRIDGE_PLANNING_PURPOSES: " + source + " has " + problems.size()
                    + " problem(s): " + String.join("; ", problems));
        }
        return purposes;
    }
}

package org.rollbridge.core.validation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The severity an LA gives each rule: the catalogue's default unless configured. Configuration is a properties
 * file of {@code RULE_ID=error|warning|off} lines, given with {@code --rules FILE} or the environment variable
 * {@value #ENVIRONMENT_VARIABLE}. An unknown rule id or severity is refused with the line to fix, rather than
 * silently ignored: a typo would otherwise leave a rule at a severity the LA did not choose.
 */
public final class RuleSettings {

    public static final String ENVIRONMENT_VARIABLE = "ROLLBRIDGE_RULES_FILE";

    private static final RuleSettings DEFAULTS = new RuleSettings(new EnumMap<>(Rule.class));

    private final Map<Rule, Severity> overrides;

    private RuleSettings(Map<Rule, Severity> overrides) {
        this.overrides = overrides;
    }

    public static RuleSettings defaults() {
        return DEFAULTS;
    }

    public RuleSettings with(Rule rule, Severity severity) {
        if (rule.fixedBecause() != null && severity != Severity.ERROR) {
            throw new InvalidRuleSettings(rule + " cannot be changed: " + rule.fixedBecause());
        }
        EnumMap<Rule, Severity> copy = new EnumMap<>(Rule.class);
        copy.putAll(overrides);
        copy.put(rule, severity);
        return new RuleSettings(copy);
    }

    public Severity severityOf(Rule rule) {
        return overrides.getOrDefault(rule, rule.defaultSeverity());
    }

    /** The rules whose severity differs from the catalogue's. */
    public Map<Rule, Severity> overrides() {
        return Map.copyOf(overrides);
    }

    /**
     * The settings from {@code file} if given, else from the file named by {@value #ENVIRONMENT_VARIABLE} if
     * set, else the defaults.
     */
    public static RuleSettings resolve(Path file, Map<String, String> environment) {
        if (file != null) {
            return load(file);
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return load(Path.of(fromEnvironment.strip()));
        }
        return defaults();
    }

    /** Reads a rules file; throws {@link InvalidRuleSettings} naming every bad line. */
    public static RuleSettings load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules file " + file + ": " + e.getMessage(), e);
        }
    }

    public static RuleSettings parse(Reader reader, String sourceName) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        EnumMap<Rule, Severity> overrides = new EnumMap<>(Rule.class);
        List<String> problems = new ArrayList<>();
        for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
            String id = key.strip().toUpperCase(Locale.ROOT);
            Optional<Rule> rule = ruleNamed(id);
            Optional<Severity> severity = Severity.parse(properties.getProperty(key));
            if (rule.isEmpty()) {
                problems.add("'" + key + "' is not a rule id (see docs/validation-rules.md)");
            } else if (rule.get().fixedBecause() != null && severity.orElse(null) != Severity.ERROR) {
                problems.add(key + " cannot be changed: " + rule.get().fixedBecause());
            } else if (severity.isEmpty()) {
                problems.add(key + ": '" + properties.getProperty(key) + "' is not error, warning or off");
            } else {
                overrides.put(rule.get(), severity.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleSettings(sourceName + ": " + String.join("; ", problems));
        }
        return new RuleSettings(overrides);
    }

    private static Optional<Rule> ruleNamed(String id) {
        for (Rule r : Rule.values()) {
            if (r.id().equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** A rules file that names an unknown rule or severity. */
    public static final class InvalidRuleSettings extends IllegalArgumentException {
        public InvalidRuleSettings(String message) {
            super(message);
        }
    }
}

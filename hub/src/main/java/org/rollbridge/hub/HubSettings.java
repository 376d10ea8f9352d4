package org.rollbridge.hub;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Reads every setting once, before anything else starts (logging included): each settings record is bound from
 * its {@link Variable}s (environment variables, or {@code --NAME=value} arguments) or their defaults, checked, and
 * registered as a bean. Spring's own properties (port, data source, session) refer to the bound values in
 * application.properties. A hub with an unknown {@code ROLLBRIDGE_*} variable (a misspelling would otherwise be
 * silently ignored) or a value it cannot use refuses to start, naming the variable and what it expects.
 */
public final class HubSettings implements ApplicationListener<SpringApplicationEvent>, Ordered {

    /** Every settings record of the hub. */
    public static final List<Class<? extends Record>> RECORDS = List.of(HubProperties.class, DatabaseSettings.class,
            UploadSettings.class, JobSettings.class, SignInSettings.class, VisibilitySettings.class,
            AlertSettings.class, NightlySettings.class, RetentionSettings.class, NationalSettings.class,
            DisclosureSettings.class, SharingSettings.class, ExportSettings.class, AccessReviewSettings.class,
            ProxySettings.class, RightsSettings.class);

    /** The launcher's, the school agent's, the tests' and the benchmarks' variables: not the hub's, not mistakes. */
    public static final List<String> OTHER_TOOLS = List.of("ROLLBRIDGE_JAVA_OPTS", "ROLLBRIDGE_AGENT_HOME",
            "ROLLBRIDGE_TEST_*", "ROLLBRIDGE_BENCH_*");

    private static final String PREFIX = "ROLLBRIDGE_";
    private final List<Record> bound = new ArrayList<>();

    /** One variable: the record property it sets, its default and the type it must read as. */
    public record Binding(String variable, String property, String byDefault, Class<?> type) {
    }

    /** A setting the hub cannot start with. */
    public static final class Refused extends IllegalStateException {

        Refused(String message, Throwable cause) {
            super(message + " (docs/configuration.md lists every setting)", cause);
        }
    }

    /** Reports a refused setting as the reason the hub did not start, in place of Spring's account of the binding. */
    public static final class RefusalAnalysis extends AbstractFailureAnalyzer<Refused> implements Ordered {

        @Override
        protected FailureAnalysis analyze(Throwable failure, Refused refused) {
            return new FailureAnalysis(refused.getMessage(),
                    "Correct or unset the variable in the hub's environment, then start the hub again.", refused);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** Every variable the hub reads, in the order of {@link #RECORDS}. */
    public static List<Binding> bindings() {
        return RECORDS.stream().flatMap(HubSettings::bindings).toList();
    }

    private static Stream<Binding> bindings(Class<? extends Record> settings) {
        String prefix = settings.getAnnotation(ConfigurationProperties.class).value();
        return Arrays.stream(settings.getRecordComponents()).map(c -> {
            Variable v = c.getAnnotation(Variable.class);
            return new Binding(v.value(), prefix + "." + kebab(c), v.byDefault(), c.getType());
        });
    }

    private static String kebab(RecordComponent c) {
        return c.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    // Between the environment post-processors (which load application.properties) and logging, which reads the
    // log level from the bound settings.
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 15;
    }

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            bound.addAll(read(prepared.getEnvironment()));
        } else if (event instanceof ApplicationPreparedEvent ready) {
            for (Record settings : bound) {
                String name = settings.getClass().getSimpleName();
                ready.getApplicationContext().getBeanFactory().registerSingleton(
                        Character.toLowerCase(name.charAt(0)) + name.substring(1), settings);
            }
        }
    }

    /** Binds and checks every settings record, adding the bound values to the environment for Spring's own use. */
    static List<Record> read(ConfigurableEnvironment environment) {
        List<Binding> bindings = bindings();
        refuseUnknown(environment, bindings);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Binding b : bindings) {
            String given = environment.getProperty(b.variable());
            values.put(b.property(), given == null || given.isBlank() ? b.byDefault() : given.strip());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("rollbridgeSettings", values));
        Binder binder = Binder.get(environment);
        List<Record> read = new ArrayList<>();
        for (Class<? extends Record> settings : RECORDS) {
            try {
                read.add(binder.bindOrCreate(settings.getAnnotation(ConfigurationProperties.class).value(), settings));
            } catch (BindException e) {
                throw refusal(e, bindings, values);
            }
        }
        read.stream().filter(UploadSettings.class::isInstance).map(UploadSettings.class::cast).findFirst()
                .ifPresent(uploads -> {
                    try {
                        uploads.requireKey();
                    } catch (IllegalArgumentException missing) {
                        throw new Refused(missing.getMessage(), missing);
                    }
                });
        return read;
    }

    private static void refuseUnknown(ConfigurableEnvironment environment, List<Binding> bindings) {
        Set<String> known = bindings.stream().map(Binding::variable).collect(Collectors.toCollection(TreeSet::new));
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> names) {
                for (String name : names.getPropertyNames()) {
                    if (name.startsWith(PREFIX) && !known.contains(name) && !otherTool(name)) {
                        String nearest = known.stream().min(Comparator.comparingInt(k -> distance(k, name)))
                                .orElseThrow();
                        throw new Refused(name + " is not a setting of the hub"
                                + (distance(nearest, name) <= 3 ? " (did you mean " + nearest + "?)" : "")
                                + ": correct its name or unset it", null);
                    }
                }
            }
        }
    }

    static boolean otherTool(String name) {
        return OTHER_TOOLS.stream().anyMatch(t -> t.endsWith("*") ? name.startsWith(t.substring(0, t.length() - 1))
                : name.equals(t));
    }

    /** Edit distance, to suggest the variable a misspelt one meant. */
    static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1),
                        diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    private static Refused refusal(BindException e, List<Binding> bindings, Map<String, Object> values) {
        // A record's own check names its variable already.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException check && String.valueOf(check.getMessage()).startsWith(PREFIX)) {
                return new Refused(check.getMessage(), e);
            }
        }
        String property = e.getProperty() != null ? e.getProperty().getName().toString() : e.getName().toString();
        return bindings.stream().filter(b -> b.property().equals(property)).findFirst()
                .map(b -> new Refused(b.variable() + " must be " + expected(b.type()) + "; it was '"
                        + values.get(b.property()) + "'", e))
                .orElseGet(() -> new Refused(e.getMessage(), e));
    }

    /** What a value of the type looks like, in the words of docs/configuration.md. */
    static String expected(Class<?> type) {
        if (type == int.class || type == long.class) {
            return "a whole number";
        } else if (type == boolean.class) {
            return "true or false";
        } else if (type == Duration.class) {
            return "a duration such as PT30S (ISO-8601) or 30s, 20m, 2h";
        } else if (type == LocalDate.class) {
            return "a date like 2025-12-19";
        } else if (type == ZoneId.class) {
            return "a time zone such as Europe/London";
        } else if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return "a " + type.getSimpleName();
    }

    static void requireNotNegative(String variable, Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException(variable + " must not be negative; it was " + duration);
        }
    }

    static void requirePositive(String variable, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(variable + " must be longer than zero; it was " + duration);
        }
    }
}

package org.rollbridge.hub.retention;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The LA's retention schedule: for every category, the date its period runs from and the period. Read from the
 * checked-in default (classpath {@code retention/schedule.properties}) or the LA's own file; a schedule with any
 * problem is refused whole, with every problem listed by file and line, so the hub does not start on a schedule
 * that would delete too early or never.
 */
public record RetentionSchedule(String source, Map<RetentionCategory, Entry> entries) {

    public static final String DEFAULT = "retention/schedule.properties";

    /** One category's clock and period. */
    public record Entry(RetentionClock from, Period period) {

        /** The last day of the period counted from {@code start}: records may go on this day. */
        public LocalDate end(LocalDate start) {
            return start.plus(period);
        }
    }

    /** Thrown when a schedule cannot be used; the message names every problem. */
    public static final class Invalid extends IllegalStateException {
        Invalid(String source, List<String> problems) {
            super("The retention schedule " + source + " cannot be used (set ROLLBRIDGE_RETENTION_SCHEDULE to a "
                    + "corrected file, or leave it empty for the default; docs/retention.md):\n  "
                    + String.join("\n  ", problems));
        }
    }

    public RetentionSchedule {
        entries = Collections.unmodifiableMap(new EnumMap<>(entries));
    }

    public Entry entry(RetentionCategory category) {
        return entries.get(category);
    }

    /** The LA's file when one is set, else the default. */
    public static RetentionSchedule load(Path file) {
        if (file == null || file.toString().isBlank()) {
            try (InputStream in = RetentionSchedule.class.getClassLoader().getResourceAsStream(DEFAULT)) {
                if (in == null) {
                    throw new IllegalStateException("The default retention schedule " + DEFAULT + " is missing");
                }
                return read(DEFAULT, new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("The default retention schedule could not be read", e);
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new Invalid(file.toString(), List.of("no such file (ROLLBRIDGE_RETENTION_SCHEDULE)"));
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            throw new Invalid(file.toString(), List.of("unreadable: " + e.getMessage()));
        }
    }

    /** Reads {@code category.from=clock} and {@code category.period=ISO-8601} lines; # starts a comment. */
    public static RetentionSchedule read(String source, Reader reader) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<RetentionCategory, RetentionClock> clocks = new EnumMap<>(RetentionCategory.class);
        Map<RetentionCategory, Period> periods = new EnumMap<>(RetentionCategory.class);
        BufferedReader lines = new BufferedReader(reader);
        int number = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String at = source + ":" + number + ": ";
            int eq = text.indexOf('=');
            int dot = text.lastIndexOf('.', eq < 0 ? text.length() : eq);
            if (eq < 0 || dot < 0) {
                problems.add(at + "'" + text + "' is not category.from=clock or category.period=P..");
                continue;
            }
            String name = text.substring(0, dot).strip();
            String key = text.substring(dot + 1, eq).strip();
            String value = text.substring(eq + 1).strip();
            RetentionCategory category = RetentionCategory.byId(name).orElse(null);
            if (category == null) {
                problems.add(at + "unknown category '" + name + "'; the categories are " + ids());
                continue;
            }
            switch (key) {
                case "from" -> {
                    RetentionClock clock = RetentionClock.byId(value).orElse(null);
                    if (clock == null || !category.clocks().contains(clock)) {
                        problems.add(at + name + " cannot run from '" + value + "'; it may run from "
                                + category.clocks().stream().map(RetentionClock::id).toList());
                    } else if (clocks.put(category, clock) != null) {
                        problems.add(at + name + ".from is given twice");
                    }
                }
                case "period" -> {
                    Period period = period(value);
                    if (period == null || period.isNegative() || period.isZero()) {
                        problems.add(at + name + ".period '" + value + "' is not a positive ISO 8601 period such as "
                                + "P25Y or P6Y6M");
                    } else if (periods.put(category, period) != null) {
                        problems.add(at + name + ".period is given twice");
                    }
                }
                default -> problems.add(at + "unknown setting '" + key + "' for " + name + "; use from or period");
            }
        }
        Map<RetentionCategory, Entry> entries = new EnumMap<>(RetentionCategory.class);
        for (RetentionCategory c : RetentionCategory.values()) {
            if (!clocks.containsKey(c)) {
                problems.add(source + ": " + c.id() + ".from is missing");
            }
            if (!periods.containsKey(c)) {
                problems.add(source + ": " + c.id() + ".period is missing");
            }
            if (clocks.containsKey(c) && periods.containsKey(c)) {
                entries.put(c, new Entry(clocks.get(c), periods.get(c)));
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(source, problems);
        }
        return new RetentionSchedule(source, entries);
    }

    private static Period period(String value) {
        try {
            return Period.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> ids() {
        return java.util.Arrays.stream(RetentionCategory.values()).map(RetentionCategory::id).toList();
    }
}

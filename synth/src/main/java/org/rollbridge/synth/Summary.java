package org.rollbridge.synth;

import java.util.Locale;
import java.util.Map;

/** What a run produced: counts, file sizes, achieved attendance by phase, injected errors and duplicates. */
public record Summary(Settings settings, String ratesSource, int schools, int children, int onRollAtEnd, int files,
                      long bytes, long attendanceBytes, long ctfBytes, int registerRows, int duplicates,
                      int exclusions, RateTally rates, Map<ErrorKind, Integer> errors, Map<EventKind, Integer> events) {

    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Synthetic LA %s: %d schools, %d children (%d on roll on %s), %s to %s, seed %d%n",
                settings.la(), schools, children, onRollAtEnd, settings.to(), settings.from(), settings.to(),
                settings.seed()));
        b.append(String.format(Locale.ROOT, "Files: %d, %s (attendance CSV %s, CTF XML %s)%n", files, size(bytes),
                size(attendanceBytes), size(ctfBytes)));
        b.append(String.format(Locale.ROOT, "Attendance achieved (targets from %s's published figures):%n",
                "ENG".equals(ratesSource) ? "England" : "LA " + ratesSource));
        b.append(String.format(Locale.ROOT, "  %-10s %8s %9s %8s %8s %6s %6s%n", "phase", "pupils", "absence",
                "auth", "unauth", "PA", "SA"));
        rates.byPhase().forEach((p, c) -> b.append(row(p.name().toLowerCase(Locale.ROOT), c)));
        b.append(row("total", rates.total()));
        b.append(String.format(Locale.ROOT, "Exclusions feed rows: %d%n", exclusions));
        b.append("Events:");
        events.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        b.append(String.format("%nInjected errors (school files, error rate %.3f):", settings.errorRate()));
        errors.forEach((k, v) -> {
            if (!k.name().startsWith("DUPLICATE_")) {
                b.append(' ').append(k).append('=').append(v);
            }
        });
        b.append(String.format(Locale.ROOT, "%nRegister: %d rows, %d duplicate records (rate %.3f):", registerRows,
                duplicates, settings.duplicateRate()));
        errors.forEach((k, v) -> {
            if (k.name().startsWith("DUPLICATE_")) {
                b.append(' ').append(k).append('=').append(v);
            }
        });
        return b.append(System.lineSeparator()).toString();
    }

    private static String row(String name, RateTally.Counts c) {
        return String.format(Locale.ROOT, "  %-10s %8d %8.2f%% %7.2f%% %7.2f%% %5.1f%% %5.1f%%%n", name, c.pupils(),
                c.absenceRate(), c.authorisedRate(), c.unauthorisedRate(), c.persistentRate(), c.severeRate());
    }

    static String size(long bytes) {
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
}

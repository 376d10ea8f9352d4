package org.rollbridge.core.reconcile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.pupil.Pupil;

/**
 * The digests the school agent and the hub both work out for reconciliation (docs/agent.md, "Reconciliation"): one
 * of a pupil's record and one of each academic year of their marks, over a canonical text so that the two sides
 * agree byte for byte. Each is the lower-case hex SHA-256 of UTF-8 text:
 * <ul>
 * <li>record: for each of {@link #RECORD_FIELDS} in that order, {@code name=value\n}, the value stripped, empty
 * when absent, dates as yyyy-mm-dd;</li>
 * <li>marks: for each mark of the year in date order, AM before PM, {@code yyyy-mm-dd AM CODE\n}, the code as the
 * school's attendance file gives it once read (C1, Y7, /, ...).</li>
 * <li>exclusions: for each of the pupil's exclusions from the school, in the order of their lines' text,
 * {@code start|end|category|reason|sessions\n}: dates as yyyy-mm-dd, the category and reason as their codes
 * (SUSP, PP, ...), an absent value empty.</li>
 * </ul>
 */
public final class PupilDigest {

    /** The fields of a pupil's record that are compared, in their canonical order. */
    public static final List<String> RECORD_FIELDS = List.of("upn", "uln", "forename", "surname", "dob", "sex",
            "ncYear", "enrolStatus", "admissionDate", "leavingDate", "postcode");

    private PupilDigest() {
    }

    /** The academic year (its starting calendar year) a day belongs to, counted from 1 August. */
    public static int academicYear(LocalDate day) {
        return day.getMonthValue() >= 8 ? day.getYear() : day.getYear() - 1;
    }

    /** The record digest of the values of {@link #RECORD_FIELDS}, in that order (null for an absent value). */
    public static String record(List<?> values) {
        if (values.size() != RECORD_FIELDS.size()) {
            throw new IllegalArgumentException("a record digest needs " + RECORD_FIELDS + ", got " + values.size());
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            text.append(RECORD_FIELDS.get(i)).append('=').append(v == null ? "" : v.toString().strip()).append('\n');
        }
        return sha256(text.toString());
    }

    /** A CTF pupil's record digest, with the values the hub stores of it (its pupils row). */
    public static String record(Pupil p) {
        String uln = p.uln() == null || p.uln().isBlank() ? null : p.uln();
        List<Object> values = new ArrayList<>();
        values.add(p.upn() == null ? null : p.upn().strip().toUpperCase(Locale.ROOT));
        values.add(uln);
        values.add(p.forename());
        values.add(p.surname());
        values.add(p.dob().date().orElse(null));
        values.add(p.sexOrGender().raw());
        values.add(p.ncYear().raw());
        values.add(p.enrolStatus().raw());
        values.add(p.admissionDate().date().orElse(null));
        values.add(p.leavingDate().date().orElse(null));
        values.add(p.address() == null ? null : p.address().postcode());
        return record(values);
    }

    /** One pupil's marks, by academic year, gathered in any order. */
    public static final class Marks {
        private final Map<Integer, TreeMap<String, String>> years = new TreeMap<>();

        public Marks add(LocalDate day, Session session, String code) {
            years.computeIfAbsent(academicYear(day), y -> new TreeMap<>())
                    .put(day + " " + session.name(), code);
            return this;
        }

        /** Each academic year's digest, by year. */
        public Map<Integer, String> digests() {
            Map<Integer, String> out = new TreeMap<>();
            years.forEach((year, marks) -> {
                StringBuilder text = new StringBuilder(marks.size() * 17);
                marks.forEach((at, code) -> text.append(at).append(' ').append(code).append('\n'));
                out.put(year, sha256(text.toString()));
            });
            return out;
        }
    }

    /** One pupil's exclusions from one school, gathered in any order. */
    public static final class Exclusions {
        private final List<String> lines = new ArrayList<>();

        public Exclusions add(LocalDate start, LocalDate end, String category, String reason, Integer sessions) {
            lines.add(text(start) + "|" + text(end) + "|" + text(category) + "|" + text(reason) + "|"
                    + text(sessions) + "\n");
            return this;
        }

        private static String text(Object value) {
            return value == null ? "" : value.toString().strip();
        }

        public String digest() {
            return sha256(String.join("", lines.stream().sorted().toList()));
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

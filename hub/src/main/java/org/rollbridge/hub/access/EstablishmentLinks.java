package org.rollbridge.hub.access;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rollbridge.core.identity.Laestab;

/**
 * The DfE's establishment and trust-links file as Get Information about Schools publishes it: one row per school,
 * or per school and trust membership, with the school's name, URN, LAESTAB (or the LA code and establishment
 * number), phase of education, the trust's group UID and name and the dates the school joined and left it.
 * Tolerant of the form (any column order, extra columns ignored, header names matched without regard to case,
 * spaces or punctuation, GIAS's own names or plain ones); strict about the values, each bad one reported with its
 * line and what to put instead. Read whole before anything is stored.
 */
public final class EstablishmentLinks {

    /** The phases GIAS names in PhaseOfEducation (name). */
    static final List<String> PHASES = List.of("Not applicable", "Nursery", "Primary", "Middle deemed primary",
            "Secondary", "Middle deemed secondary", "16 plus", "All-through");
    private static final DateTimeFormatter[] DATES = {
            DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE};
    /** Each field's accepted header names, normalised (lower case, letters and digits only). */
    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("name", List.of("establishmentname", "schoolname", "name"));
        COLUMNS.put("urn", List.of("urn"));
        COLUMNS.put("laestab", List.of("laestab", "dfenumber"));
        COLUMNS.put("la", List.of("lacode", "la"));
        COLUMNS.put("estab", List.of("establishmentnumber", "estab"));
        COLUMNS.put("phase", List.of("phaseofeducationname", "phaseofeducation", "phase"));
        COLUMNS.put("uid", List.of("groupuid", "trustscode", "trustuid", "uid"));
        COLUMNS.put("trust", List.of("groupname", "trustsname", "trustname"));
        COLUMNS.put("joined", List.of("datejoinedgroup", "joineddate", "joindate", "datejoined", "joined"));
        COLUMNS.put("left", List.of("dateleftgroup", "leftdate", "leavedate", "dateleft", "left"));
    }

    /** A school as the file describes it, with its trust memberships (none for a maintained school). */
    public record School(String laestab, String urn, String name, String phase, List<Membership> memberships) {
    }

    public record Membership(String uid, String trustName, LocalDate joined, LocalDate left, long line) {
    }

    /** A bad row: its line, the column and what to do. */
    public record Problem(long line, String column, String message) {
        @Override
        public String toString() {
            return "line " + line + (column == null ? "" : ", " + column) + ": " + message;
        }
    }

    public record Read(List<School> schools, List<Problem> problems) {
        public int links() {
            return schools.stream().mapToInt(s -> s.memberships().size()).sum();
        }
    }

    private EstablishmentLinks() {
    }

    public static Read read(Reader reader) {
        List<Problem> problems = new ArrayList<>();
        Map<String, School> schools = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.builder().setReader(reader)
                .setFormat(CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get()).get()) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                return new Read(List.of(), List.of(new Problem(1, null, "the file is empty: upload the CSV"
                        + " downloaded from Get Information about Schools")));
            }
            Map<String, Integer> at = columns(records.next());
            List<String> missing = new ArrayList<>();
            Map<String, String> required = new LinkedHashMap<>();
            required.put("name", "EstablishmentName");
            required.put("urn", "URN");
            required.put("phase", "PhaseOfEducation (name)");
            required.put("uid", "Group UID");
            required.put("trust", "Group Name");
            required.put("joined", "Date joined group");
            required.forEach((field, heading) -> {
                if (!at.containsKey(field)) {
                    missing.add(heading);
                }
            });
            if (!at.containsKey("laestab") && !(at.containsKey("la") && at.containsKey("estab"))) {
                missing.add("LAESTAB (or LA (code) and EstablishmentNumber)");
            }
            if (!missing.isEmpty()) {
                return new Read(List.of(), List.of(new Problem(1, null, "the header has no column for "
                        + String.join(", ", missing) + ": add it, named as Get Information about Schools names it")));
            }
            while (records.hasNext()) {
                CSVRecord record = records.next();
                row(new Row(at, record, parser.getCurrentLineNumber()), schools, problems);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add(new Problem(0, null, "the file cannot be read as CSV (" + e.getMessage()
                    + "): save it as CSV (UTF-8) and upload it again"));
        }
        return new Read(List.copyOf(schools.values()), problems);
    }

    private static Map<String, Integer> columns(CSVRecord header) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(header.get(i).replace("\uFEFF", "").toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]", ""), i);
        }
        Map<String, Integer> at = new HashMap<>();
        COLUMNS.forEach((field, names) -> names.stream().filter(byName::containsKey).findFirst()
                .ifPresent(name -> at.put(field, byName.get(name))));
        return at;
    }

    private record Row(Map<String, Integer> at, CSVRecord record, long line) {
        String get(String field) {
            Integer i = at.get(field);
            if (i == null || i >= record.size()) {
                return "";
            }
            return record.get(i).strip();
        }
    }

    private static void row(Row row, Map<String, School> schools, List<Problem> problems) {
        long line = row.line();
        int before = problems.size();
        String laestabText = row.at().containsKey("laestab") && !row.get("laestab").isEmpty() ? row.get("laestab")
                : row.get("la") + row.get("estab");
        String laestab = Laestab.parse(laestabText).map(Laestab::code).orElse(null);
        if (laestab == null) {
            problems.add(new Problem(line, "LAESTAB", "'" + laestabText + "' is not a LAESTAB: give the 3-digit LA"
                    + " code and 4-digit establishment number, such as 9262001"));
        }
        String urn = row.get("urn");
        if (!urn.matches("\\d{6}")) {
            problems.add(new Problem(line, "URN", "'" + urn + "' is not a URN: give the school's 6-digit unique"
                    + " reference number"));
        }
        String name = row.get("name");
        if (name.isEmpty()) {
            problems.add(new Problem(line, "EstablishmentName", "the school's name is empty: give it"));
        }
        String phase = PHASES.stream().filter(p -> p.equalsIgnoreCase(row.get("phase"))).findFirst().orElse(null);
        if (phase == null) {
            problems.add(new Problem(line, "PhaseOfEducation (name)", "'" + row.get("phase") + "' is not a phase of"
                    + " education: give one of " + String.join(", ", PHASES)));
        }
        String uid = row.get("uid");
        String trust = row.get("trust");
        LocalDate joined = date(row, "joined", "Date joined group", problems);
        LocalDate left = date(row, "left", "Date left group", problems);
        if (uid.isEmpty()) {
            if (!trust.isEmpty() || joined != null || left != null) {
                problems.add(new Problem(line, "Group UID", "the row names a trust or its dates but no group UID:"
                        + " give the trust's UID, or leave the trust's columns empty for a school in no trust"));
            }
        } else {
            if (!uid.matches("\\d{1,8}")) {
                problems.add(new Problem(line, "Group UID", "'" + uid + "' is not a group UID: give the trust's"
                        + " number from Get Information about Schools, such as 2044"));
            }
            if (trust.isEmpty()) {
                problems.add(new Problem(line, "Group Name", "the trust's name is empty: give it"));
            }
            if (joined == null && problems.size() == before) {
                problems.add(new Problem(line, "Date joined group", "the date the school joined the trust is empty:"
                        + " give it as DD-MM-YYYY"));
            }
            if (joined != null && left != null && left.isBefore(joined)) {
                problems.add(new Problem(line, "Date left group", "the school left (" + left + ") before it joined ("
                        + joined + "): correct one of the dates"));
            }
        }
        if (problems.size() > before) {
            return;
        }
        School known = schools.get(laestab);
        if (known != null && (!known.urn().equals(urn))) {
            problems.add(new Problem(line, "URN", "LAESTAB " + laestab + " has URN " + known.urn() + " on an earlier"
                    + " line: give each school one URN"));
            return;
        }
        List<Membership> memberships = new ArrayList<>(known == null ? List.of() : known.memberships());
        if (!uid.isEmpty()) {
            Membership added = new Membership(uid, trust, joined, left, line);
            for (Membership m : memberships) {
                if (!added.joined().isAfter(end(m)) && !m.joined().isAfter(end(added))) {
                    problems.add(new Problem(line, "Date joined group", "school " + laestab + "'s membership of trust "
                            + uid + " overlaps its membership of trust " + m.uid() + " on line " + m.line()
                            + ": a school is in one trust at a time, correct the dates"));
                    return;
                }
            }
            memberships.add(added);
        }
        schools.put(laestab, new School(laestab, urn, name, phase, List.copyOf(memberships)));
    }

    private static LocalDate end(Membership m) {
        return m.left() == null ? LocalDate.MAX : m.left();
    }

    private static LocalDate date(Row row, String field, String column, List<Problem> problems) {
        String text = row.get(field);
        if (text.isEmpty()) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        problems.add(new Problem(row.line(), column, "'" + text + "' is not a date: give it as DD-MM-YYYY, such as"
                + " 01-09-2021"));
        return null;
    }
}

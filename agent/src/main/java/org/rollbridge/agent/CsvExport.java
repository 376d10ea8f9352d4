package org.rollbridge.agent;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.code.CodeList;
import org.rollbridge.core.code.ExclusionCategory;
import org.rollbridge.core.code.ExclusionReason;
import org.rollbridge.core.identity.Upn;

/**
 * An attendance or exclusions CSV read as the hub reads it (docs/formats.md, the hub's rule ids), each valid row
 * with its key and content hashes for the delta. Rows with errors are held back and counted; the school corrects
 * them in the MIS and the next export carries them.
 */
public final class CsvExport {

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true).setTrim(true).setAllowMissingColumnNames(true).get();
    private static final List<String> ATTENDANCE = List.of("laestab", "upn", "date", "session", "code");
    private static final List<String> EXCLUSIONS = List.of("laestab", "upn", "category", "reason", "start_date");
    /** Columns that say when or how a row was exported, not what it says: a change in them is not a change. */
    private static final Set<String> NOT_CONTENT = Set.of("recorded_at");

    private final Feed feed;
    private final List<String> header;
    private final List<Row> rows;
    private final ValidationSummary summary;

    /**
     * A valid row: its date (epoch day) and values as read; its key and content hashes are worked out when asked
     * for, so that rows outside the resend window cost no hashing.
     */
    public record Row(int day, List<String> values, Feed feed, List<String> header, Fields fields) {
        public long key() {
            return hash(CsvExport.key(feed, fields));
        }

        public long value() {
            return hash(content(header, values));
        }
    }

    private CsvExport(Feed feed, List<String> header, List<Row> rows, ValidationSummary summary) {
        this.feed = feed;
        this.header = header;
        this.rows = rows;
        this.summary = summary;
    }

    public List<Row> rows() {
        return rows;
    }

    public ValidationSummary summary() {
        return summary;
    }

    public Feed feed() {
        return feed;
    }

    /** The given rows as a CSV with this export's header. */
    public byte[] write(List<Row> selected) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(header);
            for (Row r : selected) {
                printer.printRecord(r.values());
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static CsvExport read(Feed feed, String fileName, byte[] bytes, String school, String at) {
        List<String> required = feed == Feed.ATTENDANCE ? ATTENDANCE : EXCLUSIONS;
        String prefix = feed == Feed.ATTENDANCE ? "ATT" : "EXC";
        Map<String, Integer> byRule = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        int read = 0;
        int errors = 0;
        int warnings = 0;
        List<String> header;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            try (Reader in = new java.io.StringReader(text); CSVParser csv = READ.parse(in)) {
                header = csv.getHeaderNames().stream()
                        .map(n -> n.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    index.putIfAbsent(header.get(i), i);
                }
                List<String> missing = required.stream().filter(c -> !index.containsKey(c)).toList();
                if (!missing.isEmpty()) {
                    return failed(feed, fileName, at, prefix + "-HEADER", "the header lacks the required column(s) "
                            + String.join(", ", missing) + " (docs/formats.md)");
                }
                Seen seen = new Seen();
                for (CSVRecord record : csv) {
                    read++;
                    List<String> values = new ArrayList<>(header.size());
                    for (int i = 0; i < header.size(); i++) {
                        values.add(i < record.size() ? record.get(i).strip() : "");
                    }
                    Fields row = new Fields(index, values, seen);
                    List<String> rowErrors = new ArrayList<>(2);
                    List<String> rowWarnings = new ArrayList<>(1);
                    LocalDate day = feed == Feed.ATTENDANCE ? checkAttendance(row, school, rowErrors, rowWarnings)
                            : checkExclusion(row, school, rowErrors, rowWarnings);
                    rowErrors.forEach(r -> byRule.merge(r, 1, Integer::sum));
                    rowWarnings.forEach(r -> byRule.merge(r, 1, Integer::sum));
                    warnings += rowWarnings.size();
                    if (!rowErrors.isEmpty()) {
                        errors++;
                        continue;
                    }
                    rows.add(new Row((int) day.toEpochDay(), values, feed, header, row));
                }
            }
        } catch (CharacterCodingException e) {
            return failed(feed, fileName, at, prefix + "-FILE", "the file is not UTF-8; export it again from the MIS "
                    + "as UTF-8");
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            return failed(feed, fileName, at, prefix + "-FILE", "the file could not be read as a CSV near record "
                    + (read + 1) + "; export it again from the MIS");
        }
        return new CsvExport(feed, header, rows, new ValidationSummary(fileName, feed.id(), at, read, rows.size(),
                errors, warnings, byRule, null));
    }

    /** Values repeated down a file (dates, UPNs), parsed or checked once per read. */
    private static final class Seen {
        final Map<String, LocalDate> dates = new HashMap<>();
        final Map<String, Upn.Check> upns = new HashMap<>();
    }

    /** One row's values by column name ("" for a column the file lacks). */
    record Fields(Map<String, Integer> index, List<String> values, Seen seen) {
        String get(String column) {
            Integer i = index.get(column);
            return i == null ? "" : values.get(i);
        }

        LocalDate date(String column) {
            String text = get(column);
            LocalDate known = seen.dates.get(text);
            if (known == null && !seen.dates.containsKey(text)) {
                known = CsvExport.date(text);
                seen.dates.put(text, known);
            }
            return known;
        }

        Upn.Check upnCheck() {
            return seen.upns.computeIfAbsent(get("upn").toUpperCase(Locale.ROOT), Upn::check);
        }
    }

    private static CsvExport failed(Feed feed, String file, String at, String rule, String why) {
        return new CsvExport(feed, List.of(), List.of(), new ValidationSummary(file, feed.id(), at, 0, 0, 0, 0,
                Map.of(rule, 1), why));
    }

    private static LocalDate checkAttendance(Fields row, String school, List<String> errors,
                                             List<String> warnings) {
        commonChecks("ATT", row, school, errors, warnings);
        LocalDate day = row.date("date");
        if (day == null) {
            errors.add("ATT-DATE");
        }
        String session = row.get("session").toUpperCase(Locale.ROOT);
        if (!session.equals("AM") && !session.equals("PM")) {
            errors.add("ATT-SESSION");
        }
        Optional<AttendanceCode> code = day == null ? AttendanceCode.parse(row.get("code"))
                : AttendanceCode.interpret(row.get("code"), day);
        if (code.isEmpty()) {
            errors.add("ATT-CODE");
        }
        return day;
    }

    private static LocalDate checkExclusion(Fields row, String school, List<String> errors,
                                            List<String> warnings) {
        commonChecks("EXC", row, school, errors, warnings);
        LocalDate day = row.date("start_date");
        if (day == null) {
            errors.add("EXC-DATE");
        }
        if (CodeList.lookup(ExclusionCategory.class, row.get("category")).isEmpty()) {
            errors.add("EXC-CATEGORY");
        }
        if (CodeList.lookup(ExclusionReason.class, row.get("reason")).isEmpty()) {
            errors.add("EXC-REASON");
        }
        return day;
    }

    private static void commonChecks(String prefix, Fields row, String school, List<String> errors,
                                     List<String> warnings) {
        if (!row.get("laestab").equals(school)) {
            errors.add(prefix + "-SCHOOL");
        }
        Upn.Check check = row.upnCheck();
        if (!check.usable()) {
            errors.add(prefix + "-UPN");
        } else if (check != Upn.Check.VALID) {
            warnings.add(prefix + "-UPN-TEMPORARY");
        }
    }

    private static String key(Feed feed, Fields row) {
        String upn = row.get("upn").toUpperCase(Locale.ROOT);
        if (feed == Feed.ATTENDANCE) {
            return upn + "|" + row.date("date") + "|" + row.get("session").toUpperCase(Locale.ROOT);
        }
        String misId = row.get("exclusion_id");
        return misId.isEmpty() ? upn + "|" + row.get("category").toUpperCase(Locale.ROOT) + "|"
                + row.date("start_date") : "id|" + misId;
    }

    private static String content(List<String> header, List<String> values) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < header.size(); i++) {
            if (!NOT_CONTENT.contains(header.get(i))) {
                text.append(header.get(i)).append('=').append(values.get(i)).append('\u001f');
            }
        }
        return text.toString();
    }

    /**
     * A 64-bit hash (FNV-1a over the characters, then the SplitMix64 finaliser to spread the bits). Not for
     * secrecy: only to tell rows apart, where a collision (about 1 in 2^64 for a changed row) would leave one
     * change unsent until the next change of that row or the next full CTF.
     */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text, UK_DATE);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    static CsvExport readContent(Feed feed, byte[] bytes, String school) {
        return read(feed, "outbox", bytes, school, "");
    }

}

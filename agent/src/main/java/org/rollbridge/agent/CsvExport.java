package org.rollbridge.agent;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.Finding;
import org.rollbridge.core.validation.Outcome;
import org.rollbridge.core.validation.Rule;

/**
 * An attendance or exclusions CSV read as the hub reads it (docs/formats.md; core's validation rules, so the
 * counts use the hub's rule ids), each valid row with its key and content hashes for the delta. Rows with errors are held back and counted; the school corrects
 * them in the MIS and the next export carries them.
 */
public final class CsvExport {

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true).setTrim(true).setAllowMissingColumnNames(true).get();
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

    /**
     * Reads the rows of an export that core's validation found usable. {@code report} is that validation's
     * report for the same bytes: a row with an error finding (by its position) is held back, as is a row for
     * another school; the summary counts findings by core's rule ids, so the school sees the hub's words.
     */
    public static CsvExport read(Feed feed, String fileName, byte[] bytes, String school, String at,
                                 FileReport report) {
        Map<String, Integer> byRule = new HashMap<>();
        report.findings().forEach(f -> byRule.merge(f.rule().name(), 1, Integer::sum));
        if (report.outcome() == Outcome.REFUSED) {
            String why = ValidationSummary.fileProblems(report);
            return new CsvExport(feed, List.of(), List.of(), new ValidationSummary(fileName, feed.id(), at,
                    report.records(), 0, 0, 0, byRule, why));
        }
        Set<Integer> held = new HashSet<>();
        report.findings().stream().filter(Finding::error).map(f -> f.record().position())
                .filter(java.util.Objects::nonNull).forEach(held::add);
        List<Row> rows = new ArrayList<>();
        int read = 0;
        int otherSchool = 0;
        List<String> header;
        try (Reader in = new java.io.StringReader(new String(bytes, StandardCharsets.UTF_8));
             CSVParser csv = READ.parse(in)) {
            header = csv.getHeaderNames().stream()
                    .map(n -> n.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(header.get(i), i);
            }
            Seen seen = new Seen();
            String dateColumn = feed == Feed.ATTENDANCE ? "date" : "start_date";
            for (CSVRecord record : csv) {
                read++;
                if (held.contains(read)) {
                    continue;
                }
                List<String> values = new ArrayList<>(header.size());
                for (int i = 0; i < header.size(); i++) {
                    values.add(i < record.size() ? record.get(i).strip() : "");
                }
                Fields row = new Fields(index, values, seen);
                if (!row.get("laestab").equals(school)) {
                    otherSchool++; // the whole file agrees on a school, but not this one
                    continue;
                }
                LocalDate day = row.date(dateColumn);
                if (day != null) {
                    rows.add(new Row((int) day.toEpochDay(), values, feed, header, row));
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            return new CsvExport(feed, List.of(), List.of(), new ValidationSummary(fileName, feed.id(), at, read, 0,
                    0, 0, byRule, "the file could not be read as a CSV near record " + (read + 1)
                    + "; export it again from the MIS"));
        }
        if (otherSchool > 0) {
            byRule.merge(Rule.LAESTAB_MISMATCH.name(), otherSchool, Integer::sum);
        }
        int errors = held.size() + otherSchool;
        return new CsvExport(feed, header, rows, new ValidationSummary(fileName, feed.id(), at, read, rows.size(),
                errors, (int) report.warnings(), byRule, null));
    }

    /** Values repeated down a file (dates, UPNs), parsed or checked once per read. */
    private static final class Seen {
        final Map<String, LocalDate> dates = new HashMap<>();
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

    /** Reads a batch the agent itself wrote (already validated), for the delta ledger. */
    static CsvExport readContent(Feed feed, byte[] bytes, String school) {
        return read(feed, "outbox", bytes, school, "", new FileReport("outbox", null, null, 0, 0, List.of()));
    }

}

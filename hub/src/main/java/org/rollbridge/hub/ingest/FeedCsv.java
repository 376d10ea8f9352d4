package org.rollbridge.hub.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A feed CSV read as docs/formats.md promises: strict UTF-8 (a BOM is allowed), header names matched without
 * regard to case or surrounding spaces, columns in any order, unknown columns ignored.
 */
public final class FeedCsv implements AutoCloseable, Iterable<FeedCsv.Row> {

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private final CSVParser parser;
    private final Map<String, Integer> header = new HashMap<>();

    public FeedCsv(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setAllowMissingColumnNames(true).setAllowDuplicateHeaderNames(true).get()
                .parse(new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder)));
        List<String> names = parser.getHeaderNames();
        for (int i = 0; i < names.size(); i++) {
            header.putIfAbsent(names.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT), i);
        }
    }

    public List<String> missing(List<String> required) {
        return required.stream().filter(c -> !header.containsKey(c)).toList();
    }

    /** One data row; {@link #line()} is its line in the file, counting the header as line 1. */
    public final class Row {
        private final CSVRecord record;

        Row(CSVRecord record) {
            this.record = record;
        }

        public String location() {
            return "line " + (record.getRecordNumber() + 1);
        }

        /** The column's value, trimmed; empty when the column is absent or the row is short. */
        public String get(String column) {
            Integer i = header.get(column);
            return i == null || i >= record.size() ? "" : record.get(i).strip();
        }
    }

    @Override
    public Iterator<Row> iterator() {
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            public boolean hasNext() {
                return records.hasNext();
            }

            public Row next() {
                return new Row(records.next());
            }
        };
    }

    /** ISO YYYY-MM-DD, or DD/MM/YYYY; null when it is neither. */
    public static LocalDate date(String text) {
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

    @Override
    public void close() throws IOException {
        parser.close();
    }
}

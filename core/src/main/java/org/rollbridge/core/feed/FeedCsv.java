package org.rollbridge.core.feed;

import org.rollbridge.core.text.FileSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rollbridge.core.text.ControlCharacters;
import org.rollbridge.core.text.StrictDecoder;

/**
 * Reads a feed CSV tolerantly (docs/formats.md): UTF-8 with or without a byte-order mark, header names matched
 * without regard to case, surrounding spaces or spaces inside ({@code Start Date} is {@code start_date}), columns
 * in any order, unknown columns ignored. Rows are streamed one at a time with their line numbers; a bad row never
 * stops the file.
 */
final class FeedCsv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    /** One data row: its fields by normalised column name. */
    static final class Row {
        private final Map<String, Integer> columns;
        private final CSVRecord record;
        final long line;
        final int position;

        private Row(Map<String, Integer> columns, CSVRecord record, long line, int position) {
            this.columns = columns;
            this.record = record;
            this.line = line;
            this.position = position;
        }

        /** The stripped value, or null when the column is absent, the row too short, or the value blank. */
        String get(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= record.size()) {
                return null;
            }
            String value = record.get(index).strip();
            return value.isEmpty() ? null : value;
        }
    }

    private FeedCsv() {
    }

    /** The file as UTF-8: bytes that are not end the read with an {@link CsvProblem.Kind#ENCODING} problem. */
    static Reader open(FileSource source) throws IOException {
        return new StrictDecoder(source.open(), StandardCharsets.UTF_8, 0);
    }

    /** Normalises a header name: no BOM, stripped, lower case, inner spaces and hyphens as underscores. */
    static String columnName(String header) {
        String h = header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
        return h.replaceAll("[\\s\\-]+", "_");
    }

    static CsvReadResult read(Reader reader, List<String> required, Consumer<Row> rows,
                              Consumer<CsvProblem> problems) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            long line = parser.getCurrentLineNumber() + 1;
            boolean anyRow;
            try {
                anyRow = records.hasNext();
            } catch (UncheckedIOException | IllegalStateException e) {
                problems.accept(unreadable(e, line));
                return new CsvReadResult(0, false, null);
            }
            if (!anyRow) {
                problems.accept(new CsvProblem(CsvProblem.Kind.EMPTY, 1, null, 0, 0, "the file is empty"));
                return new CsvReadResult(0, false, null);
            }
            CSVRecord header = records.next();
            Map<String, Integer> columns = new HashMap<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                names.add(columnName(header.get(i)));
                columns.putIfAbsent(names.get(i), i);
            }
            List<String> missing = new ArrayList<>();
            for (String column : required) {
                if (!columns.containsKey(column)) {
                    missing.add(column);
                }
            }
            if (!missing.isEmpty()) {
                for (String column : missing) {
                    problems.accept(new CsvProblem(CsvProblem.Kind.MISSING_COLUMN, header.getRecordNumber(),
                            column, header.size(), header.size(), "required column missing"));
                }
                return new CsvReadResult(0, false, null);
            }
            int count = 0;
            String firstLaestab = null;
            while (true) {
                line = parser.getCurrentLineNumber() + 1;
                if (!hasNext(records, line, problems)) {
                    break;
                }
                CSVRecord record;
                try {
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    problems.accept(unreadable(e, line));
                    break;
                }
                count++;
                if (record.size() != header.size()) {
                    problems.accept(new CsvProblem(CsvProblem.Kind.FIELD_COUNT, line, null, record.size(),
                            header.size(), "field count differs from the header"));
                }
                controlCharacters(record, names, line, problems);
                Row row = new Row(columns, record, line, count);
                if (firstLaestab == null) {
                    firstLaestab = row.get("laestab");
                }
                rows.accept(row);
            }
            return new CsvReadResult(count, true, firstLaestab);
        }
    }

    private static boolean hasNext(Iterator<CSVRecord> records, long line, Consumer<CsvProblem> problems) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            problems.accept(unreadable(e, line));
            return false;
        }
    }

    /** Why the rest of the file cannot be read: bytes that are not UTF-8 (at their own line), or an open quote. */
    private static CsvProblem unreadable(RuntimeException e, long line) {
        if (e.getCause() instanceof StrictDecoder.InvalidBytes bad) {
            return new CsvProblem(CsvProblem.Kind.ENCODING, bad.line(), null, bad.byteOffset(), 0, bad.getMessage());
        }
        return new CsvProblem(CsvProblem.Kind.UNCLOSED_QUOTE, line, null, 0, 0, "a quoted field is never closed");
    }

    /** A problem for each field of the row that holds a control character, naming the first one. */
    private static void controlCharacters(CSVRecord record, List<String> names, long line,
                                          Consumer<CsvProblem> problems) {
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i);
            int at = ControlCharacters.first(value);
            if (at >= 0) {
                String column = i < names.size() ? names.get(i) : "field " + (i + 1);
                problems.accept(new CsvProblem(CsvProblem.Kind.CONTROL_CHARACTER, line, column, at + 1,
                        value.charAt(at), ControlCharacters.shown(value.strip())));
            }
        }
    }
}

package org.rollbridge.core.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rollbridge.core.pupil.RecordedDate;

/**
 * Reads the person register CSV (also the incoming records' CSV): header
 * {@code id,upn,former_upns,uln,legal_forename,legal_surname,preferred_forename,preferred_surname,dob,sex,postcode}.
 * Tolerant where it is safe: header names in any case, order and spacing, a byte-order mark, extra columns
 * ignored, {@code DD/MM/YYYY} dates. A row that cannot be read exactly (wrong number of fields, a date that is no
 * date, no id, an id seen before) is skipped and reported with its line, never guessed at. Problems name the
 * line, the record id and the field, never the personal values.
 */
public final class PersonCsv {

    public static final List<String> COLUMNS = List.of("id", "upn", "former_upns", "uln", "legal_forename",
            "legal_surname", "preferred_forename", "preferred_surname", "dob", "sex", "postcode");

    /** A row that was skipped, and why. */
    public record Problem(String file, long line, String message) {
        @Override
        public String toString() {
            return file + " line " + line + ": " + message;
        }
    }

    /** The people read and the rows skipped. */
    public record Read(List<MatchPerson> people, List<Problem> problems) {
    }

    /** The file as a whole cannot be used: unreadable, empty, or its header lacks a column. */
    public static final class FileException extends Exception {
        public FileException(String message) {
            super(message);
        }
    }

    private PersonCsv() {
    }

    public static Read read(Path file) throws FileException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new FileException(file + ": cannot read the file (does it exist, and may you read it?)");
        }
        try (Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            return read(reader, file.toString());
        } catch (IOException e) {
            throw new FileException(file + ": cannot read the file: " + e.getMessage());
        }
    }

    public static Read read(Reader in, String name) throws FileException, IOException {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> rows = parser.iterator();
            if (!rows.hasNext()) {
                throw new FileException(name + ": the file is empty; expected the header " + String.join(",", COLUMNS));
            }
            CSVRecord header = rows.next();
            int[] column = columns(header, name);
            int width = header.size();
            List<MatchPerson> people = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            Map<String, Long> seen = new HashMap<>();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord row;
                try {
                    if (!rows.hasNext()) {
                        break;
                    }
                    row = rows.next();
                } catch (UncheckedIOException e) {
                    problems.add(new Problem(name, line, "the CSV is malformed from here (" + e.getCause().getMessage()
                            + "); the rest of the file was not read. Check for an unclosed quote."));
                    break;
                }
                String problem = problem(row, column, width, seen, line);
                if (problem != null) {
                    problems.add(new Problem(name, line, problem + "; row skipped"));
                } else {
                    people.add(person(row, column));
                    seen.put(row.get(column[0]).strip(), line);
                }
            }
            return new Read(people, problems);
        }
    }

    /** Where each contract column sits in this file's header. */
    private static int[] columns(CSVRecord header, String name) throws FileException {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            positions.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_'), i);
        }
        int[] column = new int[COLUMNS.size()];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            Integer at = positions.get(COLUMNS.get(c));
            if (at == null) {
                missing.add(COLUMNS.get(c));
            } else {
                column[c] = at;
            }
        }
        if (!missing.isEmpty()) {
            throw new FileException(name + " line 1: the header lacks " + String.join(", ", missing)
                    + "; expected the header " + String.join(",", COLUMNS) + " (any order)");
        }
        return column;
    }

    /** What is wrong with a row, or null when it can be read. */
    private static String problem(CSVRecord row, int[] column, int width, Map<String, Long> seen, long line) {
        if (row.size() != width) {
            return "expected " + width + " fields as in the header, found " + row.size();
        }
        String id = row.get(column[0]).strip();
        if (id.isEmpty()) {
            return "the id is empty";
        }
        Long first = seen.get(id);
        if (first != null) {
            return "id " + id + " was already used on line " + first;
        }
        RecordedDate dob = RecordedDate.of(row.get(column[8]).strip());
        if (dob.invalid()) {
            return "id " + id + ": dob is not a date; expected YYYY-MM-DD";
        }
        return null;
    }

    private static MatchPerson person(CSVRecord row, int[] column) {
        String formerText = row.get(column[2]);
        List<String> former = new ArrayList<>();
        for (String u : formerText.split(";")) {
            if (!u.isBlank()) {
                former.add(u.strip());
            }
        }
        return new MatchPerson(row.get(column[0]).strip(), text(row, column[1]), former, text(row, column[3]),
                text(row, column[4]), text(row, column[5]), text(row, column[6]), text(row, column[7]),
                RecordedDate.of(row.get(column[8]).strip()), text(row, column[9]), text(row, column[10]));
    }

    private static String text(CSVRecord row, int column) {
        String v = row.get(column).strip();
        return v.isEmpty() ? null : v;
    }
}

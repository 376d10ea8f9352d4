package org.rollbridge.national.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The session rows of a pack of {@code sessions.csv} files ({@code .../YYYY-MM-DD/URN/sessions.csv}), read one file
 * after another with plain file reads: the extracts sit on a filesystem every executor mounts, and going through
 * Hadoop's file system for each school's small daily file (a checksum file looked for, a reader set up) costs
 * more than reading it. The feed's five fields hold no commas; quotes are dropped. The school is the folder's,
 * the delivery day the folder above it; the date stays text for the caller to read as a date.
 */
final class ExtractLines implements Iterator<Row> {

    static final StructType SCHEMA = new StructType()
            .add("upn", DataTypes.StringType).add("date", DataTypes.StringType)
            .add("session", DataTypes.StringType).add("code", DataTypes.StringType)
            .add("urn", DataTypes.StringType).add("delivery", DataTypes.DateType);

    private final Iterator<String> files;
    private BufferedReader reader;
    private String urn;
    private Date delivery;
    private Row next;

    ExtractLines(List<String> files) {
        this.files = files.iterator();
    }

    @Override
    public boolean hasNext() {
        try {
            while (next == null) {
                String line = reader == null ? null : reader.readLine();
                if (line == null) {
                    if (!open()) {
                        return false;
                    }
                } else {
                    next = row(line);
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row r = next;
        next = null;
        return r;
    }

    /** Opens the next file, or says there is none. */
    private boolean open() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
        if (!files.hasNext()) {
            return false;
        }
        Path file = Path.of(files.next());
        Path school = file.getParent();
        urn = school.getFileName().toString();
        delivery = Date.valueOf(LocalDate.parse(school.getParent().getFileName().toString()));
        reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        return true;
    }

    /** A row for a mark, or null for the header and blank lines. Short lines leave the missing fields null. */
    private Row row(String line) {
        String text = line.indexOf('"') >= 0 ? line.replace("\"", "") : line;
        if (text.isEmpty() || text.startsWith("urn,")) {
            return null;
        }
        String[] f = text.split(",", -1);
        return RowFactory.create(field(f, 1), field(f, 2), field(f, 3), field(f, 4), urn, delivery);
    }

    private static String field(String[] fields, int i) {
        return i < fields.length ? fields[i] : null;
    }
}

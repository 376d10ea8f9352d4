package org.rollbridge.cli.indicators;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.rollbridge.core.pupil.RecordedDate;

/**
 * The children with a social worker, looked after or on a child protection plan, as the LA's children's services
 * list them: either one UPN a line, or a CSV with a {@code upn} column. When the CSV also has {@code end_date}, a
 * case closed on or before the as-of date is left out; when it has any of {@code social_worker},
 * {@code looked_after}, {@code child_protection}, a row with none of them true is left out.
 */
final class CohortFile {

    private static final List<String> FLAGS = List.of("social_worker", "looked_after", "child_protection");

    private CohortFile() {
    }

    static List<String> read(Path file, LocalDate asOf) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header = List.of(lines.getFirst().replace("\uFEFF", "").toLowerCase(Locale.ROOT).split(","));
        List<String> upns = new ArrayList<>();
        if (!header.stream().map(String::strip).toList().contains("upn")) {
            for (String line : lines) {
                String upn = line.replace("\uFEFF", "").strip();
                if (!upn.isEmpty()) {
                    upns.add(upn);
                }
            }
            return upns;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).get();
            for (CSVRecord row : format.parse(r)) {
                if (open(row, asOf) && flagged(row)) {
                    String upn = row.get("upn");
                    if (upn != null && !upn.isBlank()) {
                        upns.add(upn.strip());
                    }
                }
            }
        }
        return upns;
    }

    private static boolean open(CSVRecord row, LocalDate asOf) {
        if (!row.isMapped("end_date") || !row.isSet("end_date")) {
            return true;
        }
        return RecordedDate.of(row.get("end_date")).date().map(end -> end.isAfter(asOf)).orElse(true);
    }

    private static boolean flagged(CSVRecord row) {
        boolean anyColumn = false;
        for (String flag : FLAGS) {
            if (row.isMapped(flag) && row.isSet(flag)) {
                anyColumn = true;
                String v = row.get(flag).toLowerCase(Locale.ROOT);
                if (v.equals("true") || v.equals("y") || v.equals("yes") || v.equals("1")) {
                    return true;
                }
            }
        }
        return !anyColumn;
    }
}

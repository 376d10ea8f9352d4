package org.rollbridge.hub.sharing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rollbridge.hub.Refusal;
import org.springframework.stereotype.Component;

/**
 * Loads opt-outs from {@code optouts.csv} (columns {@code upn,agreement,restriction,requested_by,date}, and an
 * optional {@code evidence}) into the register, each row as if recorded by hand: checked against its agreement
 * and audited. A row whose opt-out is in force already is left as it is, so loading a file again changes nothing.
 */
@Component
public class OptOutImport {

    static final List<String> REQUIRED = List.of("upn", "agreement", "restriction", "requested_by", "date");

    private final OptOutStore register;

    OptOutImport(OptOutStore register) {
        this.register = register;
    }

    /** Rows read, opt-outs recorded, rows already in force, and each row left out with its line and reason. */
    public record Result(int read, int recorded, int unchanged, List<String> problems) {
    }

    public Result load(Path file) throws IOException {
        List<String> problems = new ArrayList<>();
        int read = 0;
        int recorded = 0;
        int unchanged = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreHeaderCase(true).setTrim(true).get().parse(in)) {
            List<String> missing = REQUIRED.stream().filter(h -> csv.getHeaderNames().stream()
                    .noneMatch(n -> n.replace("\uFEFF", "").strip().equalsIgnoreCase(h))).toList();
            if (!missing.isEmpty()) {
                throw new IOException(file + ": the opt-out list has no " + String.join(", ", missing)
                        + " column; see docs/sharing.md");
            }
            boolean evidence = csv.getHeaderNames().stream().anyMatch(n -> n.equalsIgnoreCase("evidence"));
            for (CSVRecord row : csv) {
                read++;
                String where = file.getFileName() + " line " + (row.getRecordNumber() + 1);
                try {
                    register.record(row.get("upn"), row.get("agreement"), row.get("restriction")
                                    .toLowerCase(Locale.ROOT), row.get("requested_by").toLowerCase(Locale.ROOT),
                            LocalDate.parse(row.get("date")), evidence ? row.get("evidence") : "loaded from "
                                    + file.getFileName(), "import:" + file.getFileName());
                    recorded++;
                } catch (Refusal.Conflict e) {
                    unchanged++;
                } catch (Refusal | DateTimeParseException e) {
                    problems.add(where + ": " + e.getMessage() + "; the row is left out");
                }
            }
        }
        return new Result(read, recorded, unchanged, problems);
    }
}

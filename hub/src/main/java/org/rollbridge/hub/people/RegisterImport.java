package org.rollbridge.hub.people;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the LA's person register CSV (docs/formats.md) into the person index. Each person added releases the
 * records held for their UPNs; every held pupil record is then matched again through rules 1-5 by a queued job,
 * queued with each chunk of people, so the import returns promptly and a crash loses no re-matching. A row without
 * an id or with an unreadable date is reported and skipped.
 */
@Service
public class RegisterImport {

    private final PersonIndex persons;
    private final TransactionTemplate tx;
    private final HeldRecordMatching heldMatching;

    public RegisterImport(PersonIndex persons, TransactionTemplate tx, HeldRecordMatching heldMatching) {
        this.persons = persons;
        this.tx = tx;
        this.heldMatching = heldMatching;
    }

    /**
     * @param problems what was wrong with rows that were skipped, with their line
     * @param released held records released because a person loaded holds their UPN; re-matching the rest
     *                 through rules 1-5 is queued ({@link HeldRematchJob}) and runs after the import returns
     */
    public record Result(int read, int loaded, List<String> problems, int released) {
    }

    public Result load(Path file) throws IOException {
        List<String> problems = new ArrayList<>();
        int read = 0;
        int loaded = 0;
        int[] released = {0};
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreHeaderCase(true).setTrim(true).get().parse(in)) {
            Map<String, Integer> header = new HashMap<>();
            List<String> names = csv.getHeaderNames();
            for (int i = 0; i < names.size(); i++) {
                header.put(names.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT), i);
            }
            if (!header.containsKey("id")) {
                throw new IOException(file + ": the register has no 'id' column; see docs/formats.md");
            }
            List<PersonIndex.Person> chunk = new ArrayList<>();
            for (CSVRecord row : csv) {
                read++;
                String where = file.getFileName() + " line " + (row.getRecordNumber() + 1);
                String id = get(row, header, "id");
                if (id == null) {
                    problems.add(where + ": id is empty; every person needs the LA's own id");
                    continue;
                }
                LocalDate dob = null;
                String dobText = get(row, header, "dob");
                if (dobText != null) {
                    try {
                        dob = LocalDate.parse(dobText);
                    } catch (DateTimeParseException e) {
                        problems.add(where + ": dob '" + dobText + "' is not a YYYY-MM-DD date; loaded without it");
                    }
                }
                String former = get(row, header, "former_upns");
                chunk.add(new PersonIndex.Person(id, upper(get(row, header, "upn")),
                        former == null ? List.of() : Arrays.stream(former.split(";")).map(String::strip)
                                .filter(s -> !s.isEmpty()).map(RegisterImport::upper).toList(),
                        get(row, header, "uln"), get(row, header, "legal_forename"), get(row, header, "legal_surname"),
                        dob, get(row, header, "sex"), get(row, header, "postcode")));
                if (chunk.size() == 500) {
                    loaded += save(chunk, released);
                }
            }
            loaded += save(chunk, released);
        }
        return new Result(read, loaded, problems, released[0]);
    }

    /**
     * Saves a chunk of people and, in the same transaction, makes sure a re-matching of the held records is
     * queued: they may now match by ULN, date of birth, postcode or name.
     */
    private int save(List<PersonIndex.Person> chunk, int[] released) {
        int n = chunk.size();
        tx.executeWithoutResult(s -> {
            chunk.forEach(p -> released[0] += persons.add(p, "register", null).released());
            heldMatching.queueRematch();
        });
        chunk.clear();
        return n;
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static String get(CSVRecord row, Map<String, Integer> header, String column) {
        Integer i = header.get(column);
        if (i == null || i >= row.size()) {
            return null;
        }
        String v = row.get(i).strip();
        return v.isEmpty() ? null : v;
    }
}

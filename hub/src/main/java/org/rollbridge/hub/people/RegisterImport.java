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
 * an id or with an unreadable date is reported and skipped, and so is a person the LA erased (one of their
 * identifiers is on the suppression list): loading them would recreate them.
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
            List<String> lines = new ArrayList<>();
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
                lines.add(where);
                if (chunk.size() == 500) {
                    loaded += save(chunk, lines, released, problems);
                }
            }
            loaded += save(chunk, lines, released, problems);
        }
        return new Result(read, loaded, problems, released[0]);
    }

    /**
     * Saves a chunk of people (read from {@code lines}) but the erased and, in the same transaction, makes sure a
     * re-matching of the held records is queued: they may now match by ULN, date of birth, postcode or name.
     */
    private int save(List<PersonIndex.Person> chunk, List<String> lines, int[] released, List<String> problems) {
        Map<PersonIndex.Person, Long> erased = persons.erased(chunk);
        for (int i = 0; i < chunk.size(); i++) {
            Long decision = erased.get(chunk.get(i));
            if (decision != null) {
                problems.add(lines.get(i) + ": this person was erased (erasure decision " + decision + ") and their "
                        + "UPN or ULN is on the suppression list, so they are not loaded again; take them off the "
                        + "register, or ask the LA's data protection officer whether the decision still stands");
            }
        }
        List<PersonIndex.Person> kept = chunk.stream().filter(p -> !erased.containsKey(p)).toList();
        tx.executeWithoutResult(s -> {
            kept.forEach(p -> released[0] += persons.add(p, "register", null).released());
            heldMatching.queueRematch();
        });
        chunk.clear();
        lines.clear();
        return kept.size();
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

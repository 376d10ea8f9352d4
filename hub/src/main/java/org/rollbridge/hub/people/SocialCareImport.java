package org.rollbridge.hub.people;

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
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;

/**
 * Loads children's social care's list of the children it knows (la/social-care.csv in docs/formats.md): who has a
 * social worker, is looked after or is on a child protection plan. The list is the whole current picture, so a
 * load replaces the previous one. Children are found by UPN (current or former); a row whose UPN leads to nobody
 * is reported by line and left out.
 */
@Service
public class SocialCareImport {

    private static final Set<String> REQUIRED = Set.of("upn", "social_worker", "looked_after", "child_protection");
    private final PersonQuery persons;
    private final SocialCareStore store;

    public SocialCareImport(PersonQuery persons, SocialCareStore store) {
        this.persons = persons;
        this.store = store;
    }

    /** @param problems rows left out, by line, without the child's identifiers */
    public record Result(int read, int loaded, List<String> problems) {
    }

    public Result load(Path file) throws IOException {
        List<String> problems = new ArrayList<>();
        List<SocialCareStore.Case> cases = new ArrayList<>();
        int read = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreHeaderCase(true).setTrim(true).get().parse(in)) {
            List<String> missing = REQUIRED.stream().filter(h -> csv.getHeaderNames().stream()
                    .noneMatch(n -> n.replace("\uFEFF", "").strip().equalsIgnoreCase(h))).sorted().toList();
            if (!missing.isEmpty()) {
                throw new IOException(file + ": the social care list has no " + String.join(", ", missing)
                        + " column; see docs/formats.md (la/social-care.csv)");
            }
            Map<String, Long> byUpn = persons.personsByUpn();
            for (CSVRecord row : csv) {
                read++;
                String where = file.getFileName() + " line " + (row.getRecordNumber() + 1);
                Long person = byUpn.get(row.get("upn").strip().toUpperCase(Locale.ROOT));
                if (person == null) {
                    problems.add(where + ": no person in the LA's index has this UPN; the row is left out");
                    continue;
                }
                try {
                    cases.add(new SocialCareStore.Case(person, flag(row, "social_worker"),
                            flag(row, "looked_after"), flag(row, "child_protection"), date(row, "start_date"),
                            date(row, "end_date")));
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": " + e.getMessage() + "; the row is left out");
                }
            }
        }
        store.replace(cases);
        return new Result(read, cases.size(), problems);
    }

    private static boolean flag(CSVRecord row, String column) {
        String v = row.isMapped(column) ? row.get(column).strip().toLowerCase(Locale.ROOT) : "";
        return switch (v) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0", "" -> false;
            default -> throw new IllegalArgumentException(column + " is '" + v + "', not true or false");
        };
    }

    private static LocalDate date(CSVRecord row, String column) {
        String v = row.isMapped(column) ? row.get(column).strip() : "";
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(column + " '" + v + "' is not a date (year-month-day)");
        }
    }
}

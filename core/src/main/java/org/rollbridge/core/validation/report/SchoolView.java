package org.rollbridge.core.validation.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.Finding;
import org.rollbridge.core.validation.RecordRef;
import org.rollbridge.core.validation.Rule;

/** A file's findings arranged as a school reads them: by rule (catalogue order), then by pupil (file order). */
final class SchoolView {

    private SchoolView() {
    }

    static Map<Rule, List<Finding>> byRuleThenPupil(FileReport file) {
        List<Finding> sorted = new ArrayList<>(file.findings());
        sorted.sort(Comparator.comparing((Finding f) -> f.rule())
                .thenComparing(f -> f.record().position(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(f -> f.record().line(), Comparator.nullsFirst(Comparator.naturalOrder())));
        Map<Rule, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding f : sorted) {
            groups.computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(f);
        }
        return groups;
    }

    /** The pupil as the school knows them: "Amara Okafor, Year 5, UPN B801200005001". */
    static String pupil(RecordRef r) {
        List<String> parts = new ArrayList<>();
        String name = String.join(" ", nonBlank(r.forename()), nonBlank(r.surname())).strip();
        if (!name.isEmpty()) {
            parts.add(name);
        }
        if (r.ncYear() != null && !r.ncYear().isBlank()) {
            parts.add(yearGroup(r.ncYear().strip()));
        }
        if (r.upn() != null && !r.upn().isBlank()) {
            parts.add("UPN " + r.upn());
        }
        if (parts.isEmpty()) {
            return r.wholeFile() ? "Whole file" : "Record " + (r.position() != null ? r.position() : "");
        }
        return String.join(", ", parts);
    }

    /** Where in the file: "pupil 3, line 45". */
    static String place(RecordRef r) {
        List<String> parts = new ArrayList<>();
        if (r.position() != null) {
            parts.add("record " + r.position());
        }
        if (r.line() != null) {
            parts.add("line " + r.line());
        }
        return String.join(", ", parts);
    }

    static String yearGroup(String nc) {
        return nc.chars().allMatch(Character::isDigit) ? "Year " + nc : nc.equals("R") ? "Reception" : nc;
    }

    private static String nonBlank(String s) {
        return s == null ? "" : s.strip();
    }
}

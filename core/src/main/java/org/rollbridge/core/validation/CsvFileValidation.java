package org.rollbridge.core.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.rollbridge.core.feed.CsvProblem;
import org.rollbridge.core.identity.Laestab;
import org.rollbridge.core.text.ControlCharacters;

/**
 * What the attendance and exclusions CSV validations share: turning the reader's shape problems into findings,
 * the one-school-per-file rule, and judging each pupil's UPN and names once per file, not once per row.
 */
abstract class CsvFileValidation {

    final String path;
    final FileFindings findings;
    private final Set<String> judgedPupils = new HashSet<>();
    private final Map<Long, List<CsvProblem>> rowProblems = new HashMap<>();
    private String fileLaestab;
    /** The school the file was sent for, when known: every row must name it. */
    String expectedSchool;

    CsvFileValidation(String path, RuleSettings settings) {
        this.path = path;
        this.findings = new FileFindings(settings);
    }

    /** Header, quoting and encoding problems concern the file; field-count and control characters wait for their row. */
    void problem(CsvProblem p) {
        switch (p.kind()) {
            case MISSING_COLUMN -> findings.add(Rule.CSV_HEADER, RecordRef.line(p.line()), "header", null,
                    p.column(), "");
            case EMPTY -> findings.add(Rule.CSV_HEADER, RecordRef.line(1), "header", null, "header",
                    " (the file is empty)");
            case UNCLOSED_QUOTE -> findings.add(Rule.CSV_QUOTING, RecordRef.line(p.line()), "row", null);
            case ENCODING -> findings.add(Rule.CSV_ENCODING, RecordRef.line(p.line()), "file", null, p.found());
            case FIELD_COUNT, CONTROL_CHARACTER -> rowProblems.computeIfAbsent(p.line(), l -> new ArrayList<>()).add(p);
        }
    }

    /** Starts a row's findings: reports its field-count problem, the school and, once per pupil, UPN and names. */
    FileFindings.RecordSink row(long line, int position, String laestab, String upn, String forename,
                                String surname, String ncYear) {
        FileFindings.RecordSink out = findings.record(new RecordRef(upn, position, line, forename, surname, ncYear));
        for (CsvProblem shape : rowProblems.getOrDefault(line, List.of())) {
            if (shape.kind() == CsvProblem.Kind.FIELD_COUNT) {
                out.add(Rule.CSV_FIELD_COUNT, "row", String.valueOf(shape.found()), shape.found(), shape.expected());
            } else {
                out.add(Rule.CSV_CONTROL_CHARACTER, shape.column(), shape.detail(), shape.column(),
                        ControlCharacters.name((char) shape.expected()), shape.found(), shape.detail());
            }
        }
        rowProblems.remove(line);
        laestab(laestab, out);
        String key = upn == null ? "" : upn.strip();
        if (judgedPupils.add(key)) {
            IdentifierChecks.upn(upn, out);
            NameChecks.name("forename", "forename", forename, out);
            NameChecks.name("surname", "surname", surname, out);
        }
        return out;
    }

    private void laestab(String laestab, FindingSink out) {
        if (Laestab.parse(laestab).isEmpty()) {
            out.add(Rule.LAESTAB_MISMATCH, "laestab", laestab, laestab == null ? "(none)" : laestab,
                    "is not a 7-digit LA and establishment number");
            return;
        }
        String code = Laestab.parse(laestab).orElseThrow().code();
        if (expectedSchool != null && !expectedSchool.equals(code)) {
            out.add(Rule.LAESTAB_MISMATCH, "laestab", laestab, laestab,
                    "is not the school the file was sent for (" + expectedSchool + ")");
        } else if (fileLaestab == null) {
            fileLaestab = code;
        } else if (!fileLaestab.equals(code)) {
            out.add(Rule.LAESTAB_MISMATCH, "laestab", laestab, laestab,
                    "is not the school of the file's first row (" + fileLaestab + ")");
        }
    }

    /** Whether the row's findings so far hold it back. */
    static boolean passed(FileFindings.RecordSink out) {
        return !out.hasError();
    }

    SchoolRef school() {
        return fileLaestab == null ? null : SchoolRef.fromLaestab(fileLaestab).orElse(null);
    }
}

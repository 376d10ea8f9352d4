package org.rollbridge.cli.indicators;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.rollbridge.core.ctf.CtfHeader;
import org.rollbridge.core.ctf.CtfReadException;
import org.rollbridge.core.ctf.CtfReader;
import org.rollbridge.core.ctf.CtfVisitor;
import org.rollbridge.core.ctf.PupilPosition;
import org.rollbridge.core.feed.AttendanceCsv;
import org.rollbridge.core.feed.CsvProblem;
import org.rollbridge.core.feed.CsvReadResult;
import org.rollbridge.core.feed.ExclusionsCsv;
import org.rollbridge.core.indicators.IndicatorRun;
import org.rollbridge.core.pupil.Pupil;

/**
 * Reads the files named on the command line into an {@link IndicatorRun}: CTF XML files (pupils and their marks),
 * attendance CSVs and exclusions CSVs (named with "exclusion"), or folders holding them. Problems go to
 * {@code err} naming the file and line, never a pupil's personal details; a bad row is left out; a file that
 * cannot be read, or read to the end, is counted so the exit code can say so.
 */
final class IndicatorInputs {

    private static final int PROBLEMS_SHOWN_PER_FILE = 10;

    private final IndicatorRun run;
    private final PrintWriter err;
    private int unreadableFiles;

    IndicatorInputs(IndicatorRun run, PrintWriter err) {
        this.run = run;
        this.err = err;
    }

    int unreadableFiles() {
        return unreadableFiles;
    }

    /** The XML and CSV files at these paths, folders searched recursively, in name order. */
    static List<Path> files(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(IndicatorInputs::readable).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean readable(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".xml") || n.endsWith(".csv");
    }

    void read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml")) {
            readCtf(file);
        } else if (name.contains("exclusion")) {
            readExclusions(file);
        } else {
            readAttendance(file);
        }
    }

    private void readCtf(Path file) {
        List<Pupil> pupils = new ArrayList<>();
        CtfHeader header;
        try {
            header = CtfReader.read(file, new CtfVisitor() {
                @Override
                public void pupil(Pupil pupil, PupilPosition where) {
                    pupils.add(pupil);
                }
            });
        } catch (CtfReadException e) {
            unreadableFiles++;
            err.println(file + ": not used: " + e.getMessage());
            return;
        }
        String laestab = trim(header.sourceLea()) + trim(header.sourceEstab());
        if (!laestab.matches("\\d{7}")) {
            unreadableFiles++;
            err.println(file + ": not used: the header's SourceSchool has no LEA and Estab (read '" + laestab
                    + "'), so its pupils cannot be placed at a school. Ask the school to export the file again.");
            return;
        }
        java.time.LocalDate taken = org.rollbridge.core.pupil.RecordedDate.of(header.dateTime()).date().orElse(null);
        int noUpn = 0;
        for (Pupil p : pupils) {
            if (p.upn() == null || p.upn().isBlank()) {
                noUpn++;
            } else {
                run.addPupil(laestab, p, taken, header.full());
            }
        }
        if (noUpn > 0) {
            err.println(file + ": " + noUpn + " pupil(s) without a UPN left out; indicators are kept by UPN.");
        }
    }

    private void readAttendance(Path file) {
        readCsv(file, problems -> AttendanceCsv.read(file, row -> {
            var mark = row.sessionMark();
            if (mark.isEmpty() || row.laestab() == null || row.upn() == null) {
                problems.row(row.line(), whatIsMissing(row) + "; row left out");
                return;
            }
            run.addMark(row.laestab(), row.upn(), mark.get());
        }, problems::shape));
    }

    private void readExclusions(Path file) {
        readCsv(file, problems -> ExclusionsCsv.read(file, row -> {
            if (row.laestab() == null || row.upn() == null) {
                problems.row(row.line(), "laestab and upn are needed; row left out");
                return;
            }
            run.addExclusion(row.toExclusion());
        }, problems::shape));
    }

    /** Reads one CSV through {@code reading}; a file whose header or body could not be read counts as unreadable. */
    private void readCsv(Path file, CsvReading reading) {
        Problems problems = new Problems(file);
        try {
            CsvReadResult result = reading.read(problems);
            if (!result.headerComplete() || problems.cutShort) {
                unreadableFiles++;
            }
        } catch (IOException e) {
            unreadableFiles++;
            err.println(file + ": not used: " + e.getMessage());
        }
        problems.finish();
    }

    @FunctionalInterface
    private interface CsvReading {
        CsvReadResult read(Problems problems) throws IOException;
    }

    private static String whatIsMissing(org.rollbridge.core.feed.AttendanceRow row) {
        if (row.laestab() == null || row.upn() == null) {
            return "no " + (row.laestab() == null ? "laestab" : "upn");
        }
        if (row.date().date().isEmpty()) {
            return row.date().present() ? "date '" + row.date().text() + "' is not a date (use YYYY-MM-DD)"
                    : "no date";
        }
        if (row.sessionValue().isEmpty()) {
            return "session '" + (row.session() == null ? "" : row.session()) + "' is not AM or PM";
        }
        return "no code";
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    /** Prints the first few problems in a file and how many more there were. */
    private final class Problems {
        private final Path file;
        private int count;
        private boolean cutShort;

        Problems(Path file) {
            this.file = file;
        }

        void row(long line, String what) {
            if (++count <= PROBLEMS_SHOWN_PER_FILE) {
                err.println(file + ": line " + line + ": " + what + ".");
            }
        }

        void shape(CsvProblem p) {
            cutShort |= p.kind() == CsvProblem.Kind.UNCLOSED_QUOTE || p.kind() == CsvProblem.Kind.ENCODING;
            String what = switch (p.kind()) {
                case MISSING_COLUMN -> "the header has no '" + p.column() + "' column, so the file cannot be read;"
                        + " see docs/formats.md for the columns required";
                case FIELD_COUNT -> "the row has " + p.found() + " fields where the header has " + p.expected()
                        + "; missing fields read as empty";
                case UNCLOSED_QUOTE -> "a quoted field is never closed; the rest of the file cannot be read";
                case ENCODING -> "from byte " + p.found() + " the file is not UTF-8 text; the rest of the file cannot"
                        + " be read (export it as UTF-8)";
                case CONTROL_CHARACTER -> "the " + p.column() + " field holds an invisible control character: \""
                        + p.detail() + "\"";
                case EMPTY -> "the file is empty";
            };
            row(p.line(), what);
        }

        void finish() {
            if (count > PROBLEMS_SHOWN_PER_FILE) {
                err.println(file + ": ... and " + (count - PROBLEMS_SHOWN_PER_FILE) + " more problem(s).");
            }
        }
    }
}

package org.rollbridge.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.ctf.CtfHeader;
import org.rollbridge.core.ctf.CtfVisitor;
import org.rollbridge.core.ctf.CtfWriter;
import org.rollbridge.core.ctf.PupilPosition;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.core.ctf.CtfReader;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.RuleSettings;
import org.rollbridge.core.validation.Validator;

/**
 * {@code ./rollbridge bench validate [PUPILS] [DIR]}: validation throughput on a CTF of 100,000 pupils (default)
 * with a year of session marks each, next to parse-only speed ({@link CtfReader} with a visitor that does nothing)
 * over the same file in the same run. The aim is validation at 70% or more of parse-only speed.
 */
final class ValidateBenchmark implements Benchmarks.Benchmark {

    @Override
    public String description() {
        return "validation records/s on a 100k-pupil CTF with a year of marks, next to parse-only [PUPILS] [DIR]";
    }

    @Override
    public void run(String[] args) throws Exception {
        int pupils = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("validate-bench");
        Files.createDirectories(dir);
        Path raw = dir.resolve("ctf-" + pupils + ".xml");
        long t0 = System.nanoTime();
        CtfParseBenchmark.write(raw, pupils);
        Path clean = dir.resolve("ctf-" + pupils + "-clean.xml");
        realistic(raw, clean);
        System.out.printf("%,d pupils with a year of marks written in %.1f s (%s)%n", pupils,
                (System.nanoTime() - t0) / 1e9, dir);
        System.out.println("\nA school's file: names of letters, year groups that fit the date of birth");
        measure(clean, pupils);
        System.out.println("\nWorst case: every pupil has findings (digits in both names, most year groups wrong)");
        measure(raw, pupils);
    }

    /**
     * Rewrites the ctf-parse benchmark's file as a school's would be: its names carry a serial number in digits
     * (a NAME_CHARACTERS error on every pupil) and one year group for all; here names spell the serial in letters
     * and the year group is the one the date of birth gives.
     */
    private static void realistic(Path from, Path to) throws Exception {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(to), 1 << 16)) {
            CtfWriter[] writer = new CtfWriter[1];
            CtfReader.read(from, new CtfVisitor() {
                private LocalDate fileDate;

                @Override
                public void header(CtfHeader h) {
                    writer[0] = new CtfWriter(out, h);
                    fileDate = RecordedDate.of(h.dateTime()).date().orElseThrow();
                }

                @Override
                public void pupil(Pupil p, PupilPosition where) {
                    Pupil.Builder b = p.toBuilder().surname(letters(p.surname())).forename(letters(p.forename()));
                    p.dob().date().flatMap(d -> NcYear.expectedFor(d, fileDate)).ifPresent(b::ncYear);
                    writer[0].write(b.build());
                }
            });
            writer[0].close();
        }
    }

    private static String letters(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) ('a' + (c - '0')) : c);
        }
        return b.toString();
    }

    private static void measure(Path file, int pupils) throws Exception {
        double mb = Files.size(file) / 1e6;
        parse(file);
        FileReport report = validate(file);
        System.out.printf("  %.1f MB; findings: %,d errors, %,d warnings on %,d records%n", mb, report.errors(), report.warnings(),
                report.records());
        double parse = Double.MAX_VALUE;
        double validate = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) { // best of three, alternating so both see the same machine load
            parse = Math.min(parse, time(() -> parse(file)));
            validate = Math.min(validate, time(() -> validate(file)));
        }
        System.out.printf("  parse only (CtfReader)   : %6.2f s  %,9.0f records/s  %6.1f MB/s%n", parse,
                pupils / parse, mb / parse);
        System.out.printf("  parse + validate (all rules): %6.2f s  %,9.0f records/s  = %.0f%% of parse-only speed"
                + " (aim >= 70%%)%n", validate, pupils / validate, 100 * parse / validate);
    }

    interface Task {
        void run() throws Exception;
    }

    private static double time(Task task) throws Exception {
        long t0 = System.nanoTime();
        task.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void parse(Path file) throws Exception {
        int[] count = {0};
        CtfReader.read(file, (p, where) -> count[0]++);
        if (count[0] == 0) {
            throw new IllegalStateException("no pupils read");
        }
    }

    private static FileReport validate(Path file) {
        FileReport report = new Validator(RuleSettings.defaults(), null, Clock.systemUTC())
                .validateFile(file, file.toString());
        if (report.records() == 0 || report.unreadable()) {
            throw new IllegalStateException("the benchmark file could not be validated: " + report.findings());
        }
        return report;
    }
}

package org.rollbridge.bench;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.rollbridge.core.validation.FileKind;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.Finding;
import org.rollbridge.core.validation.Rule;
import org.rollbridge.core.validation.RuleSettings;
import org.rollbridge.core.validation.ValidationReport;
import org.rollbridge.core.validation.Validator;
import org.rollbridge.synth.Settings;
import org.rollbridge.synth.SyntheticLa;

/**
 * {@code ./rollbridge bench validate-accuracy [DIR]}: generates the default synthetic LA (or uses one already
 * generated into DIR), validates what the schools send on the snapshot date (each school's pupils-ctf.xml,
 * attendance.csv and exclusions.csv) in one run, and prints, against {@code truth/errors.csv}, the recall for each
 * injected error kind in each kind of file, and the error findings on records with no injected error (false
 * positives). A finding counts for an injected error when a rule that detects its kind reports it on the same
 * record: the same pupil position in a CTF, the same UPN in a CSV.
 */
final class ValidateAccuracyBenchmark implements Benchmarks.Benchmark {

    /** The rules that detect each injected error kind of the synthetic LA. */
    static final Map<String, Set<Rule>> DETECTED_BY = Map.ofEntries(
            Map.entry("UPN_CHECK_LETTER", Set.of(Rule.UPN_CHECK_LETTER)),
            Map.entry("UPN_TEMPORARY", Set.of(Rule.UPN_TEMPORARY)),
            Map.entry("UPN_DUPLICATE_ACROSS_SCHOOLS", Set.of(Rule.UPN_DUPLICATE)),
            Map.entry("POSTCODE_MISSING", Set.of(Rule.POSTCODE_MISSING)),
            Map.entry("POSTCODE_MALFORMED", Set.of(Rule.POSTCODE_FORMAT)),
            Map.entry("NAME_EXTRA_SPACES", Set.of(Rule.NAME_WHITESPACE)),
            Map.entry("DOB_TYPO", Set.of(Rule.DOB_INVALID, Rule.DOB_IMPLAUSIBLE, Rule.DOB_YEAR_GROUP_MISMATCH)),
            Map.entry("DOB_IMPOSSIBLE", Set.of(Rule.DOB_INVALID)),
            Map.entry("DOB_NC_YEAR_MISMATCH", Set.of(Rule.DOB_YEAR_GROUP_MISMATCH)),
            Map.entry("ETHNICITY_INVALID", Set.of(Rule.ETHNICITY_CODE)),
            Map.entry("SEN_PROVISION_INVALID", Set.of(Rule.SEN_PROVISION_CODE)),
            Map.entry("ATTENDANCE_CODE_INVALID", Set.of(Rule.ATTENDANCE_CODE_UNKNOWN)));

    /** Why some injected kinds cannot be found in some files, printed beside their recall. */
    static final Map<String, String> NOT_DETECTABLE = Map.of(
            "DOB_TYPO", "another real date that still fits the year group: no rule can tell",
            "DOB_NC_YEAR_MISMATCH attendance", "the attendance CSV has no date of birth to compare with",
            "UPN_DUPLICATE_ACROSS_SCHOOLS attendance", "a UPN in two schools' attendance files is also how a "
                    + "dual-registered pupil looks; the CTFs are where it is found");

    record Injected(String file, String position, String upn, String field, String kind) {
    }

    @Override
    public String description() {
        return "recall per injected error kind and false errors on the synthetic LA [DIR of a generated LA]";
    }

    @Override
    public void run(String[] args) throws Exception {
        Path la;
        if (args.length > 0) {
            la = Path.of(args[0]).toAbsolutePath().normalize();
        } else {
            la = Files.createTempDirectory("synthetic-la");
            long t0 = System.nanoTime();
            SyntheticLa.generate(Settings.defaults(), la);
            System.out.printf("generated the default synthetic LA in %.1f s into %s%n",
                    (System.nanoTime() - t0) / 1e9, la);
        }
        List<Injected> truth = readTruth(la.resolve("truth/errors.csv"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(la.resolve("schools"))) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().contains("previous"))
                    .filter(ValidateAccuracyBenchmark::validatable)
                    .sorted().toList();
        }
        Set<Path> validated = new HashSet<>(files);
        long t0 = System.nanoTime();
        ValidationReport report = new Validator(RuleSettings.defaults(), null, Clock.systemUTC()).validate(files);
        System.out.printf("validated %d files, %,d records in %.1f s: %,d errors, %,d warnings%n", files.size(),
                report.records(), (System.nanoTime() - t0) / 1e9, report.errors(), report.warnings());

        Set<String> injectedRecords = new HashSet<>();
        Set<String> injectedUpns = new HashSet<>();
        Map<String, int[]> perKind = new TreeMap<>();
        int elsewhere = 0;
        for (Injected e : truth) {
            Path file = la.resolve(e.file()).normalize();
            if (!validated.contains(file)) {
                elsewhere++;
                continue;
            }
            injectedRecords.add(file + "#" + e.position());
            injectedRecords.add(file + "#" + e.upn());
            injectedUpns.add(e.upn());
            int[] counts = perKind.computeIfAbsent(e.kind() + " " + kindOf(file), k -> new int[2]);
            counts[0]++;
            if (found(report, file, e)) {
                counts[1]++;
            }
        }
        System.out.printf("%,d injected errors in the files sent on the snapshot date (%,d more in the LA's register "
                + "or the earlier snapshot, not validated here)%n", truth.size() - elsewhere, elsewhere);
        System.out.printf("%n%-42s %9s %7s %8s%n", "injected error kind, in file", "injected", "found", "recall");
        perKind.forEach((kindInFile, c) -> {
            String kind = kindInFile.substring(0, kindInFile.indexOf(' '));
            String why = NOT_DETECTABLE.getOrDefault(kindInFile, NOT_DETECTABLE.get(kind));
            String note = !DETECTED_BY.containsKey(kind) ? "  (no validation rule: not a data-quality error)"
                    : c[1] < c[0] && why != null ? "  (" + why + ")" : "";
            System.out.printf("%-42s %,9d %,7d %7.1f%%%s%n", kindInFile, c[0], c[1], 100.0 * c[1] / c[0], note);
        });

        long falseErrors = 0;
        Map<Rule, Integer> falseByRule = new TreeMap<>();
        for (FileReport file : report.files()) {
            Path path = Path.of(file.path()).normalize();
            for (Finding f : file.findings()) {
                if (!f.error() || f.record().position() == null) {
                    continue;
                }
                String upn = f.record().upn();
                boolean injected = file.kind() == FileKind.CTF
                        ? injectedRecords.contains(path + "#" + f.record().position())
                        : injectedRecords.contains(path + "#" + upn);
                if (!injected && !(upn != null && injectedUpns.contains(upn))) {
                    falseErrors++;
                    falseByRule.merge(f.rule(), 1, Integer::sum);
                }
            }
        }
        System.out.printf("%nerror findings on records with no injected error (false positives): %,d%n", falseErrors);
        falseByRule.forEach((rule, n) -> System.out.printf("  %-34s %,d%n", rule.id(), n));
    }

    private static String kindOf(Path file) {
        try {
            return FileKind.detect(file).map(FileKind::label).orElse("?");
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static boolean validatable(Path p) {
        return !kindOf(p).equals("?");
    }

    private static boolean found(ValidationReport report, Path file, Injected e) {
        Set<Rule> rules = DETECTED_BY.get(e.kind());
        if (rules == null) {
            return false;
        }
        for (FileReport r : report.files()) {
            boolean sameFile = Path.of(r.path()).normalize().equals(file);
            for (Finding f : r.findings()) {
                if (!rules.contains(f.rule())) {
                    continue;
                }
                boolean sameUpn = e.upn() != null && e.upn().equals(f.record().upn());
                boolean samePosition = r.kind() == FileKind.CTF
                        && e.position().equals(String.valueOf(f.record().position()));
                // in CTFs a duplicate is reported on whichever of the two records the run reads second
                boolean duplicate = f.rule() == Rule.UPN_DUPLICATE && sameUpn && r.kind() == FileKind.CTF
                        && kindOf(file).equals("ctf");
                if ((sameFile && (samePosition || (r.kind() != FileKind.CTF && sameUpn))) || duplicate) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Injected> readTruth(Path csv) throws Exception {
        List<Injected> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.add(new Injected(rec.get("file"), rec.get("pupil_position"), rec.get("upn"), rec.get("field"),
                        rec.get("kind")));
            }
        }
        return out;
    }
}

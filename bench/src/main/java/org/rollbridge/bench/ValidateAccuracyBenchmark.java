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

/**
 * {@code ./rollbridge bench validate-accuracy DIR}: validates every CTF, attendance and exclusions file of a
 * synthetic LA generated into DIR ({@code ./rollbridge generate ... --out DIR}) in one run, then prints, against
 * {@code DIR/truth/errors.csv}, the recall for each injected error kind and the number of error findings on
 * records with no injected error (false positives). Kinds that are not validation errors (duplicate people in
 * the LA's register, for matching) are listed as such.
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

    record Injected(String file, String position, String upn, String field, String kind) {
    }

    @Override
    public String description() {
        return "recall per injected error kind and false errors on a generated synthetic LA: DIR";
    }

    @Override
    public void run(String[] args) throws Exception {
        if (args.length == 0 || !Files.isRegularFile(Path.of(args[0], "truth", "errors.csv"))) {
            System.out.println("Usage: ./rollbridge bench validate-accuracy DIR, where DIR holds a synthetic LA "
                    + "(./rollbridge generate --out DIR) with truth/errors.csv.");
            System.exit(2);
        }
        Path la = Path.of(args[0]).toAbsolutePath().normalize();
        List<Injected> truth = readTruth(la.resolve("truth/errors.csv"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(la)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !la.relativize(p).startsWith("truth"))
                    .filter(ValidateAccuracyBenchmark::validatable)
                    .sorted().toList();
        }
        long t0 = System.nanoTime();
        ValidationReport report = new Validator(RuleSettings.defaults(), null, Clock.systemUTC()).validate(files);
        System.out.printf("validated %d files, %,d records in %.1f s: %,d errors, %,d warnings%n", files.size(),
                report.records(), (System.nanoTime() - t0) / 1e9, report.errors(), report.warnings());

        Map<String, int[]> perKind = new TreeMap<>();
        Set<String> injectedRecords = new HashSet<>();
        Set<String> injectedUpns = new HashSet<>();
        for (Injected e : truth) {
            injectedRecords.add(key(la, e.file(), e.position()));
            if (e.upn() != null && !e.upn().isBlank()) {
                injectedUpns.add(e.upn().strip());
            }
        }
        for (Injected e : truth) {
            int[] counts = perKind.computeIfAbsent(e.kind(), k -> new int[2]);
            counts[0]++;
            if (found(la, report, e)) {
                counts[1]++;
            }
        }
        System.out.printf("%n%-30s %9s %9s %8s%n", "injected error kind", "injected", "found", "recall");
        perKind.forEach((kind, c) -> {
            if (DETECTED_BY.containsKey(kind)) {
                System.out.printf("%-30s %,9d %,9d %7.1f%%%n", kind, c[0], c[1], 100.0 * c[1] / c[0]);
            } else {
                System.out.printf("%-30s %,9d %9s %8s  (not a validation error: register duplicates, for "
                        + "matching)%n", kind, c[0], "-", "-");
            }
        });
        long falseErrors = 0;
        Map<Rule, Integer> falseByRule = new TreeMap<>();
        for (FileReport file : report.files()) {
            for (Finding f : file.findings()) {
                if (!f.error() || f.record().position() == null) {
                    continue;
                }
                boolean injected = injectedRecords.contains(key(la, file.path(), String.valueOf(f.record().position())))
                        || (f.record().upn() != null && injectedUpns.contains(f.record().upn().strip()));
                if (!injected) {
                    falseErrors++;
                    falseByRule.merge(f.rule(), 1, Integer::sum);
                }
            }
        }
        System.out.printf("%nerror findings on records with no injected error (false positives): %,d%n", falseErrors);
        falseByRule.forEach((rule, n) -> System.out.printf("  %-34s %,d%n", rule.id(), n));
    }

    private static boolean validatable(Path p) {
        try {
            return FileKind.detect(p).isPresent();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean found(Path la, ValidationReport report, Injected e) {
        Set<Rule> rules = DETECTED_BY.get(e.kind());
        if (rules == null) {
            return false;
        }
        String wanted = key(la, e.file(), e.position());
        for (FileReport file : report.files()) {
            for (Finding f : file.findings()) {
                if (!rules.contains(f.rule())) {
                    continue;
                }
                boolean sameRecord = wanted.equals(key(la, file.path(), String.valueOf(f.record().position())));
                boolean sameUpn = e.upn() != null && !e.upn().isBlank() && e.upn().strip().equals(
                        f.record().upn() == null ? null : f.record().upn().strip());
                boolean duplicateAnywhere = f.rule() == Rule.UPN_DUPLICATE && sameUpn;
                if (sameRecord || duplicateAnywhere || (sameUpn && sameFile(la, file.path(), e.file()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameFile(Path la, String path, String truthFile) {
        return la.resolve(path).normalize().equals(la.resolve(truthFile).normalize());
    }

    private static String key(Path la, String file, String position) {
        return la.resolve(file).normalize() + "#" + position;
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

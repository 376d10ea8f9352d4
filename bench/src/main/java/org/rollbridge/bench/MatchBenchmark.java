package org.rollbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rollbridge.bench.evaluation.EvaluationCorpus;
import org.rollbridge.core.matching.MatchDecision;
import org.rollbridge.core.matching.MatchPerson;
import org.rollbridge.core.matching.MatchResult;
import org.rollbridge.core.matching.MatchSettings;
import org.rollbridge.core.matching.PersonCsv;
import org.rollbridge.core.matching.PersonMatcher;
import org.rollbridge.core.matching.PersonRegister;
import org.rollbridge.core.matching.SyntheticPeople;

/**
 * {@code ./rollbridge bench match [--seed S] [--register N --incoming N] [--write DIR] [--data DIR | --people]
 * [--link BITS --review BITS] [--no-duke] [--sweep] [--wrong]}: accuracy of rules 1-4 alone, of the full cascade
 * and of Duke on the same records against ground truth, per kind of record, with the estimated model and the
 * cascade's speed.
 *
 * <p>By default the records are the evaluation corpus ({@link EvaluationCorpus}: 3,720 register people, 2,890
 * incoming, the held-out seed); {@code --write DIR} also writes it as CSV for {@code ./rollbridge match}. With
 * {@code --data DIR} it reads the synthetic LA ({@code DIR/la/register.csv}, {@code DIR/la/incoming.csv},
 * {@code DIR/truth/people.csv}); with {@code --people} it generates people with the core test fixture
 * {@code SyntheticPeople}.
 */
public final class MatchBenchmark implements Benchmarks.Benchmark {

    @Override
    public String description() {
        return "person matching: precision, recall, review share and speed, rules 1-4 vs cascade vs Duke";
    }

    @Override
    public void run(String[] args) throws Exception {
        Map<String, String> options = options(args);
        long t0 = System.nanoTime();
        List<MatchPerson> register;
        List<MatchPerson> incoming;
        Map<String, String> truth;
        Map<String, String> kinds = Map.of();
        String source;
        if (options.containsKey("data")) {
            Path dir = Path.of(options.get("data"));
            register = PersonCsv.read(dir.resolve("la/register.csv")).people();
            incoming = PersonCsv.read(dir.resolve("la/incoming.csv")).people();
            truth = truth(dir.resolve("truth/people.csv"));
            source = "synthetic LA in " + dir;
        } else if (options.containsKey("people")) {
            int registerSize = Integer.parseInt(options.getOrDefault("register", "150000"));
            int incomingSize = Integer.parseInt(options.getOrDefault("incoming", "120000"));
            long seed = Long.parseLong(options.getOrDefault("seed", "1"));
            SyntheticPeople people = SyntheticPeople.generate(registerSize, incomingSize, seed);
            register = people.register();
            incoming = people.incoming();
            truth = people.truth();
            source = "generated people (SyntheticPeople, seed " + seed + ")";
        } else {
            int registerSize = Integer.parseInt(options.getOrDefault("register", "3720"));
            int incomingSize = Integer.parseInt(options.getOrDefault("incoming", "2890"));
            long seed = Long.parseLong(options.getOrDefault("seed", String.valueOf(HELD_OUT_SEED)));
            EvaluationCorpus corpus = EvaluationCorpus.generate(registerSize, incomingSize, seed);
            if (options.containsKey("write")) {
                corpus.write(Path.of(options.get("write")));
            }
            register = corpus.register();
            incoming = corpus.incoming();
            truth = corpus.personOf();
            Map<String, String> k = new HashMap<>();
            corpus.kinds().forEach((id, kind) -> k.put(id, kind.name()));
            kinds = k;
            source = "evaluation corpus, seed " + seed + (TUNING_SEEDS.contains(seed) ? " (a seed the matching was tuned on)"
                    : " (not used for tuning)");
        }
        System.out.printf(Locale.ROOT, "Data: %s: %,d register, %,d incoming (loaded in %.1f s); %d processors%n",
                source, register.size(), incoming.size(), seconds(t0), Runtime.getRuntime().availableProcessors());

        MatchSettings settings = MatchSettings.defaults();
        if (options.containsKey("link")) {
            settings = settings.withThresholds(Double.parseDouble(options.get("link")),
                    Double.parseDouble(options.getOrDefault("review", String.valueOf(settings.reviewThreshold()))));
        }
        if (options.containsKey("margin")) {
            settings = settings.withMargin(Double.parseDouble(options.get("margin")));
        }
        Truth t = new Truth(truth, register);

        // Full cascade, timed end to end from the parsed records: index, EM estimation, matching. The first run
        // includes the JVM's warm-up; the second is what a long-running hub sees.
        Timing cold = Timing.of(register, incoming, settings);
        Timing warm = Timing.of(register, incoming, settings);
        PersonMatcher matcher = warm.matcher;
        List<MatchResult> cascade = warm.results;

        long deterministicStart = System.nanoTime();
        List<MatchResult> deterministic = new PersonMatcher(warm.index, matcher.model(), settings.deterministicOnly())
                .match(incoming);
        double deterministicSeconds = seconds(deterministicStart);

        System.out.println();
        System.out.println(matcher.model().describe());
        System.out.println();
        System.out.printf(Locale.ROOT, "Thresholds: link >= %.1f bits, review >= %.1f bits, margin %.1f bits%n",
                settings.linkThreshold(), settings.reviewThreshold(), settings.margin());
        List<Scores> rows = new java.util.ArrayList<>();
        rows.add(Scores.of("rules 1-4 alone", deterministic, t));
        rows.add(Scores.of("full cascade (rules 1-5)", cascade, t));
        List<MatchResult> duke = null;
        double dukeSeconds = 0;
        if (!options.containsKey("no-duke")) {
            long dukeStart = System.nanoTime();
            duke = new DukeBaseline().match(register, incoming);
            dukeSeconds = seconds(dukeStart);
            rows.add(Scores.of("Duke 1.2", duke, t));
        }
        System.out.println(Scores.HEADER);
        rows.forEach(r -> System.out.println(r.row()));
        System.out.println();
        if (!kinds.isEmpty()) {
            perKind("rules 1-4 alone", deterministic, t, kinds);
            perKind("full cascade (rules 1-5)", cascade, t, kinds);
            if (duke != null) {
                perKind("Duke 1.2", duke, t, kinds);
            }
        }
        System.out.println("Why the full cascade held records back (review and conflict), with how many were right:");
        Map<String, long[]> reasons = new java.util.TreeMap<>();
        for (MatchResult r : cascade) {
            if (r.decision() == MatchDecision.REVIEW || r.decision() == MatchDecision.CONFLICT) {
                long[] n = reasons.computeIfAbsent(r.decision().code() + ": " + r.reason(), k -> new long[2]);
                n[0]++;
                n[1] += t.same(r.incomingId(), r.registerId()) ? 1 : 0;
            }
        }
        reasons.forEach((reason, n) -> System.out.printf(Locale.ROOT, "  %6d (%d right)  %s%n", n[0], n[1], reason));
        if (options.containsKey("wrong") || options.containsKey("held")) {
            wrong(cascade, t, kinds, register, incoming, options.containsKey("held"));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Speed, full cascade: %,d incoming against %,d register. First run %.2f s "
                        + "(%,.0f records/s, JVM warming up); second run %.2f s wall (index %.2f s, EM %.2f s, "
                        + "matching %.2f s): %,.0f records/s; %.2f s of CPU (%,.0f records per CPU second).%n",
                incoming.size(), register.size(), cold.wall, incoming.size() / cold.wall, warm.wall,
                warm.indexSeconds, warm.emSeconds, warm.matchSeconds, incoming.size() / warm.wall, warm.cpuSeconds,
                incoming.size() / warm.cpuSeconds);
        System.out.printf(Locale.ROOT, "Load average while measuring: %.1f on %d processors%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "Baseline, rules 1-4 alone on the same index: %.2f s (%,.0f records/s)%n",
                deterministicSeconds, incoming.size() / deterministicSeconds);
        if (duke != null) {
            System.out.printf(Locale.ROOT, "Duke: %.1f s (%,.0f records/s)%n", dukeSeconds, incoming.size() / dukeSeconds);
        }

        if (options.containsKey("sweep")) {
            System.out.println();
            System.out.println("Threshold sweep (same model):");
            System.out.println(Scores.HEADER);
            for (double link : new double[] {8, 9, 10, 11, 12, 13, 14, 16, 18}) {
                for (double review : new double[] {4, 5, 6, 7, 8}) {
                    for (double margin : new double[] {3, 4, 6}) {
                        if (review > link) {
                            continue;
                        }
                        PersonMatcher m = new PersonMatcher(warm.index, matcher.model(),
                                settings.withThresholds(link, review).withMargin(margin));
                        System.out.println(Scores.of(String.format(Locale.ROOT, "link %.0f review %.0f margin %.0f",
                                link, review, margin), m.match(incoming), t).row());
                    }
                }
            }
        }
    }

    /**
     * The corpus seeds the model and thresholds were chosen on (1 and 3, then 2), and the one kept back for the
     * figures in docs/matching.md (5, 6 and 7 are further seeds never used for tuning either).
     */
    static final List<Long> TUNING_SEEDS = List.of(1L, 2L, 3L);
    static final long HELD_OUT_SEED = 4;

    /** One timed run of the whole cascade. */
    private record Timing(PersonRegister index, PersonMatcher matcher, List<MatchResult> results, double wall,
                          double indexSeconds, double emSeconds, double matchSeconds, double cpuSeconds) {
        static Timing of(List<MatchPerson> register, List<MatchPerson> incoming, MatchSettings settings) {
            long cpu = cpuNanos();
            long start = System.nanoTime();
            PersonRegister index = PersonRegister.of(register);
            double indexSeconds = seconds(start);
            long emStart = System.nanoTime();
            PersonMatcher matcher = PersonMatcher.estimated(index, incoming, settings);
            double emSeconds = seconds(emStart);
            long matchStart = System.nanoTime();
            List<MatchResult> results = matcher.match(incoming);
            double matchSeconds = seconds(matchStart);
            return new Timing(index, matcher, results, seconds(start), indexSeconds, emSeconds, matchSeconds,
                    (cpuNanos() - cpu) / 1e9);
        }

        /** CPU time of the whole process: on a machine shared with other work, wall time says little alone. */
        private static long cpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }

    /** Precision, recall and review share for each kind of record, and what became of the records. */
    private static void perKind(String name, List<MatchResult> results, Truth t, Map<String, String> kinds) {
        System.out.println(name + ", by kind of record:");
        System.out.printf(Locale.ROOT, "  %-20s %7s %7s %6s %7s %6s %6s %10s %10s %9s%n", "kind", "records", "link",
                "wrong", "review", "right", "new", "precision", "recall", "review");
        Map<String, List<MatchResult>> byKind = new java.util.TreeMap<>();
        for (MatchResult r : results) {
            byKind.computeIfAbsent(kinds.get(r.incomingId()), k -> new java.util.ArrayList<>()).add(r);
        }
        byKind.forEach((kind, rs) -> {
            Scores s = Scores.of(kind, rs, t);
            System.out.printf(Locale.ROOT, "  %-20s %7d %7d %6d %7d %6d %6d %9.2f%% %10s %8.2f%%%n", kind,
                    s.incoming(), s.links(), s.links() - s.rightLinks(), s.held(), s.rightHeld(), s.newTotal(),
                    100 * s.precision(), s.linkable() == 0 ? "(new " + (100 * s.newCorrect() / Math.max(1, s.incoming()))
                            + "%)" : String.format(Locale.ROOT, "%.2f%%", 100 * s.recall()),
                    100.0 * s.held() / s.incoming());
        });
        System.out.println();
    }

    /**
     * Every wrong link and every missed match, with the kind (with {@code held}, every review and conflict too):
     * for looking at what went wrong.
     */
    private static void wrong(List<MatchResult> results, Truth t, Map<String, String> kinds,
                              List<MatchPerson> register, List<MatchPerson> incoming, boolean held) {
        Map<String, MatchPerson> byId = new HashMap<>();
        register.forEach(p -> byId.put(p.id(), p));
        incoming.forEach(p -> byId.put(p.id(), p));
        System.out.println("Wrong links and missed matches:");
        for (MatchResult r : results) {
            boolean wrongLink = r.decision() == MatchDecision.LINK && !t.same(r.incomingId(), r.registerId());
            boolean missed = t.linkable(r.incomingId()) && !t.same(r.incomingId(), r.registerId());
            boolean heldBack = held && (r.decision() == MatchDecision.REVIEW || r.decision() == MatchDecision.CONFLICT);
            if (wrongLink || missed || heldBack) {
                System.out.printf(Locale.ROOT, "  %s %s %s score=%s reason=%s%n    in:  %s%n    got: %s%n",
                        kinds.get(r.incomingId()), r.decision().code(), r.rule(), r.score(), r.reason(),
                        byId.get(r.incomingId()), r.registerId() == null ? "-" : byId.get(r.registerId()));
            }
        }
    }

    /** Ground truth: which records are the same person, and which people the register holds. */
    record Truth(Map<String, String> personOf, Set<String> registered) {
        Truth(Map<String, String> personOf, List<MatchPerson> register) {
            this(personOf, registeredPeople(personOf, register));
        }

        private static Set<String> registeredPeople(Map<String, String> personOf, List<MatchPerson> register) {
            Set<String> people = new HashSet<>();
            for (MatchPerson p : register) {
                people.add(personOf.get(p.id()));
            }
            return people;
        }

        boolean same(String incomingId, String registerId) {
            String person = personOf.get(incomingId);
            return person != null && registerId != null && person.equals(personOf.get(registerId));
        }

        boolean linkable(String incomingId) {
            return registered.contains(personOf.get(incomingId));
        }
    }

    /**
     * Precision: right automatic links / automatic links. Recall: true matches found (right links plus review
     * and conflict records pointing at the right person) / incoming records whose person is in the register.
     */
    record Scores(String name, long incoming, long links, long rightLinks, long held, long rightHeld, long linkable,
                  long newCorrect, long newTotal) {

        static final String HEADER = String.format(Locale.ROOT, "%-30s %10s %10s %8s %10s %10s %10s",
                "", "precision", "recall", "F1", "review", "auto-link", "wrong");

        static Scores of(String name, List<MatchResult> results, Truth t) {
            long links = 0, right = 0, held = 0, rightHeld = 0, linkable = 0, newCorrect = 0, newTotal = 0;
            for (MatchResult r : results) {
                boolean canLink = t.linkable(r.incomingId());
                if (canLink) {
                    linkable++;
                }
                switch (r.decision()) {
                    case LINK -> {
                        links++;
                        if (t.same(r.incomingId(), r.registerId())) {
                            right++;
                        }
                    }
                    case REVIEW, CONFLICT -> {
                        held++;
                        if (t.same(r.incomingId(), r.registerId())) {
                            rightHeld++;
                        }
                    }
                    case NEW -> {
                        newTotal++;
                        if (!canLink) {
                            newCorrect++;
                        }
                    }
                }
            }
            return new Scores(name, results.size(), links, right, held, rightHeld, linkable, newCorrect, newTotal);
        }

        double precision() {
            return links == 0 ? 1 : (double) rightLinks / links;
        }

        double recall() {
            return linkable == 0 ? 1 : (double) (rightLinks + rightHeld) / linkable;
        }

        String row() {
            double p = precision();
            double r = recall();
            return String.format(Locale.ROOT, "%-30s %9.3f%% %9.3f%% %8.4f %9.3f%% %9.3f%% %10d", name, 100 * p,
                    100 * r, 2 * p * r / (p + r), 100.0 * held / incoming, 100.0 * rightLinks / Math.max(1, linkable),
                    links - rightLinks);
        }
    }

    private static Map<String, String> truth(Path file) throws Exception {
        Map<String, String> truth = new HashMap<>();
        try (CSVParser parser = CSVParser.builder().setReader(Files.newBufferedReader(file))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord row : parser) {
                truth.put(row.get("record_id").strip(), row.get("person_id").strip());
            }
        }
        return truth;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (name.equals("no-duke") || name.equals("sweep") || name.equals("people") || name.equals("wrong")
                    || name.equals("held")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            }
        }
        return options;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

}

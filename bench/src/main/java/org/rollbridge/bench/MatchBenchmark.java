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
import org.rollbridge.core.matching.MatchPerson;
import org.rollbridge.core.matching.MatchResult;
import org.rollbridge.core.matching.MatchSettings;
import org.rollbridge.core.matching.PersonCsv;
import org.rollbridge.core.matching.PersonMatcher;
import org.rollbridge.core.matching.PersonRegister;
import org.rollbridge.core.matching.SyntheticPeople;

/**
 * {@code ./rollbridge bench match [--data DIR] [--register N --incoming N --seed S] [--link BITS --review BITS]
 * [--duke-sample N] [--no-duke] [--sweep]}: accuracy of rules 1-4 alone, of the full cascade and of Duke on the
 * same data against ground truth, and the cascade's speed.
 *
 * <p>With {@code --data DIR}, reads the synthetic LA ({@code DIR/la/register.csv}, {@code DIR/la/incoming.csv},
 * {@code DIR/truth/people.csv}); otherwise generates people with the core test fixture {@code SyntheticPeople}.
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
        String source;
        if (options.containsKey("data")) {
            Path dir = Path.of(options.get("data"));
            register = PersonCsv.read(dir.resolve("la/register.csv")).people();
            incoming = PersonCsv.read(dir.resolve("la/incoming.csv")).people();
            truth = truth(dir.resolve("truth/people.csv"));
            source = "synthetic LA in " + dir;
        } else {
            int registerSize = Integer.parseInt(options.getOrDefault("register", "150000"));
            int incomingSize = Integer.parseInt(options.getOrDefault("incoming", "120000"));
            long seed = Long.parseLong(options.getOrDefault("seed", "1"));
            SyntheticPeople people = SyntheticPeople.generate(registerSize, incomingSize, seed);
            register = people.register();
            incoming = people.incoming();
            truth = people.truth();
            source = "generated people (SyntheticPeople, seed " + seed + ")";
        }
        System.out.printf(Locale.ROOT, "Data: %s: %,d register, %,d incoming (loaded in %.1f s); %d processors%n",
                source, register.size(), incoming.size(), seconds(t0), Runtime.getRuntime().availableProcessors());

        MatchSettings settings = MatchSettings.defaults();
        if (options.containsKey("link")) {
            settings = settings.withThresholds(Double.parseDouble(options.get("link")),
                    Double.parseDouble(options.getOrDefault("review", String.valueOf(settings.reviewThreshold()))));
        }
        Truth t = new Truth(truth, register);

        // Full cascade, timed end to end from the parsed records: index, EM estimation, matching.
        long start = System.nanoTime();
        PersonRegister index = PersonRegister.of(register);
        double indexSeconds = seconds(start);
        long emStart = System.nanoTime();
        PersonMatcher matcher = PersonMatcher.estimated(index, incoming, settings);
        double emSeconds = seconds(emStart);
        long matchStart = System.nanoTime();
        List<MatchResult> cascade = matcher.match(incoming);
        double matchSeconds = seconds(matchStart);
        double wall = seconds(start);

        long deterministicStart = System.nanoTime();
        List<MatchResult> deterministic = new PersonMatcher(index, matcher.model(), settings.deterministicOnly())
                .match(incoming);
        double deterministicSeconds = seconds(deterministicStart);

        System.out.println();
        System.out.println("Estimated model (EM, " + matcher.model().iterations() + " iterations): " + matcher.model());
        System.out.println();
        System.out.printf(Locale.ROOT, "Thresholds: link >= %.1f bits, review >= %.1f bits, margin %.1f bits%n",
                settings.linkThreshold(), settings.reviewThreshold(), settings.margin());
        System.out.println(Scores.HEADER);
        System.out.println(Scores.of("rules 1-4 alone", deterministic, t).row());
        System.out.println(Scores.of("full cascade (rules 1-5)", cascade, t).row());
        System.out.println();
        System.out.println("Why the full cascade held records back (review and conflict), with how many were right:");
        Map<String, long[]> reasons = new java.util.TreeMap<>();
        for (MatchResult r : cascade) {
            if (r.decision() == org.rollbridge.core.matching.MatchDecision.REVIEW
                    || r.decision() == org.rollbridge.core.matching.MatchDecision.CONFLICT) {
                long[] n = reasons.computeIfAbsent(r.decision().code() + ": " + r.reason(), k -> new long[2]);
                n[0]++;
                n[1] += t.same(r.incomingId(), r.registerId()) ? 1 : 0;
            }
        }
        reasons.forEach((reason, n) -> System.out.printf(Locale.ROOT, "  %6d (%d right)  %s%n", n[0], n[1], reason));
        System.out.println();
        if (!options.containsKey("no-duke")) {
            int dukeSample = Integer.parseInt(options.getOrDefault("duke-sample", String.valueOf(incoming.size())));
            List<MatchPerson> dukeIncoming = incoming.subList(0, Math.min(dukeSample, incoming.size()));
            long dukeStart = System.nanoTime();
            List<MatchResult> duke = new DukeBaseline().match(register, dukeIncoming);
            double dukeSeconds = seconds(dukeStart);
            System.out.println(Scores.of("Duke 1.2" + (dukeIncoming.size() < incoming.size()
                    ? " (first " + dukeIncoming.size() + ")" : ""), duke, t).row());
            if (dukeIncoming.size() < incoming.size()) {
                System.out.println(Scores.of("full cascade, same records", cascade.subList(0, dukeIncoming.size()), t)
                        .row());
            }
            System.out.printf(Locale.ROOT, "Duke: %.1f s for %,d incoming (%,.0f records/s)%n", dukeSeconds,
                    dukeIncoming.size(), dukeIncoming.size() / dukeSeconds);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Speed, full cascade: %,d incoming against %,d register in %.1f s wall "
                        + "(index %.1f s, EM %.1f s, matching %.1f s): %,.0f records/s. Aim: under 60 s.%n",
                incoming.size(), register.size(), wall, indexSeconds, emSeconds, matchSeconds, incoming.size() / wall);
        System.out.printf(Locale.ROOT, "Baseline, rules 1-4 alone on the same index: %.1f s (%,.0f records/s)%n",
                deterministicSeconds, incoming.size() / deterministicSeconds);

        if (options.containsKey("sweep")) {
            System.out.println();
            System.out.println("Threshold sweep (same model):");
            System.out.println(Scores.HEADER);
            for (double link : new double[] {8, 10, 12, 14, 16, 18}) {
                for (double review : new double[] {0, 2, 4, 6}) {
                    PersonMatcher m = new PersonMatcher(index, matcher.model(), settings.withThresholds(link, review));
                    System.out.println(Scores.of(String.format(Locale.ROOT, "link %.0f review %.0f", link, review),
                            m.match(incoming), t).row());
                }
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
            return person != null && person.equals(personOf.get(registerId));
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
            if (name.equals("no-duke") || name.equals("sweep")) {
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

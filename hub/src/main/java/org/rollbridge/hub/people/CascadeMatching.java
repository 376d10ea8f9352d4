package org.rollbridge.hub.people;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.rollbridge.core.matching.MatchDecision;
import org.rollbridge.core.matching.MatchModel;
import org.rollbridge.core.matching.MatchPerson;
import org.rollbridge.core.matching.MatchResult;
import org.rollbridge.core.matching.MatchRule;
import org.rollbridge.core.matching.MatchSettings;
import org.rollbridge.core.matching.PersonMatcher;
import org.rollbridge.core.matching.PersonRegister;
import org.rollbridge.core.matching.TermFrequencies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Matching rules 1-5 (core's {@link PersonMatcher}) for staged pupils. Most of a nightly roll is known by UPN, so
 * rule 1 runs first as one set-based statement that links a row only when exactly one person holds the UPN and
 * nothing recorded about that person could contradict it (same forename, and the same date of birth or surname).
 * Every other row goes through the whole cascade in core, against a register of just the people it could match:
 * those sharing an identifier, a date of birth (also with day and month swapped), a month of birth, a postcode, or
 * a surname and year of birth, fetched from PostgreSQL by index, with name frequencies counted over the whole
 * register. The outcome is written on the staged row (match_* columns); the merge turns it into a link, a held
 * record or review items.
 */
@Component
public class CascadeMatching implements PupilMatching {

    private static final Logger log = LoggerFactory.getLogger(CascadeMatching.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * Above this many rows left after rule 1 (an initial load, or a register without UPNs), reading the whole
     * register once is cheaper than looking each row's candidates up.
     */
    static final int WHOLE_REGISTER_ABOVE = 2_000;
    /** A proposal for review lists the best few people, not everyone who scored above the review threshold. */
    private static final int MAX_CANDIDATES = 3;

    /** Name frequencies change slowly and only nudge weights (at most 3 bits): counted again after this long. */
    static final java.time.Duration FREQUENCIES_KEPT = java.time.Duration.ofMinutes(10);

    private final MatchRegisterQuery register;
    private final MatchDecisionStore decisions;
    private final MatchSettings matchSettings = MatchSettings.defaults();
    private volatile Frequencies frequencies;

    /** Name frequencies as counted at a version of the register ({@link MatchRegisterQuery#registerVersion}). */
    record Frequencies(TermFrequencies surnames, TermFrequencies forenames, String version, long countedAt) {
    }

    public CascadeMatching(MatchRegisterQuery register, MatchDecisionStore decisions) {
        this.register = register;
        this.decisions = decisions;
    }

    @Override
    public void match(UUID batchId) {
        matchStaged(batchId, Map.of());
    }

    /**
     * Matches the rows staged under {@code stagedAs}. {@code excluded} lists, by staged seq, people a reviewer
     * said are not this pupil: they are never proposed again for that row.
     */
    public void matchStaged(UUID stagedAs, Map<Integer, Set<Long>> excluded) {
        long started = System.nanoTime();
        Integer[] skipFastPath = excluded.keySet().toArray(Integer[]::new);
        int linked = decisions.linkByUpn(stagedAs, skipFastPath);
        List<MatchPerson> incoming = register.unlinked(stagedAs);
        if (incoming.isEmpty()) {
            return;
        }
        List<MatchPerson> candidates = incoming.size() > WHOLE_REGISTER_ABOVE ? register.wholeRegister()
                : register.candidates(stagedAs);
        Frequencies names = frequencies();
        PersonRegister people = PersonRegister.of(candidates, names.surnames(), names.forenames());
        PersonMatcher matcher = PersonMatcher.estimated(people, incoming, matchSettings);
        List<MatchResult> results = new ArrayList<>(matcher.match(incoming));
        for (int i = 0; i < incoming.size(); i++) {
            Set<Long> not = excluded.get(seq(incoming.get(i).id()));
            if (not != null && !not.isEmpty()) {
                List<MatchPerson> allowed = candidates.stream().filter(p -> !not.contains(personId(p.id()))).toList();
                PersonRegister narrowed = PersonRegister.of(allowed, people.surnames(), people.forenames());
                results.set(i, new PersonMatcher(narrowed, matcher.model(), matchSettings)
                        .match(List.of(incoming.get(i))).get(0));
            }
        }
        Set<Long> linkedByUpn = new HashSet<>(register.linkedPeople(stagedAs));
        Map<String, MatchPerson> byId = new HashMap<>();
        candidates.forEach(p -> byId.put(p.id(), p));
        int[] counts = new int[MatchDecision.values().length];
        for (int i = 0; i < incoming.size(); i++) {
            MatchResult r = results.get(i);
            if (r.decision() == MatchDecision.LINK && linkedByUpn.contains(personId(r.registerId()))) {
                // One register person, one automatic link per batch (as core does within its own records).
                r = new MatchResult(r.incomingId(), r.registerId(), MatchDecision.REVIEW, r.rule(), r.score(),
                        r.fieldWeights(), "another record in this batch was also linked to this person");
            }
            counts[r.decision().ordinal()]++;
            record(stagedAs, incoming.get(i), r, matcher, candidates, excluded.get(seq(r.incomingId())));
        }
        log.info("Matched {} staged pupils: {} by UPN in SQL, then {} through rules 1-5 against {} candidate people "
                        + "({} linked, {} review, {} conflict, {} new) in {} ms", linked + incoming.size(), linked,
                incoming.size(), candidates.size(), counts[MatchDecision.LINK.ordinal()],
                counts[MatchDecision.REVIEW.ordinal()], counts[MatchDecision.CONFLICT.ordinal()],
                counts[MatchDecision.NEW.ordinal()], (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Which of these pupils the given register people could change the outcome for: those core's rules 1-4 or
     * rule 5's blocking would put any of the people before (a shared UPN, former UPN or ULN, date of birth, also
     * with day and month swapped, surname sound and birth year, postcode, forename and month of birth), and those
     * any of the people scores at least the review threshold with (they could be listed as a further candidate).
     * Every other pupil's candidates, and so its outcome, are what they were. Returns indexes into {@code pupils}.
     */
    List<Integer> couldMatch(List<MatchPerson> pupils, Collection<Long> people) {
        if (pupils.isEmpty() || people.isEmpty()) {
            return List.of();
        }
        List<MatchPerson> changed = register.people(people);
        Frequencies names = frequencies();
        PersonMatcher matcher = new PersonMatcher(PersonRegister.of(changed, names.surnames(), names.forenames()),
                MatchModel.defaults(), matchSettings);
        List<MatchResult> results = matcher.match(pupils);
        // A register with no candidate for the pupil gives "new" with neither a person nor a score.
        return IntStream.range(0, pupils.size()).parallel()
                .filter(i -> results.get(i).registerId() != null || results.get(i).score() != null
                        || changed.stream().anyMatch(p -> MatchModel.total(matcher.explain(pupils.get(i), p))
                                >= matchSettings.reviewThreshold()))
                .boxed().toList();
    }

    private void record(UUID stagedAs, MatchPerson in, MatchResult r, PersonMatcher matcher,
                        List<MatchPerson> candidates, Set<Long> excluded) {
        int seq = seq(in.id());
        switch (r.decision()) {
            case LINK -> decisions.link(stagedAs, seq, personId(r.registerId()), r.rule().name(), r.score());
            case NEW -> decisions.markNew(stagedAs, seq, r.score(), r.reason());
            case REVIEW, CONFLICT -> decisions.propose(stagedAs, seq, r.decision().code(),
                    r.rule() == null ? null : r.rule().name(), r.score(), r.reason(),
                    JSON.writeValueAsString(proposals(in, r, matcher, candidates, excluded)));
        }
    }

    /**
     * The proposed person first, then any other candidate whose weight reaches the review threshold (twins and
     * siblings found by one rule are shown side by side), best first.
     */
    private List<Map<String, Object>> proposals(MatchPerson in, MatchResult r, PersonMatcher matcher,
                                                List<MatchPerson> candidates, Set<Long> excluded) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(proposal(r.registerId(), r.rule(), r.score(), r.fieldWeights()));
        if (r.decision() == MatchDecision.CONFLICT) {
            return out;
        }
        record Scored(MatchPerson p, double[] weights, double score) {
        }
        candidates.stream().filter(p -> !p.id().equals(r.registerId()))
                .filter(p -> excluded == null || !excluded.contains(personId(p.id())))
                .map(p -> {
                    double[] w = matcher.explain(in, p);
                    return new Scored(p, w, MatchModel.total(w));
                })
                .filter(s -> s.score >= matchSettings.reviewThreshold())
                .sorted((a, b) -> Double.compare(b.score, a.score)).limit(MAX_CANDIDATES - 1)
                .forEach(s -> out.add(proposal(s.p.id(), MatchRule.PROBABILISTIC, s.score, s.weights)));
        return out;
    }

    private static Map<String, Object> proposal(String registerId, MatchRule rule, Double score, double[] weights) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("personId", personId(registerId));
        m.put("rule", rule == null ? null : rule.name());
        m.put("score", score == null ? null : Math.round(score * 100) / 100.0);
        m.put("weights", weights == null ? null : Arrays.stream(weights).map(w -> Math.round(w * 100) / 100.0)
                .toArray());
        return m;
    }

    /**
     * The register's name frequencies, counted again when the register has changed since (a register load, a new
     * person, or tables emptied under a running hub) or after {@link #FREQUENCIES_KEPT}. Asking whether it changed
     * costs one constant-time read; counting reads every person.
     */
    Frequencies frequencies() {
        Frequencies f = frequencies;
        String version = register.registerVersion();
        if (f == null || !f.version().equals(version)
                || System.nanoTime() - f.countedAt() > FREQUENCIES_KEPT.toNanos()) {
            f = new Frequencies(register.nameFrequencies(true), register.nameFrequencies(false), version,
                    System.nanoTime());
            frequencies = f;
        }
        return f;
    }

    static long personId(String registerId) {
        return Long.parseLong(registerId.substring(1));
    }

    static int seq(String incomingId) {
        return Integer.parseInt(incomingId.substring(1));
    }
}

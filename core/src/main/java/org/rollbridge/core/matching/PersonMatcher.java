package org.rollbridge.core.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Matches incoming pupil records to the register, rule by rule: (1) UPN, current or former, either side;
 * (2) ULN; (3) date of birth + legal surname + first three letters of legal forename; (4) home postcode + the
 * same names; (5) Fellegi-Sunter match weight over blocked candidates. A deterministic rule that finds several
 * people never links on its own: rule 5 decides among just those people, or the record goes for review.
 * An identifier match whose date of birth and names disagree is a conflict, not a link. Finally, no register
 * person receives two automatic links from one batch unless the incoming records are the same person twice.
 *
 * <p>Use {@link #estimated} for a batch (m and u estimated from it by EM), or the constructor with a model kept
 * from an earlier batch to re-match a few held records. Thread-safe; {@link #match} runs in parallel.
 */
public final class PersonMatcher {

    /** Fewer candidate pairs than this is too little to estimate from; the default model is used instead. */
    static final int MIN_ESTIMATION_PAIRS = 2_000;

    private final PersonRegister register;
    private final MatchModel model;
    private final MatchSettings settings;
    private final NameEquivalents equivalents = NameEquivalents.embedded();

    public PersonMatcher(PersonRegister register, MatchModel model, MatchSettings settings) {
        this.register = register;
        this.model = model;
        this.settings = settings;
    }

    /** A matcher whose m and u are estimated from this batch's candidate pairs. */
    public static PersonMatcher estimated(PersonRegister register, List<MatchPerson> incoming, MatchSettings settings) {
        return new PersonMatcher(register, estimate(register, incoming, settings), settings);
    }

    /**
     * Estimates m and u by EM on the candidate pairs of (a sample of) the incoming records; falls back to
     * {@link MatchModel#defaults()} when there are too few pairs or the estimate is implausible.
     */
    public static MatchModel estimate(PersonRegister register, List<MatchPerson> incoming, MatchSettings settings) {
        int step = Math.max(1, incoming.size() / Math.max(1, settings.estimationSample()));
        NameEquivalents equivalents = NameEquivalents.embedded();
        ModelEstimation pairs = IntStream.range(0, (incoming.size() + step - 1) / step).parallel()
                .collect(ModelEstimation::new, (estimation, i) -> {
                    PersonKeys r = PersonKeys.of(incoming.get(i * step));
                    for (int c : register.candidates(r, settings.maxBlockSize())) {
                        estimation.add(PairComparison.of(r, register.person(c), equivalents));
                    }
                }, ModelEstimation::addAll);
        if (pairs.pairs() < MIN_ESTIMATION_PAIRS) {
            return MatchModel.defaults();
        }
        double records = (incoming.size() + step - 1) / (double) step;
        MatchModel start = MatchModel.defaults().withMatchShare(Math.min(0.5, records / pairs.pairs()));
        MatchModel estimated = pairs.estimate(start);
        return plausible(estimated) ? estimated : MatchModel.defaults();
    }

    /** Agreement must count for a match and disagreement against, on the fields that identify a person. */
    static boolean plausible(MatchModel m) {
        for (MatchField f : List.of(MatchField.FORENAME, MatchField.SURNAME, MatchField.DOB)) {
            if (m.weight(f, 0) <= 0 || m.weight(f, f.level("DIFFERENT")) >= 0) {
                return false;
            }
        }
        return true;
    }

    public MatchModel model() {
        return model;
    }

    public MatchSettings settings() {
        return settings;
    }

    /** One result per incoming record, in the same order. */
    public List<MatchResult> match(List<MatchPerson> incoming) {
        PersonKeys[] keys = incoming.parallelStream().map(PersonKeys::of).toArray(PersonKeys[]::new);
        MatchResult[] results = IntStream.range(0, keys.length).parallel()
                .mapToObj(i -> decide(keys[i])).toArray(MatchResult[]::new);
        oneLinkPerPerson(keys, results);
        return Arrays.asList(results);
    }

    MatchResult decide(PersonKeys r) {
        int[] found = register.byUpn(r);
        if (found.length > 0) {
            return byIdentifier(r, found, MatchRule.UPN);
        }
        found = register.byUln(r);
        if (found.length > 0) {
            return byIdentifier(r, found, MatchRule.ULN);
        }
        found = register.byDobName(r);
        if (found.length > 0) {
            return byNames(r, found, MatchRule.DOB_NAME, "date of birth, surname and first letters of forename");
        }
        found = register.byPostcodeName(r);
        if (found.length > 0) {
            return byNames(r, found, MatchRule.POSTCODE_NAME, "postcode, surname and first letters of forename");
        }
        if (!settings.probabilistic()) {
            return new MatchResult(r.id(), null, MatchDecision.NEW, null, null, null, "no rule matched");
        }
        int[] candidates = register.candidates(r, settings.maxBlockSize());
        if (candidates.length == 0) {
            return new MatchResult(r.id(), null, MatchDecision.NEW, null, null, null, "no candidate in the register");
        }
        return byScore(r, candidates, false, null);
    }

    private MatchResult byIdentifier(PersonKeys r, int[] found, MatchRule rule) {
        if (found.length > 1) {
            return amongCandidates(r, found, rule, rule + " shared by " + found.length + " register people");
        }
        PersonKeys p = register.person(found[0]);
        PairComparison c = PairComparison.of(r, p, equivalents);
        double[] weights = weights(c);
        if (contradicts(c)) {
            return new MatchResult(r.id(), p.id(), MatchDecision.CONFLICT, rule, null, weights,
                    rule + " matches but the date of birth and names disagree");
        }
        return new MatchResult(r.id(), p.id(), MatchDecision.LINK, rule, null, weights, null);
    }

    /**
     * Evidence against an identifier match: a clearly different forename (a twin's or sibling's number on the
     * wrong record), or both date of birth and surname different. A changed surname alone (stale data, a
     * marriage or adoption in the family) or a mistyped date alone does not contradict.
     */
    static boolean contradicts(PairComparison c) {
        int forename = c.level(MatchField.FORENAME);
        boolean badForename = forename == PairComparison.NAME_SIMILAR || forename == PairComparison.NAME_DIFFERENT;
        boolean badDob = c.level(MatchField.DOB) == PairComparison.DOB_DIFFERENT;
        boolean badSurname = c.level(MatchField.SURNAME) == PairComparison.NAME_DIFFERENT;
        return badForename || (badDob && badSurname);
    }

    private MatchResult byNames(PersonKeys r, int[] found, MatchRule rule, String what) {
        if (found.length > 1) {
            return amongCandidates(r, found, rule, found.length + " register people share " + what);
        }
        PersonKeys p = register.person(found[0]);
        PairComparison c = PairComparison.of(r, p, equivalents);
        if (siblingSignature(c)) {
            // Same birth date or home and surname, but another forename or sex: a twin or sibling as often
            // as a typo, so a person decides.
            double[] w = weights(c);
            return new MatchResult(r.id(), p.id(), MatchDecision.REVIEW, MatchRule.PROBABILISTIC,
                    MatchModel.total(w), w, what + " agree but the full forename or sex differs");
        }
        if (!safeNameLink(c)) {
            return amongCandidates(r, found, rule, what + " agree but the UPNs differ");
        }
        return new MatchResult(r.id(), p.id(), MatchDecision.LINK, rule, null, weights(c), null);
    }

    /**
     * Rules 3 and 4 compare only three letters of the forename: Jack and Jacob, or a new twin whose sibling is
     * already known, would link. They link alone only when the whole forename agrees (or is a known short
     * form), the sex does not differ and the UPNs, when both known, are not wholly different.
     */
    static boolean siblingSignature(PairComparison c) {
        return c.level(MatchField.FORENAME) > PairComparison.NAME_CLOSE
                && c.level(MatchField.FORENAME) != MatchField.FORENAME.missing()
                || c.level(MatchField.SEX) == MatchField.SEX.level("DIFFERENT");
    }

    static boolean safeNameLink(PairComparison c) {
        return c.level(MatchField.FORENAME) <= PairComparison.NAME_CLOSE
                && c.level(MatchField.SEX) != MatchField.SEX.level("DIFFERENT")
                && c.level(MatchField.UPN) != PairComparison.UPN_DIFFERENT;
    }

    private MatchResult amongCandidates(PersonKeys r, int[] candidates, MatchRule rule, String why) {
        if (!settings.probabilistic()) {
            Scored best = best(r, candidates)[0];
            return new MatchResult(r.id(), best.person.id(), MatchDecision.REVIEW, rule, null, best.weights, why);
        }
        return byScore(r, candidates, true, why);
    }

    /**
     * Rule 5: links the best candidate when its weight reaches the link threshold and beats the runner-up by
     * the margin; otherwise review above the review threshold, else new. Candidates that came from a
     * deterministic rule are never declared new: they go for review.
     */
    private MatchResult byScore(PersonKeys r, int[] candidates, boolean restricted, String why) {
        Scored[] top = best(r, candidates);
        Scored best = top[0];
        double runnerUp = top[1] == null ? Double.NEGATIVE_INFINITY : top[1].score;
        if (best.score >= settings.linkThreshold() && best.score - runnerUp >= settings.margin()) {
            return new MatchResult(r.id(), best.person.id(), MatchDecision.LINK, MatchRule.PROBABILISTIC,
                    best.score, best.weights, null);
        }
        if (best.score >= settings.reviewThreshold() || restricted) {
            String reason = why != null ? why
                    : best.score >= settings.linkThreshold() ? "another register person scores nearly as well"
                    : "match weight between the review and link thresholds";
            return new MatchResult(r.id(), best.person.id(), MatchDecision.REVIEW, MatchRule.PROBABILISTIC,
                    best.score, best.weights, reason);
        }
        return new MatchResult(r.id(), null, MatchDecision.NEW, null, best.score, null,
                "no register person scores above the review threshold");
    }

    private record Scored(PersonKeys person, double score, double[] weights) {
    }

    /** The best and runner-up candidates (runner-up null when there is one). */
    private Scored[] best(PersonKeys r, int[] candidates) {
        Scored first = null;
        Scored second = null;
        for (int index : candidates) {
            PersonKeys p = register.person(index);
            double[] w = weights(PairComparison.of(r, p, equivalents));
            Scored s = new Scored(p, MatchModel.total(w), w);
            if (first == null || s.score > first.score) {
                second = first;
                first = s;
            } else if (second == null || s.score > second.score) {
                second = s;
            }
        }
        return new Scored[] {first, second};
    }

    private double[] weights(PairComparison c) {
        return model.fieldWeights(c, register.surnames(), register.forenames());
    }

    /** The weights of one incoming record against one register person: for explaining a decision. */
    public double[] explain(MatchPerson incoming, MatchPerson registered) {
        return weights(PairComparison.of(PersonKeys.of(incoming), PersonKeys.of(registered), equivalents));
    }

    /**
     * One register person, one automatic link per batch: when several incoming records link to the same person
     * and they are not the same child twice (same UPN, or forename and date of birth agree), the strongest
     * rule keeps its link if it is strictly stronger than the others; the rest go for review.
     */
    private void oneLinkPerPerson(PersonKeys[] keys, MatchResult[] results) {
        Map<String, List<Integer>> linksByPerson = new HashMap<>();
        for (int i = 0; i < results.length; i++) {
            if (results[i].decision() == MatchDecision.LINK) {
                linksByPerson.computeIfAbsent(results[i].registerId(), k -> new ArrayList<>(1)).add(i);
            }
        }
        for (List<Integer> links : linksByPerson.values()) {
            if (links.size() < 2 || samePerson(keys, links)) {
                continue;
            }
            links.sort(Comparator.comparingInt((Integer i) -> results[i].rule().ordinal())
                    .thenComparing(i -> -(results[i].score() == null ? 0 : results[i].score())));
            boolean strongestStands = results[links.get(0)].rule().ordinal() < results[links.get(1)].rule().ordinal();
            for (int k = strongestStands ? 1 : 0; k < links.size(); k++) {
                int i = links.get(k);
                results[i] = results[i].demoted("another record in this batch was also linked to this person");
            }
        }
    }

    private boolean samePerson(PersonKeys[] keys, List<Integer> links) {
        PersonKeys first = keys[links.get(0)];
        for (int k = 1; k < links.size(); k++) {
            PairComparison c = PairComparison.of(first, keys[links.get(k)], equivalents);
            boolean sameUpn = c.level(MatchField.UPN) == PairComparison.UPN_AGREE;
            // Both already matched this person; two different children would differ in forename or birth date.
            if (!sameUpn && (contradicts(c) || c.level(MatchField.DOB) == PairComparison.DOB_DIFFERENT)) {
                return false;
            }
        }
        return true;
    }
}

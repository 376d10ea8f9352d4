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
        List<PersonKeys> sample = IntStream.range(0, (int) records).mapToObj(i -> PersonKeys.of(incoming.get(i * step)))
                .toList();
        MatchModel estimated = pairs.estimate(start).withU(ChanceAgreement.estimate(register, sample, equivalents));
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
            MatchResult described = describedPerson(r, found[0], rule);
            return described != null ? described : new MatchResult(r.id(), p.id(), MatchDecision.CONFLICT, rule, null,
                    weights, rule + " matches but the date of birth and names disagree");
        }
        return new MatchResult(r.id(), p.id(), MatchDecision.LINK, rule, null, weights, null);
    }

    /**
     * A number keyed onto the wrong child (often another valid UPN of the same school): when the record's own
     * details point clearly at one other register person, that person is proposed for review instead of a
     * conflict about the number's holder, so the reviewer sees the child the school meant.
     */
    private MatchResult describedPerson(PersonKeys r, int holder, MatchRule rule) {
        if (!settings.probabilistic()) {
            return null;
        }
        int[] others = Arrays.stream(register.candidates(r, settings.maxBlockSize())).filter(i -> i != holder)
                .toArray();
        if (others.length == 0) {
            return null;
        }
        List<Scored> ranked = ranked(r, others);
        Scored best = ranked.get(0);
        boolean clear = ranked.size() < 2 || best.score - ranked.get(1).score >= settings.margin();
        if (best.score < settings.linkThreshold() || !clear || !best.comparison.forenameAgrees()) {
            return null;
        }
        return new MatchResult(r.id(), best.person.id(), MatchDecision.REVIEW, MatchRule.PROBABILISTIC, best.score,
                best.weights, rule + " belongs to another register person whose details disagree; the details match"
                + " this person");
    }

    /**
     * Evidence against an identifier match: a clearly different forename (a twin's or sibling's number on the
     * wrong record), or both date of birth and surname different. A changed surname alone (stale data, a
     * marriage or adoption in the family) or a mistyped date alone does not contradict.
     */
    static boolean contradicts(PairComparison c) {
        boolean badDob = c.level(MatchField.DOB) == PairComparison.DOB_DIFFERENT;
        boolean badSurname = c.level(MatchField.SURNAME) == PairComparison.SURNAME_DIFFERENT;
        return c.forenameDiffers() || (badDob && badSurname);
    }

    /**
     * Another child's number: both UPNs are valid permanent numbers and differ, and the forename is not the same
     * (a lookalike from another LA, a twin or sibling). A child keeps one UPN for life and a slip rarely keeps
     * the check letter right, so such a pair is neither linked nor proposed: the record is new, and the school
     * is asked (Theo / Theodore with two numbers is two children as often as one).
     */
    static boolean anotherChildsNumber(PairComparison c) {
        return c.level(MatchField.UPN) == PairComparison.UPN_DIFFERENT
                && c.level(MatchField.FORENAME) != PairComparison.NAME_EXACT;
    }

    private MatchResult byNames(PersonKeys r, int[] found, MatchRule rule, String what) {
        if (found.length > 1) {
            return amongCandidates(r, found, rule, found.length + " register people share " + what);
        }
        PersonKeys p = register.person(found[0]);
        PairComparison c = PairComparison.of(r, p, equivalents);
        if (anotherChildsNumber(c) && settings.probabilistic()) {
            return byScore(r, withCandidates(r, found), false, null);
        }
        if (siblingSignature(c)) {
            // Same birth date or home and surname, but another forename or sex: a twin or sibling as often
            // as a typo, so a person decides.
            double[] w = weights(c);
            return new MatchResult(r.id(), p.id(), MatchDecision.REVIEW, MatchRule.PROBABILISTIC,
                    MatchModel.total(w), w, what + " agree but the full forename or sex differs");
        }
        if (!safeNameLink(c)) {
            return amongCandidates(r, settings.probabilistic() ? withCandidates(r, found) : found, rule,
                    what + " agree but the forename is not the same or the UPNs differ");
        }
        if (unverifiedNumber(r, c)) {
            return amongCandidates(r, settings.probabilistic() ? withCandidates(r, found) : found, rule,
                    what + " agree but the record's UPN is unknown to the register and the forename is a variant");
        }
        if (settings.probabilistic()) {
            // Rules 3 and 4 look at three letters of a forename: a twin or namesake elsewhere in the register
            // that agrees better on a name makes the record ambiguous, whatever the rule found.
            List<Scored> ranked = ranked(r, withCandidates(r, found));
            String ambiguity = ambiguity(ranked, indexOf(ranked, p));
            if (ambiguity != null) {
                Scored proposed = ranked.get(0);
                return new MatchResult(r.id(), proposed.person.id(), MatchDecision.REVIEW, MatchRule.PROBABILISTIC,
                        proposed.score, proposed.weights, ambiguity);
            }
        }
        return new MatchResult(r.id(), p.id(), MatchDecision.LINK, rule, null, weights(c), null);
    }

    private int[] withCandidates(PersonKeys r, int[] found) {
        return PersonRegister.union(List.of(found, register.candidates(r, settings.maxBlockSize())));
    }

    private static int indexOf(List<Scored> ranked, PersonKeys p) {
        for (int i = 0; i < ranked.size(); i++) {
            if (ranked.get(i).person == p) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Rules 3 and 4 compare only three letters of the forename: Jack and Jacob, or a new twin whose sibling is
     * already known, would link. They link alone only when the whole forename agrees (or is a known variant),
     * the sex does not differ, the date of birth is not wholly different (rule 4: neighbours sharing a postcode
     * and a common name) and the UPNs, when both known, do not differ. As for rule 5, a UPN the register does
     * not know, against a person with none, links only on the same forename ({@link #unverifiedNumber}).
     */
    static boolean siblingSignature(PairComparison c) {
        return c.forenameDiffers() || c.level(MatchField.SEX) == MatchField.SEX.level("DIFFERENT");
    }

    static boolean safeNameLink(PairComparison c) {
        int upn = c.level(MatchField.UPN);
        return c.level(MatchField.FORENAME) <= PairComparison.NAME_EQUIVALENT_OR_PART
                && c.level(MatchField.SEX) != MatchField.SEX.level("DIFFERENT")
                && c.level(MatchField.DOB) != PairComparison.DOB_DIFFERENT
                && upn != PairComparison.UPN_DIFFERENT && upn != PairComparison.UPN_UNCHECKED_DIFFERENT;
    }

    private MatchResult amongCandidates(PersonKeys r, int[] candidates, MatchRule rule, String why) {
        if (!settings.probabilistic()) {
            Scored best = ranked(r, candidates).get(0);
            return new MatchResult(r.id(), best.person.id(), MatchDecision.REVIEW, rule, null, best.weights, why);
        }
        return byScore(r, candidates, true, why);
    }

    /**
     * Rule 5: links the best candidate when its weight reaches the link threshold, nothing makes it ambiguous
     * ({@link #ambiguity}), the forenames do not differ (the sibling and twin pattern: same home, surname and
     * often date of birth, another forename) and the UPNs are not two valid different numbers; otherwise review
     * above the review threshold, else new. Candidates that came from a deterministic rule are never declared
     * new (they go for review) unless they carry another child's number.
     */
    private MatchResult byScore(PersonKeys r, int[] candidates, boolean restricted, String why) {
        List<Scored> all = ranked(r, candidates);
        // Another child's number rules a candidate out; the others are weighed as if it were not there.
        List<Scored> ranked = all.stream().filter(s -> !anotherChildsNumber(s.comparison)).toList();
        if (ranked.isEmpty()) {
            return new MatchResult(r.id(), null, MatchDecision.NEW, null, all.get(0).score, null,
                    "every candidate holds another valid UPN and another forename");
        }
        Scored best = ranked.get(0);
        PairComparison c = best.comparison;
        String ambiguity = ambiguity(ranked, 0);
        String unsafe = ambiguity != null ? ambiguity
                : c.forenameDiffers() ? "the forenames differ (a brother, sister or twin as often as a typing slip)"
                : c.level(MatchField.UPN) == PairComparison.UPN_DIFFERENT ? "the UPNs are two different valid numbers"
                : unverifiedNumber(r, c) ? "the record's UPN is unknown to the register and the forename is a variant"
                : null;
        if (best.score >= settings.linkThreshold() && unsafe == null) {
            return new MatchResult(r.id(), best.person.id(), MatchDecision.LINK, MatchRule.PROBABILISTIC,
                    best.score, best.weights, null);
        }
        if (best.score >= settings.reviewThreshold() || restricted) {
            String reason = unsafe != null && best.score >= settings.linkThreshold() ? unsafe
                    : why != null ? why : "match weight between the review and link thresholds";
            return new MatchResult(r.id(), best.person.id(), MatchDecision.REVIEW, MatchRule.PROBABILISTIC,
                    best.score, best.weights, reason);
        }
        return new MatchResult(r.id(), null, MatchDecision.NEW, null, best.score, null,
                "no register person scores above the review threshold");
    }

    /**
     * Why the candidate at {@code chosen} cannot be linked automatically, or null. Ambiguity is never settled
     * by order: another candidate scoring within the margin, or agreeing better on a forename or surname while
     * reaching the review threshold, sends the record for review with both shown. Twins and triplets (same
     * household and date of birth) with similar forenames get their own treatment: a record that is an exact
     * copy of one of them, every rival agreeing no better on any field and worse on some, is that one; so is a
     * record with one twin's forename exactly that agrees with the other twin no better anywhere; any other
     * record of theirs goes for review, however the scores fall.
     */
    String ambiguity(List<Scored> ranked, int chosen) {
        Scored best = ranked.get(chosen);
        boolean exactCopy = exactCopy(best.comparison);
        boolean forenameExact = best.comparison.level(MatchField.FORENAME) == PairComparison.NAME_EXACT;
        for (int i = 0; i < ranked.size(); i++) {
            Scored rival = ranked.get(i);
            if (i == chosen || rival.score < settings.reviewThreshold()) {
                continue;
            }
            if (exactCopy && dominates(best.comparison, rival.comparison)) {
                continue;
            }
            boolean twin = twins(best.person, rival.person);
            if (twin && forenameExact && dominates(best.comparison, rival.comparison)) {
                // Twins share everything but the forename: a record whose forename is exactly one twin's, and
                // that agrees with the other twin no better anywhere, is that twin's, whatever else was mistyped.
                continue;
            }
            if (!exactCopy && twin && rival.comparison.level(MatchField.FORENAME) <= PairComparison.NAME_SIMILAR) {
                return "a twin or triplet of this person has a similar forename";
            }
            if (rival.score > best.score || best.score - rival.score < settings.margin()) {
                return "another register person scores nearly as well";
            }
            if (agreesBetterOnAName(rival.comparison, best.comparison)) {
                return "another register person agrees better on a name";
            }
        }
        return null;
    }

    /**
     * The record carries a UPN no register person holds, the candidate has none to compare, and the forename
     * only resembles: a child first numbered elsewhere who looks like one the LA knows as often as that child.
     */
    static boolean unverifiedNumber(PersonKeys r, PairComparison c) {
        return !r.upns().isEmpty() && c.level(MatchField.UPN) == MatchField.UPN.missing()
                && c.level(MatchField.FORENAME) != PairComparison.NAME_EXACT;
    }

    /** Two register people born the same day to the same household (surname and home): twins or triplets. */
    static boolean twins(PersonKeys a, PersonKeys b) {
        return !a.dobDigits().isEmpty() && a.dobDigits().equals(b.dobDigits()) && !a.postcode().isEmpty()
                && a.postcode().equals(b.postcode()) && a.legalSurname().equals(b.legalSurname());
    }

    /** Every field known on both sides agrees exactly, and the names and date of birth are known. */
    static boolean exactCopy(PairComparison c) {
        for (MatchField f : MatchField.values()) {
            int level = c.level(f);
            if (level != 0 && level != f.missing()) {
                return false;
            }
        }
        return c.level(MatchField.FORENAME) == 0 && c.level(MatchField.SURNAME) == 0 && c.level(MatchField.DOB) == 0;
    }

    /** a is at least as good a match as b on every field, and better on one. */
    static boolean dominates(PairComparison a, PairComparison b) {
        boolean better = false;
        for (MatchField f : MatchField.values()) {
            int x = a.level(f) == f.missing() ? Integer.MAX_VALUE - 1 : a.level(f);
            int y = b.level(f) == f.missing() ? Integer.MAX_VALUE - 1 : b.level(f);
            if (x > y) {
                return false;
            }
            better |= x < y;
        }
        return better;
    }

    private static boolean agreesBetterOnAName(PairComparison rival, PairComparison best) {
        for (MatchField f : new MatchField[] {MatchField.FORENAME, MatchField.SURNAME}) {
            if (rival.level(f) < best.level(f)) {
                return true;
            }
        }
        return false;
    }

    record Scored(PersonKeys person, PairComparison comparison, double score, double[] weights) {
    }

    /** The candidates scored, best first (equal scores in register order, never decided by it: see ambiguity). */
    private List<Scored> ranked(PersonKeys r, int[] candidates) {
        List<Scored> scored = new ArrayList<>(candidates.length);
        for (int index : candidates) {
            PersonKeys p = register.person(index);
            PairComparison c = PairComparison.of(r, p, equivalents);
            double[] w = weights(c);
            scored.add(new Scored(p, c, MatchModel.total(w), w));
        }
        scored.sort(Comparator.comparingDouble((Scored s) -> -s.score));
        return scored;
    }

    private double[] weights(PairComparison c) {
        return model.fieldWeights(c, register.surnames(), register.forenames(), register.birthDates());
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

package org.rollbridge.hub.people;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
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
import org.rollbridge.core.matching.NameKey;
import org.rollbridge.core.matching.PersonMatcher;
import org.rollbridge.core.matching.PersonRegister;
import org.rollbridge.core.matching.TermFrequencies;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.hub.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient db;
    private final HubProperties settings;
    private final MatchSettings matchSettings = MatchSettings.defaults();
    private volatile Frequencies frequencies;

    private record Frequencies(TermFrequencies surnames, TermFrequencies forenames, long countedAt) {
    }

    public CascadeMatching(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
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
        int linked = db.sql("""
                update stage_pupils s set person_id = m.person_id, match_rule = 'UPN', match_decision = 'link'
                from (select s2.seq, min(pi.person_id) as person_id
                      from stage_pupils s2
                      join person_identifiers pi on pi.la = ? and pi.kind in ('UPN', 'FORMER_UPN')
                           and (pi.value = s2.upn or pi.value = any (s2.former_upns))
                      where s2.batch_id = ? and s2.seq <> all (?::int[])
                      group by s2.seq
                      having count(distinct pi.person_id) = 1) m
                join persons p on p.id = m.person_id
                where s.batch_id = ? and s.seq = m.seq
                  and (p.legal_forename is null
                       or upper(regexp_replace(p.legal_forename, '[^[:alpha:]]', '', 'g'))
                          = upper(regexp_replace(coalesce(s.forename, ''), '[^[:alpha:]]', '', 'g')))
                  and (p.dob is null or p.dob = s.dob or p.legal_surname is null
                       or upper(regexp_replace(p.legal_surname, '[^[:alpha:]]', '', 'g'))
                          = upper(regexp_replace(coalesce(s.surname, ''), '[^[:alpha:]]', '', 'g')))""")
                .params(settings.la(), stagedAs, skipFastPath, stagedAs).update();
        List<MatchPerson> incoming = db.sql("""
                select seq, upn, former_upns, uln, forename, surname, record ->> 'preferredForename' as pf,
                       record ->> 'preferredSurname' as ps, dob, sex, postcode
                from stage_pupils where batch_id = ? and person_id is null order by seq""")
                .param(stagedAs).query((rs, n) -> incoming(rs)).list();
        if (incoming.isEmpty()) {
            return;
        }
        List<MatchPerson> candidates = incoming.size() > WHOLE_REGISTER_ABOVE ? wholeRegister() : candidates(stagedAs);
        Frequencies names = frequencies();
        PersonRegister register = PersonRegister.of(candidates, names.surnames(), names.forenames());
        PersonMatcher matcher = PersonMatcher.estimated(register, incoming, matchSettings);
        List<MatchResult> results = new ArrayList<>(matcher.match(incoming));
        for (int i = 0; i < incoming.size(); i++) {
            Set<Long> not = excluded.get(seq(incoming.get(i).id()));
            if (not != null && !not.isEmpty()) {
                List<MatchPerson> allowed = candidates.stream().filter(p -> !not.contains(personId(p.id()))).toList();
                PersonRegister narrowed = PersonRegister.of(allowed, register.surnames(), register.forenames());
                results.set(i, new PersonMatcher(narrowed, matcher.model(), matchSettings)
                        .match(List.of(incoming.get(i))).get(0));
            }
        }
        Set<Long> linkedByUpn = new HashSet<>(db.sql(
                "select person_id from stage_pupils where batch_id = ? and person_id is not null")
                .param(stagedAs).query(Long.class).list());
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
     * A pupil as matching sees them, from columns seq, upn, former_upns, uln, forename, surname, pf and ps (the
     * preferred names), dob, sex and postcode.
     */
    static MatchPerson incoming(ResultSet rs) throws SQLException {
        return MatchPerson.builder("s" + rs.getLong("seq"))
                .upn(rs.getString("upn")).formerUpns(strings(rs.getArray("former_upns")))
                .uln(rs.getString("uln")).forename(rs.getString("forename"))
                .surname(rs.getString("surname")).preferredForename(rs.getString("pf"))
                .preferredSurname(rs.getString("ps")).sex(rs.getString("sex"))
                .postcode(rs.getString("postcode")).birthDate(rs.getObject("dob", LocalDate.class)).build();
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
        List<MatchPerson> changed = db.sql(PERSON_COLUMNS + " from persons p where p.la = ? and p.id = any (?)")
                .params(settings.la(), people.toArray(Long[]::new))
                .query((rs, n) -> registered("p" + rs.getLong("id"), rs)).list();
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
            case LINK -> db.sql("""
                    update stage_pupils set person_id = ?, match_rule = ?, match_score = ?, match_decision = 'link'
                    where batch_id = ? and seq = ?""")
                    .params(personId(r.registerId()), r.rule().name(), r.score(), stagedAs, seq).update();
            case NEW -> db.sql("""
                    update stage_pupils set match_decision = 'new', match_score = ?, match_reason = ?
                    where batch_id = ? and seq = ?""").params(r.score(), r.reason(), stagedAs, seq).update();
            case REVIEW, CONFLICT -> db.sql("""
                    update stage_pupils set match_decision = ?, match_rule = ?, match_score = ?, match_reason = ?,
                           match_candidates = ?::jsonb
                    where batch_id = ? and seq = ?""")
                    .params(r.decision().code(), r.rule() == null ? null : r.rule().name(), r.score(), r.reason(),
                            JSON.writeValueAsString(proposals(in, r, matcher, candidates, excluded)), stagedAs, seq)
                    .update();
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
     * The people any unlinked staged row could match, with their identifiers. A superset of what rules 1-4 need
     * and of the blocks rule 5 searches (except a surname that sounds alike but is spelt differently, with a
     * different month of birth and home: that pair would score too little to link anyway).
     */
    private List<MatchPerson> candidates(UUID stagedAs) {
        String la = settings.la();
        return db.sql("""
                with s as (select * from stage_pupils where batch_id = ? and person_id is null),
                ids as (
                    select pi.person_id from s join person_identifiers pi on pi.la = ?
                        and pi.kind in ('UPN', 'FORMER_UPN') and (pi.value = s.upn or pi.value = any (s.former_upns))
                    union select pi.person_id from s join person_identifiers pi on pi.la = ? and pi.kind = 'ULN'
                        and pi.value = s.uln
                    union select p.id from s join persons p on p.la = ?
                        and p.dob >= date_trunc('month', s.dob)::date
                        and p.dob < (date_trunc('month', s.dob) + interval '1 month')::date
                    union select p.id from s join persons p on p.la = ? and extract(day from s.dob) <= 12
                        and p.dob = make_date(extract(year from s.dob)::int, extract(day from s.dob)::int,
                                              extract(month from s.dob)::int)
                    union select p.id from s join persons p on p.la = ? and s.postcode is not null
                        and upper(replace(p.postcode, ' ', '')) = upper(replace(s.postcode, ' ', ''))
                    union select p.id from s join persons p on p.la = ? and s.surname is not null
                        and upper(p.legal_surname) = upper(s.surname)
                        and p.dob >= date_trunc('year', s.dob)::date
                        and p.dob < (date_trunc('year', s.dob) + interval '1 year')::date)
                """ + PERSON_COLUMNS + " from persons p where p.id in (select person_id from ids)")
                .params(stagedAs, la, la, la, la, la, la)
                .query((rs, n) -> registered("p" + rs.getLong("id"), rs)).list();
    }

    private static final String PERSON_COLUMNS = """
            select p.id, p.legal_forename, p.legal_surname, p.dob, p.sex, p.postcode,
                   array(select value from person_identifiers where person_id = p.id and kind = 'UPN'
                         order by created_at) as upns,
                   array(select value from person_identifiers where person_id = p.id and kind = 'FORMER_UPN')
                       as former,
                   (select min(value) from person_identifiers where person_id = p.id and kind = 'ULN') as uln""";

    private List<MatchPerson> wholeRegister() {
        return db.sql(PERSON_COLUMNS + " from persons p where p.la = ?").param(settings.la())
                .query((rs, n) -> registered("p" + rs.getLong("id"), rs)).list();
    }

    /**
     * A register person as matching sees them, from columns legal_forename, legal_surname, dob, sex, postcode,
     * upns (oldest first: the first is current, later ones count as former), former and uln.
     */
    static MatchPerson registered(String id, ResultSet rs) throws SQLException {
        List<String> upns = strings(rs.getArray("upns"));
        List<String> former = new ArrayList<>(upns.size() > 1 ? upns.subList(1, upns.size()) : List.of());
        former.addAll(strings(rs.getArray("former")));
        return MatchPerson.builder(id).upn(upns.isEmpty() ? null : upns.get(0))
                .formerUpns(former).uln(rs.getString("uln")).forename(rs.getString("legal_forename"))
                .surname(rs.getString("legal_surname")).sex(rs.getString("sex")).postcode(rs.getString("postcode"))
                .birthDate(rs.getObject("dob", LocalDate.class)).build();
    }

    private Frequencies frequencies() {
        Frequencies f = frequencies;
        if (f == null || System.nanoTime() - f.countedAt > FREQUENCIES_KEPT.toNanos()) {
            f = new Frequencies(count("legal_surname"), count("legal_forename"), System.nanoTime());
            frequencies = f;
        }
        return f;
    }

    /** How common each name is across the whole register, in comparison form. */
    private TermFrequencies count(String column) {
        Map<String, Integer> counts = new HashMap<>();
        db.sql("select " + column + " as name, count(*) as n from persons where la = ? and " + column
                        + " is not null group by 1")
                .param(settings.la()).query((rs, n) -> counts.merge(NameKey.of(rs.getString("name")),
                        rs.getInt("n"), Integer::sum)).list();
        return TermFrequencies.ofCounts(counts);
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static long personId(String registerId) {
        return Long.parseLong(registerId.substring(1));
    }

    static int seq(String incomingId) {
        return Integer.parseInt(incomingId.substring(1));
    }
}

package org.rollbridge.hub.people;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rollbridge.core.matching.MatchPerson;
import org.rollbridge.core.matching.NameKey;
import org.rollbridge.core.matching.TermFrequencies;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What matching reads: the staged pupils still to match, and the register people they could match, as core's
 * {@link MatchPerson}s (register ids "p" + person id, incoming ids "s" + staged seq), with the register's name
 * frequencies.
 */
@Component
public class MatchRegisterQuery {

    private final JdbcClient db;
    private final HubProperties settings;

    public MatchRegisterQuery(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** The rows staged under {@code stagedAs} not linked yet, in staged order. */
    List<MatchPerson> unlinked(UUID stagedAs) {
        return db.sql("""
                select seq, upn, former_upns, uln, forename, surname, record ->> 'preferredForename' as pf,
                       record ->> 'preferredSurname' as ps, dob, sex, postcode
                from stage_pupils where batch_id = ? and person_id is null order by seq""")
                .param(stagedAs).query((rs, n) -> incoming(rs)).list();
    }

    /** The people rows staged under {@code stagedAs} are linked to already. */
    List<Long> linkedPeople(UUID stagedAs) {
        return db.sql("select person_id from stage_pupils where batch_id = ? and person_id is not null")
                .param(stagedAs).query(Long.class).list();
    }

    /** The pupil records held as unmatched or for review, as matching sees them, oldest first. */
    List<MatchPerson> heldPupils() {
        // The payload read once per record (jsonb_to_record), not once per field.
        return db.sql("""
                select h.id as seq, p.upn, p.former_upns, p.uln, p.forename, p.surname,
                       p.record ->> 'preferredForename' as pf, p.record ->> 'preferredSurname' as ps, p.dob, p.sex,
                       p.postcode
                from held_records h cross join lateral jsonb_to_record(h.payload) as p(upn text,
                     former_upns text[], uln text, forename text, surname text, record jsonb, dob date, sex text,
                     postcode text)
                where h.""" + HeldRematchStore.REMATCHED.strip() + " order by h.id").param(settings.la())
                .query((rs, n) -> incoming(rs)).list();
    }

    /**
     * A pupil as matching sees them, from columns seq, upn, former_upns, uln, forename, surname, pf and ps (the
     * preferred names), dob, sex and postcode.
     */
    private static MatchPerson incoming(ResultSet rs) throws SQLException {
        return MatchPerson.builder("s" + rs.getLong("seq"))
                .upn(rs.getString("upn")).formerUpns(strings(rs.getArray("former_upns")))
                .uln(rs.getString("uln")).forename(rs.getString("forename"))
                .surname(rs.getString("surname")).preferredForename(rs.getString("pf"))
                .preferredSurname(rs.getString("ps")).sex(rs.getString("sex"))
                .postcode(rs.getString("postcode")).birthDate(rs.getObject("dob", LocalDate.class)).build();
    }

    /**
     * The people any unlinked staged row could match, with their identifiers. A superset of what rules 1-4 need
     * and of the blocks rule 5 searches (except a surname that sounds alike but is spelt differently, with a
     * different month of birth and home: that pair would score too little to link anyway).
     */
    List<MatchPerson> candidates(UUID stagedAs) {
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

    /** The whole register, for a load too large to look each row's candidates up. */
    List<MatchPerson> wholeRegister() {
        return db.sql(PERSON_COLUMNS + " from persons p where p.la = ?").param(settings.la())
                .query((rs, n) -> registered("p" + rs.getLong("id"), rs)).list();
    }

    /** These register people. */
    List<MatchPerson> people(Collection<Long> ids) {
        return db.sql(PERSON_COLUMNS + " from persons p where p.la = ? and p.id = any (?)")
                .params(settings.la(), ids.toArray(Long[]::new))
                .query((rs, n) -> registered("p" + rs.getLong("id"), rs)).list();
    }

    /**
     * Columns of a register person as {@link #registered} reads them (alias {@code p}): upns oldest first (the
     * first is current, later ones count as former).
     */
    static final String PERSON_COLUMNS = """
            select p.id, p.legal_forename, p.legal_surname, p.dob, p.sex, p.postcode,
                   array(select value from person_identifiers where person_id = p.id and kind = 'UPN'
                         order by created_at) as upns,
                   array(select value from person_identifiers where person_id = p.id and kind = 'FORMER_UPN')
                       as former,
                   (select min(value) from person_identifiers where person_id = p.id and kind = 'ULN') as uln""";

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

    /** How common each legal surname ({@code true}) or forename is across the whole register, in comparison form. */
    TermFrequencies nameFrequencies(boolean surnames) {
        String column = surnames ? "legal_surname" : "legal_forename";
        Map<String, Integer> counts = new HashMap<>();
        db.sql("select " + column + " as name, count(*) as n from persons where la = ? and " + column
                        + " is not null group by 1")
                .param(settings.la()).query((rs, n) -> counts.merge(NameKey.of(rs.getString("name")),
                        rs.getInt("n"), Integer::sum)).list();
        return TermFrequencies.ofCounts(counts);
    }

    /**
     * Changes whenever persons may have changed, read in constant time: the id sequence moves on with every person
     * added or updated by the register (an upsert takes an id even when it updates), and a truncation gives the
     * table a new file. Erasing a person changes neither.
     */
    String registerVersion() {
        return db.sql("select (select last_value from persons_id_seq) || ':' || pg_relation_filenode('persons')")
                .query(String.class).single();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

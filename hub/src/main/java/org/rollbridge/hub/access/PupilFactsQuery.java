package org.rollbridge.hub.access;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the access rules need to know of pupils, read from the LA's tables in three queries however many pupils:
 * their school spells (enrolments), looked-after status (the schools' CTFs or children's social care's list) and
 * the social care cases open on the day. Every page and API that decides visibility asks here, so a pupil is
 * visible to the same people wherever they appear. The LA of residence is not fed to the hub yet: the LA sees the
 * pupils of its schools.
 */
@Component
public class PupilFactsQuery {

    private final JdbcClient db;
    private final HubProperties settings;

    public PupilFactsQuery(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** What children's social care's list says of a child on a day: the cases open then, flags or-ed together. */
    public record Care(boolean socialWorker, boolean lookedAfter, boolean childProtection) {
        static final Care NONE = new Care(false, false, false);
    }

    public Care care(long personId, LocalDate on) {
        return care(new Long[] {personId}, on).getOrDefault(personId, Care.NONE);
    }

    /** Every child with a case open on the day in children's social care's list, with what is open. */
    public Map<Long, Care> openCases(LocalDate on) {
        return care("", List.of(settings.la(), on, on));
    }

    /** Changes whenever children's social care's list is loaded again (its size and load time). */
    public long careListVersion() {
        return db.sql("""
                select count(*) * 1000003 + coalesce(extract(epoch from max(loaded_at))::bigint, 0)
                from social_care_cases where la = ?""").param(settings.la()).query(Long.class).single();
    }

    private Map<Long, Care> care(Long[] ids, LocalDate on) {
        return care("and person_id = any(?)", List.of(settings.la(), ids, on, on));
    }

    /**
     * The cases open on a day, flags or-ed together by child, of the children {@code persons} narrows to. A case is
     * open on a day from its start date (or always, without one) until, not including, its end date.
     */
    private Map<Long, Care> care(String persons, List<Object> params) {
        Map<Long, Care> care = new HashMap<>();
        db.sql("""
                select person_id, bool_or(social_worker), bool_or(looked_after), bool_or(child_protection)
                from social_care_cases
                where la = ? %s and (start_date is null or start_date <= ?) and (end_date is null or end_date > ?)
                group by person_id""".formatted(persons))
                .params(params)
                .query(rs -> {
                    care.put(rs.getLong(1), new Care(rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4)));
                });
        return care;
    }

    public PupilFacts of(long personId, LocalDate on) {
        return of(List.of(personId), on).get(personId);
    }

    /** A spell on a school's roll as the pupil's page lists it, with why it ended; {@code to} null while on it. */
    public record Enrolment(String laestab, LocalDate from, LocalDate to, String endedReason) {
    }

    /** The person's spells on the LA's schools' rolls, latest first. */
    public List<Enrolment> enrolments(long personId) {
        return enrolments(new Long[] {personId}).getOrDefault(personId, List.of());
    }

    private Map<Long, List<Enrolment>> enrolments(Long[] ids) {
        Map<Long, List<Enrolment>> spells = new HashMap<>();
        db.sql("""
                select person_id, laestab, from_date, to_date, ended_reason from enrolments
                where la = ? and person_id = any(?) order by from_date desc""")
                .params(settings.la(), ids)
                .query(rs -> {
                    spells.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Enrolment(
                            rs.getString(2).strip(), rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class), rs.getString(5)));
                });
        return spells;
    }

    /** The facts of each person (one with no spells gets an empty list), as of {@code on}. */
    public Map<Long, PupilFacts> of(Collection<Long> personIds, LocalDate on) {
        Long[] ids = personIds.stream().distinct().toArray(Long[]::new);
        Map<Long, List<Enrolment>> enrolments = enrolments(ids);
        Set<Long> lookedAfter = new HashSet<>(db.sql("""
                select distinct person_id from pupils where la = ? and person_id = any(?) and looked_after""")
                .params(settings.la(), ids).query(Long.class).list());
        Map<Long, Care> care = care(ids, on);
        Map<Long, PupilFacts> out = new HashMap<>();
        for (Long id : ids) {
            Care c = care.getOrDefault(id, Care.NONE);
            List<PupilFacts.Spell> spells = enrolments.getOrDefault(id, List.of()).stream()
                    .map(e -> new PupilFacts.Spell(e.laestab(), e.from(), e.to())).toList();
            out.put(id, new PupilFacts(spells, null, c.socialWorker(), c.lookedAfter() || lookedAfter.contains(id),
                    c.childProtection()));
        }
        return out;
    }
}

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

    private Map<Long, Care> care(Long[] ids, LocalDate on) {
        Map<Long, Care> care = new HashMap<>();
        db.sql("""
                select person_id, bool_or(social_worker), bool_or(looked_after), bool_or(child_protection)
                from social_care_cases
                where la = ? and person_id = any(?) and (start_date is null or start_date <= ?)
                  and (end_date is null or end_date > ?)
                group by person_id""")
                .params(settings.la(), ids, on, on)
                .query(rs -> {
                    care.put(rs.getLong(1), new Care(rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4)));
                });
        return care;
    }

    public PupilFacts of(long personId, LocalDate on) {
        return of(List.of(personId), on).get(personId);
    }

    /** The facts of each person (one with no spells gets an empty list), as of {@code on}. */
    public Map<Long, PupilFacts> of(Collection<Long> personIds, LocalDate on) {
        Long[] ids = personIds.stream().distinct().toArray(Long[]::new);
        Map<Long, List<PupilFacts.Spell>> spells = new HashMap<>();
        db.sql("select person_id, laestab, from_date, to_date from enrolments where la = ? and person_id = any(?)")
                .params(settings.la(), ids)
                .query(rs -> {
                    spells.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PupilFacts.Spell(
                            rs.getString(2).strip(), rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class)));
                });
        Set<Long> lookedAfter = new HashSet<>(db.sql("""
                select distinct person_id from pupils where la = ? and person_id = any(?) and looked_after""")
                .params(settings.la(), ids).query(Long.class).list());
        Map<Long, Care> care = care(ids, on);
        Map<Long, PupilFacts> out = new HashMap<>();
        for (Long id : ids) {
            Care c = care.getOrDefault(id, Care.NONE);
            out.put(id, new PupilFacts(spells.getOrDefault(id, List.of()), null, c.socialWorker(),
                    c.lookedAfter() || lookedAfter.contains(id), c.childProtection()));
        }
        return out;
    }
}

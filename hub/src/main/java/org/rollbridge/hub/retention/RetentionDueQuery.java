package org.rollbridge.hub.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Works out, in one pass over the person index, when each category's period ends for each person, as the schedule
 * says. Birth is the person index's date of birth, else the earliest any school sent, else (never seen) the day the
 * person was created, which can only keep records longer. Dates are London dates.
 */
@Component
public class RetentionDueQuery {

    private final JdbcClient db;
    private final HubProperties settings;
    private final RetentionSchedule schedule;

    public RetentionDueQuery(JdbcClient db, HubProperties settings, RetentionSchedule schedule) {
        this.db = db;
        this.settings = settings;
        this.schedule = schedule;
    }

    /** Every person whose records may go on or before {@code upTo}, by person id; held people included. */
    public List<PersonRetention> dueBy(LocalDate asOf, LocalDate upTo) {
        return db.sql(sql("") + " where greatest(education, safeguarding, child_protection, looked_after) <= :upTo"
                        + " order by id")
                .params(params(asOf)).param("upTo", upTo).query(this::row).list();
    }

    /** One person's periods as of a day, if the person exists. */
    public Optional<PersonRetention> of(long personId, LocalDate asOf) {
        return db.sql(sql(" and p.id = :person")).params(params(asOf)).param("person", personId)
                .query(this::row).optional();
    }

    private Map<String, Object> params(LocalDate asOf) {
        return Map.of("la", settings.la(), "asOf", asOf,
                "education", period(RetentionCategory.EDUCATION),
                "safeguarding", period(RetentionCategory.SAFEGUARDING),
                "protection", period(RetentionCategory.CHILD_PROTECTION),
                "care", period(RetentionCategory.LOOKED_AFTER));
    }

    private String period(RetentionCategory category) {
        return schedule.entry(category).period().toString();
    }

    private String sql(String personFilter) {
        String protectionStart = schedule.entry(RetentionCategory.CHILD_PROTECTION).from() == RetentionClock.BIRTH
                ? "p.born" : "c.ended";
        return """
                select * from (
                    with person as (
                        select p.id, coalesce(p.dob,
                                   (select min(u.dob) from pupils u where u.la = p.la and u.person_id = p.id),
                                   (p.created_at at time zone 'Europe/London')::date) born
                        from persons p where p.la = :la %s
                    ), safeguarding as (
                        select person_id, bool_or(status <> 'resolved') open,
                               (max(resolved_at) at time zone 'Europe/London')::date closed
                        from alert_cases where la = :la group by person_id
                    ), protection as (
                        select f.person_id, coalesce(f.ended, f.seen_on) ended,
                               exists (select 1 from social_care_cases s where s.la = f.la and s.person_id = f.person_id
                                       and s.child_protection and (s.end_date is null or s.end_date > :asOf)) open
                        from retention_facts f where f.la = :la and f.category = 'child-protection'
                    ), care as (
                        select person_id from retention_facts where la = :la and category = 'looked-after'
                    )
                    select p.id,
                           (p.born + cast(:education as interval))::date education,
                           case when s.person_id is null then null when s.open then 'infinity'::date
                                else (s.closed + cast(:safeguarding as interval))::date end safeguarding,
                           case when c.person_id is null then null when c.open then 'infinity'::date
                                else (%s + cast(:protection as interval))::date end child_protection,
                           case when l.person_id is null then null
                                else (p.born + cast(:care as interval))::date end looked_after,
                           exists (select 1 from legal_holds h where h.la = :la and h.person_id = p.id
                                   and h.released_at is null) held
                    from person p
                    left join safeguarding s on s.person_id = p.id
                    left join protection c on c.person_id = p.id
                    left join care l on l.person_id = p.id
                ) r""".formatted(personFilter, protectionStart);
    }

    private PersonRetention row(ResultSet rs, int n) throws SQLException {
        Map<RetentionCategory, LocalDate> ends = new EnumMap<>(RetentionCategory.class);
        for (RetentionCategory c : RetentionCategory.values()) {
            LocalDate end = rs.getObject(c.name().toLowerCase(), LocalDate.class);
            if (end != null) {
                ends.put(c, end);
            }
        }
        return new PersonRetention(rs.getLong("id"), ends, rs.getBoolean("held"));
    }
}

package org.rollbridge.hub.alerts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.rollbridge.core.indicators.alerts.CaseStatus;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writing alert_cases and alert_case_events, in the caller's transaction. A recompute's writes are one statement
 * per kind of write over arrays, however many cases they touch; every write drops the open counts cached by
 * {@link AlertCaseQuery} once it commits.
 */
@Component
public class AlertCaseStore {

    /** A case as a recompute finds it: the open case of a pupil and kind, or a resolved one of a case key. */
    record Stored(long id, long person, String kind, String key, String status, int severity, BigDecimal figure,
                  String detail) {
    }

    /** A case to raise. */
    record NewCase(long person, String kind, String detail, String caseKey, int severity, BigDecimal figure,
                   String figureUnit, LocalDate firstEvidence, LocalDate lastEvidence, LocalDate dueOn,
                   String responsible) {
    }

    /** New evidence for an open case. */
    record Refresh(long id, String caseKey, String detail, int severity, BigDecimal figure, String figureUnit,
                   LocalDate firstEvidence, LocalDate lastEvidence, LocalDate dueOn) {
    }

    /** An event a recompute records on a case. */
    record RecomputeEvent(long caseId, String event, String detail) {
    }

    private final JdbcClient db;
    private final HubProperties settings;
    private final AlertCaseQuery counts;

    public AlertCaseStore(JdbcClient db, HubProperties settings, AlertCaseQuery counts) {
        this.db = db;
        this.settings = settings;
        this.counts = counts;
    }

    /**
     * The cases at a school of these persons and kinds that are open, or resolved under one of the case keys (a
     * case resolved on the same evidence is not reopened).
     */
    List<Stored> openOrResolvedAs(String laestab, Long[] persons, String[] kinds, String[] caseKeys) {
        // Two parts rather than an "or": each joins its array as a set (the open cases by person, the resolved
        // ones by key through alert_cases_key) instead of searching it for every row.
        return db.sql("""
                select id, person_id, kind, case_key, status, severity, figure, detail from alert_cases
                where la = ? and laestab = ? and person_id in (select unnest(?::bigint[])) and kind = any(?::text[])
                  and status <> 'resolved'
                union all
                select id, person_id, kind, case_key, status, severity, figure, detail from alert_cases
                where la = ? and case_key in (select unnest(?::text[])) and status = 'resolved' and laestab = ?
                  and person_id in (select unnest(?::bigint[])) and kind = any(?::text[])""")
                .params(settings.la(), laestab, persons, kinds, settings.la(), caseKeys, laestab, persons, kinds)
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getBigDecimal(7), rs.getString(8))).list();
    }

    void raise(String laestab, List<NewCase> cases) {
        if (cases.isEmpty()) {
            return;
        }
        db.sql("""
                insert into alert_cases (la, person_id, kind, laestab, detail, case_key, severity, figure,
                                         figure_unit, first_evidence, last_evidence, due_on, responsible)
                select ?, u.person_id, u.kind, ?, u.detail, u.case_key, u.severity, u.figure, u.figure_unit,
                       u.first_evidence, u.last_evidence, u.due_on, u.responsible
                from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::int[], ?::numeric[], ?::text[],
                            ?::date[], ?::date[], ?::date[], ?::text[])
                     u(person_id, kind, detail, case_key, severity, figure, figure_unit, first_evidence,
                       last_evidence, due_on, responsible)""")
                .params(columns(cases, c -> new Object[] {c.person(), c.kind(), c.detail(), c.caseKey(),
                        c.severity(), c.figure(), c.figureUnit(), c.firstEvidence(), c.lastEvidence(), c.dueOn(),
                        c.responsible()}, settings.la(), laestab)).update();
        counts.forgetCountsAfterCommit();
    }

    void refresh(List<Refresh> cases) {
        if (cases.isEmpty()) {
            return;
        }
        db.sql("""
                update alert_cases c set case_key = u.case_key, detail = u.detail, severity = u.severity,
                       figure = u.figure, figure_unit = u.figure_unit, first_evidence = u.first_evidence,
                       last_evidence = u.last_evidence, due_on = u.due_on, updated_at = now()
                from unnest(?::bigint[], ?::text[], ?::text[], ?::int[], ?::numeric[], ?::text[], ?::date[],
                            ?::date[], ?::date[])
                     u(id, case_key, detail, severity, figure, figure_unit, first_evidence, last_evidence, due_on)
                where c.id = u.id""")
                .params(columns(cases, c -> new Object[] {c.id(), c.caseKey(), c.detail(), c.severity(),
                        c.figure(), c.figureUnit(), c.firstEvidence(), c.lastEvidence(), c.dueOn()})).update();
    }

    void record(List<RecomputeEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        db.sql("""
                insert into alert_case_events (la, case_id, event, actor, detail)
                select ?, u.case_id, u.event, 'recompute', u.detail
                from unnest(?::bigint[], ?::text[], ?::text[]) u(case_id, event, detail)""")
                .params(columns(events, e -> new Object[] {e.caseId(), e.event(), e.detail()}, settings.la()))
                .update();
    }

    /**
     * Raises LEFT_NO_DESTINATION for each pupil whose spell the batch ended at the school, whose record names no
     * destination and who has no open spell anywhere, in one statement; returns how many were raised. Dated, as core's
     * rule dates it, by the leaving date the school sent ("undated" when it sent none), never by the day of import.
     */
    int raiseLeftNoDestination(UUID batchId, String laestab) {
        int raised = db.sql("""
                insert into alert_cases (la, person_id, kind, laestab, detail, raised_by_batch, case_key, first_evidence,
                                         last_evidence, responsible)
                select distinct e.la, e.person_id, ?, e.laestab,
                       'Left the roll of ' || e.laestab || coalesce(' on ' || p.leaving_date, ' (no leaving date sent)')
                           || ' with no known destination and is on no other school roll', ?,
                       'LEFT_NO_DESTINATION|' || e.laestab || '|' || coalesce(p.upn, 'person:' || e.person_id)
                           || '|left:' || coalesce(p.leaving_date::text, 'undated'),
                       p.leaving_date, p.leaving_date, 'LA ' || e.la
                from enrolments e
                left join pupils p on p.la = e.la and p.person_id = e.person_id and p.laestab = e.laestab
                where e.ended_batch = ? and e.la = ? and e.laestab = ?
                  and coalesce(btrim(p.record ->> 'leavingDestination'), '') = ''
                  and not exists (select 1 from enrolments o where o.la = e.la and o.person_id = e.person_id
                                  and o.to_date is null)
                on conflict do nothing""")
                .params(MovementAlerts.LEFT_NO_DESTINATION, batchId, batchId, settings.la(), laestab).update();
        if (raised > 0) {
            counts.forgetCountsAfterCommit();
        }
        return raised;
    }

    /** A case's status, its row locked until the transaction ends so that officers' decisions follow each other. */
    Optional<CaseStatus> lockStatus(long id) {
        return db.sql("select status from alert_cases where la = ? and id = ? for update")
                .params(settings.la(), id).query(String.class).optional().map(CaseStatus::of);
    }

    void assign(long id, String username, CaseStatus next) {
        decided(id, "assigned_to = ?, assigned_at = now()", List.of(username), next);
    }

    void acknowledge(long id, CaseStatus next) {
        decided(id, "acknowledged_at = now()", List.of(), next);
    }

    void resolve(long id, String reason, CaseStatus next) {
        decided(id, "resolved_at = now(), resolution = ?", List.of(reason), next);
    }

    /** An officer's event on a case. */
    void record(long id, String event, String actor, String detail) {
        db.sql("insert into alert_case_events (la, case_id, event, actor, detail) values (?, ?, ?, ?, ?)")
                .params(settings.la(), id, event, actor, detail).update();
    }

    private void decided(long id, String set, List<Object> setParams, CaseStatus next) {
        List<Object> params = new ArrayList<>(setParams);
        params.add(next.label());
        params.add(settings.la());
        params.add(id);
        db.sql("update alert_cases set " + set + ", status = ?, updated_at = now() where la = ? and id = ?")
                .params(params).update();
        counts.forgetCountsAfterCommit();
    }

    /**
     * The parameters of a statement over arrays: {@code first}, then one array per column of the rows, as text,
     * which PostgreSQL casts to the column's type (null stays null).
     */
    private static <T> Object[] columns(List<T> rows, Function<T, Object[]> values, Object... first) {
        List<Object> params = new ArrayList<>(List.of(first));
        List<String[]> columns = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = values.apply(rows.get(r));
            for (int i = 0; i < row.length; i++) {
                if (columns.size() <= i) {
                    columns.add(new String[rows.size()]);
                }
                columns.get(i)[r] = row[i] == null ? null
                        : row[i] instanceof BigDecimal d ? d.toPlainString() : row[i].toString();
            }
        }
        params.addAll(columns);
        return params.toArray();
    }
}

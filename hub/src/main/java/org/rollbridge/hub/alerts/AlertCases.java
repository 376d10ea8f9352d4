package org.rollbridge.hub.alerts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rollbridge.core.indicators.alerts.Alert;
import org.rollbridge.core.indicators.alerts.AlertId;
import org.rollbridge.core.indicators.alerts.CaseChange;
import org.rollbridge.core.indicators.alerts.CaseStatus;
import org.rollbridge.core.indicators.alerts.OfficerDecision;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alert_cases table and its lifecycle. A case is named by the core alert's case key (kind, school, UPN,
 * situation) and there is at most one open case per pupil at a school and kind. The rules of a case's life are
 * core's, as plain functions: {@link CaseChange} says what a recompute does to a case (raise, move on to a new
 * episode, worsen, update, refresh quietly; never reopen a case resolved on the same evidence), and
 * {@link OfficerDecision} what officers may do (raised → assigned → acknowledged → resolved). This class reads
 * what they need and stores what they decide.
 */
@Component
public class AlertCases {

    private final JdbcClient db;
    private final HubProperties settings;

    public AlertCases(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** An alert the rules raised now, with the figure the hub shows for it. */
    public record Raised(Alert alert, AlertKinds.Figure figure) {
    }

    /** What one recompute changed. */
    public record Changes(int raised, int updated, int worsened, int newEpisodes) {
        static final Changes NONE = new Changes(0, 0, 0, 0);

        Changes plus(Changes o) {
            return new Changes(raised + o.raised, updated + o.updated, worsened + o.worsened,
                    newEpisodes + o.newEpisodes);
        }
    }

    private record Stored(long id, long person, String kind, String key, String status, int severity,
                          BigDecimal figure, String detail) {
    }

    /**
     * Brings the cases of the given pupils at one school in line with the alerts raised now, in the caller's
     * transaction. Only the latest situation per pupil and kind counts: earlier ones have had their case.
     */
    Changes apply(String laestab, Map<Long, List<Raised>> raised, List<AlertId> kinds) {
        Map<String, Raised> latest = new HashMap<>();        // person|kind -> alert
        Comparator<Raised> order = Comparator.comparing(Raised::alert, CaseChange.RECENCY);
        raised.forEach((person, alerts) -> alerts.forEach(r ->
                latest.merge(person + "|" + r.alert().id(), r, (a, b) -> order.compare(a, b) >= 0 ? a : b)));
        if (raised.isEmpty()) {
            return Changes.NONE;
        }
        Map<String, Stored> open = new HashMap<>();
        Map<String, Integer> resolvedSeverity = new HashMap<>();
        db.sql("""
                select id, person_id, kind, case_key, status, severity, figure, detail from alert_cases
                where la = ? and laestab = ? and person_id = any(?::bigint[]) and kind = any(?::text[])
                  and (status <> 'resolved' or case_key = any(?::text[]))""")
                .params(settings.la(), laestab, raised.keySet().toArray(Long[]::new),
                        kinds.stream().map(Enum::name).toArray(String[]::new),
                        latest.values().stream().map(r -> r.alert().caseKey()).toArray(String[]::new))
                .query(rs -> {
                    Stored s = new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), rs.getBigDecimal(7), rs.getString(8));
                    if (s.status().equals("resolved")) {
                        resolvedSeverity.merge(s.key(), s.severity(), Math::max);
                    } else {
                        open.put(s.person() + "|" + s.kind(), s);
                    }
                });
        int inserted = 0;
        int updated = 0;
        int worsened = 0;
        int episodes = 0;
        Columns raise = new Columns();
        Columns refresh = new Columns();
        Columns events = new Columns();
        for (Map.Entry<String, Raised> e : latest.entrySet()) {
            long person = Long.parseLong(e.getKey().substring(0, e.getKey().indexOf('|')));
            Raised r = e.getValue();
            Alert a = r.alert();
            Stored s = open.get(e.getKey());
            Optional<CaseChange.OpenCase> openCase = Optional.ofNullable(s)
                    .map(o -> new CaseChange.OpenCase(o.key(), o.severity(), o.figure(), o.detail()));
            // The rules of a case's life are core's (CaseChange); this method only stores their outcome.
            CaseChange change = CaseChange.of(a, r.figure().value(), openCase,
                    Optional.ofNullable(resolvedSeverity.get(a.caseKey())));
            switch (change) {
                case STAY_RESOLVED, NONE -> {
                    continue;
                }
                case RAISE -> inserted++;
                case NEW_EPISODE -> episodes++;
                case WORSEN -> worsened++;
                case UPDATE, REFRESH -> updated++;
            }
            if (change == CaseChange.RAISE) {
                raise.row(person, a.id().name(), a.detail(), a.caseKey(), a.severity(), r.figure().value(),
                        r.figure().unit(), AlertKinds.firstEvidence(a), a.observedOn(), AlertKinds.dueOn(a),
                        AlertKinds.responsible(a.id(), settings.la(), laestab));
                continue;
            }
            refresh.row(s.id(), a.caseKey(), a.detail(), CaseChange.severityAfter(a, openCase), r.figure().value(),
                    r.figure().unit(), AlertKinds.firstEvidence(a), a.observedOn(), AlertKinds.dueOn(a));
            change.event().ifPresent(event -> events.row(s.id(), event, a.detail()));
        }
        // Each kind of write is one statement over arrays, however many cases it touches.
        if (!raise.isEmpty()) {
            db.sql("""
                    insert into alert_cases (la, person_id, kind, laestab, detail, case_key, severity, figure,
                                             figure_unit, first_evidence, last_evidence, due_on, responsible)
                    select ?, u.person_id, u.kind, ?, u.detail, u.case_key, u.severity, u.figure, u.figure_unit,
                           u.first_evidence, u.last_evidence, u.due_on, u.responsible
                    from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::int[], ?::numeric[], ?::text[],
                                ?::date[], ?::date[], ?::date[], ?::text[])
                         u(person_id, kind, detail, case_key, severity, figure, figure_unit, first_evidence,
                           last_evidence, due_on, responsible)""")
                    .params(raise.withFirst(settings.la(), laestab)).update();
        }
        if (!refresh.isEmpty()) {
            db.sql("""
                    update alert_cases c set case_key = u.case_key, detail = u.detail, severity = u.severity,
                           figure = u.figure, figure_unit = u.figure_unit, first_evidence = u.first_evidence,
                           last_evidence = u.last_evidence, due_on = u.due_on, updated_at = now()
                    from unnest(?::bigint[], ?::text[], ?::text[], ?::int[], ?::numeric[], ?::text[], ?::date[],
                                ?::date[], ?::date[])
                         u(id, case_key, detail, severity, figure, figure_unit, first_evidence, last_evidence, due_on)
                    where c.id = u.id""")
                    .params(refresh.withFirst()).update();
        }
        if (!events.isEmpty()) {
            db.sql("""
                    insert into alert_case_events (la, case_id, event, actor, detail)
                    select ?, u.case_id, u.event, 'recompute', u.detail
                    from unnest(?::bigint[], ?::text[], ?::text[]) u(case_id, event, detail)""")
                    .params(events.withFirst(settings.la())).update();
        }
        return new Changes(inserted, updated, worsened, episodes);
    }

    /**
     * Rows gathered column by column, each column sent as one array parameter (as text, which PostgreSQL casts to
     * the column's type; null stays null).
     */
    private static final class Columns {

        private final List<List<String>> columns = new ArrayList<>();
        private int rows;

        void row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (columns.size() <= i) {
                    columns.add(new ArrayList<>());
                }
                columns.get(i).add(values[i] == null ? null : values[i] instanceof BigDecimal d
                        ? d.toPlainString() : values[i].toString());
            }
            rows++;
        }

        boolean isEmpty() {
            return rows == 0;
        }

        /** The parameters: {@code first}, then one array per column. */
        Object[] withFirst(Object... first) {
            List<Object> params = new ArrayList<>(List.of(first));
            columns.forEach(c -> params.add(c.toArray(String[]::new)));
            return params.toArray();
        }
    }

    // ---- reading ----

    /** One case as officers see it. */
    public record Case(long id, long personId, String kind, String description, String laestab, String status,
                       String detail, Integer severity, BigDecimal figure, String figureUnit, LocalDate firstEvidence,
                       LocalDate lastEvidence, LocalDate dueOn, String responsible, Instant raisedAt,
                       String assignedTo, Instant assignedAt, Instant acknowledgedAt, Instant resolvedAt,
                       String resolution, Instant updatedAt) {
    }

    /** One change to a case. */
    public record Event(Instant at, String event, String actor, String detail) {
    }

    /** Filters of the queue; null matches anything. */
    public record Filter(String kind, String status, String laestab, String assignedTo) {
    }

    static final String COLUMNS = """
            id, person_id, kind, laestab, status, detail, severity, figure, figure_unit, first_evidence, last_evidence,
            due_on, responsible, raised_at, assigned_to, assigned_at, acknowledged_at, resolved_at, resolution,
            updated_at""";

    static Case read(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        String description;
        try {
            description = AlertId.valueOf(kind).description();
        } catch (IllegalArgumentException e) {
            description = kind;
        }
        return new Case(rs.getLong("id"), rs.getLong("person_id"), kind, description,
                rs.getString("laestab") == null ? null : rs.getString("laestab").strip(), rs.getString("status"),
                rs.getString("detail"), (Integer) rs.getObject("severity"), rs.getBigDecimal("figure"),
                rs.getString("figure_unit"), rs.getObject("first_evidence", LocalDate.class),
                rs.getObject("last_evidence", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getString("responsible"), instant(rs, "raised_at"), rs.getString("assigned_to"),
                instant(rs, "assigned_at"), instant(rs, "acknowledged_at"), instant(rs, "resolved_at"),
                rs.getString("resolution"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public Optional<Case> find(long id) {
        return db.sql("select " + COLUMNS + " from alert_cases where la = ? and id = ?").params(settings.la(), id)
                .query((rs, n) -> read(rs)).optional();
    }

    public List<Event> history(long id) {
        return db.sql("select at, event, actor, detail from alert_case_events where la = ? and case_id = ? order by id")
                .params(settings.la(), id)
                .query((rs, n) -> new Event(rs.getTimestamp("at").toInstant(), rs.getString("event"),
                        rs.getString("actor"), rs.getString("detail"))).list();
    }

    /** Every case of one person, newest first (the pupil page's alert history). */
    /** The person's cases within the scope (from {@link AlertAccess}), newest first. */
    List<Case> ofPerson(long personId, AlertAccess.Scope scope) {
        List<Object> params = new ArrayList<>(List.of(settings.la(), personId));
        params.addAll(scope.params());
        return db.sql("select " + COLUMNS + " from alert_cases where la = ? and person_id = ? and " + scope.sql()
                        + " order by raised_at desc, id desc")
                .params(params).query((rs, n) -> read(rs)).list();
    }

    /**
     * Cases matching the filter within the scope {@code where} (a condition on alert_cases and its parameters,
     * from {@link AlertAccess}), newest first, at most {@code limit}.
     */
    List<Case> list(Filter filter, AlertAccess.Scope scope, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from alert_cases where la = ?");
        List<Object> params = new ArrayList<>(List.of(settings.la()));
        filters(filter, sql, params);
        sql.append(" and ").append(scope.sql());
        params.addAll(scope.params());
        sql.append(" order by raised_at desc, id desc limit ?");
        params.add(limit);
        return db.sql(sql.toString()).params(params).query((rs, n) -> read(rs)).list();
    }

    /** How long the open counts per kind may be reused: counting every open case costs tens of milliseconds. */
    static final java.time.Duration COUNTS_FRESH_FOR = java.time.Duration.ofSeconds(5);
    private record Counted(Map<String, Long> counts, long at) {
    }
    private final Map<List<Object>, Counted> counted = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Open cases per kind within the scope, at most {@link #COUNTS_FRESH_FOR} old (a resolve in this hub clears
     * them at once, so an officer sees their own decision counted).
     */
    Map<String, Long> openCounts(AlertAccess.Scope scope) {
        List<Object> key = new ArrayList<>(List.of(scope.sql()));
        key.addAll(scope.params());
        long now = System.nanoTime();
        Counted known = counted.get(key);
        if (known != null && now - known.at() < COUNTS_FRESH_FOR.toNanos()) {
            return known.counts();
        }
        List<Object> params = new ArrayList<>(List.of(settings.la()));
        params.addAll(scope.params());
        Map<String, Long> out = new java.util.TreeMap<>();
        db.sql("select kind, count(*) from alert_cases where la = ? and status <> 'resolved' and " + scope.sql()
                        + " group by kind").params(params)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        if (counted.size() > 256) {
            counted.clear(); // one entry per school and role scope: a handful in practice
        }
        counted.put(key, new Counted(java.util.Collections.unmodifiableMap(out), now));
        return out;
    }

    private static void filters(Filter f, StringBuilder sql, List<Object> params) {
        if (f.kind() != null && !f.kind().isBlank()) {
            sql.append(" and kind = ?");
            params.add(f.kind().strip());
        }
        if (f.status() != null && !f.status().isBlank()) {
            if (f.status().strip().equals("open")) {
                sql.append(" and status <> 'resolved'");
            } else {
                sql.append(" and status = ?");
                params.add(f.status().strip());
            }
        }
        if (f.laestab() != null && !f.laestab().isBlank()) {
            sql.append(" and laestab = ?");
            params.add(f.laestab().strip());
        }
        if (f.assignedTo() != null && !f.assignedTo().isBlank()) {
            sql.append(" and assigned_to = ?");
            params.add(f.assignedTo().strip());
        }
    }

    // ---- lifecycle ----

    /** Counts cached before the change commits would hide it: clear them once it has committed. */
    private void forgetCountsAfterCommit() {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            counted.clear();
                        }
                    });
        } else {
            counted.clear();
        }
    }

    /** Assigns a case to a user (again, if it was assigned); a raised case becomes assigned. */
    @Transactional
    public Case assign(long id, String username, String actor) {
        return decide(id, OfficerDecision.ASSIGN, "assigned_to = ?, assigned_at = now()", List.of(username), actor,
                "to " + username);
    }

    @Transactional
    public Case acknowledge(long id, String actor) {
        return decide(id, OfficerDecision.ACKNOWLEDGE, "acknowledged_at = now()", List.of(), actor, null);
    }

    @Transactional
    public Case resolve(long id, String reason, String actor) {
        forgetCountsAfterCommit();
        return decide(id, OfficerDecision.RESOLVE, "resolved_at = now(), resolution = ?", List.of(reason), actor,
                reason);
    }

    /**
     * An officer's decision, as core's {@link OfficerDecision} allows it from the case's status, with its event.
     * The row is locked until the transaction ends, so two officers' decisions on one case follow each other.
     */
    private Case decide(long id, OfficerDecision decision, String set, List<Object> setParams, String actor,
                        String detail) {
        String status = db.sql("select status from alert_cases where la = ? and id = ? for update")
                .params(settings.la(), id).query(String.class).optional()
                .orElseThrow(() -> new Refusal.NotFound("There is no alert case " + id));
        CaseStatus next = decision.from(CaseStatus.of(status)).orElseThrow(() -> new Refusal.Conflict(
                "Alert case " + id + " is " + status + ": " + decision.refusal()));
        List<Object> params = new ArrayList<>(setParams);
        params.add(next.label());
        params.add(settings.la());
        params.add(id);
        db.sql("update alert_cases set " + set + ", status = ?, updated_at = now() where la = ? and id = ?")
                .params(params).update();
        db.sql("insert into alert_case_events (la, case_id, event, actor, detail) values (?, ?, ?, ?, ?)")
                .params(settings.la(), id, decision.event(), actor, detail).update();
        return find(id).orElseThrow();
    }
}

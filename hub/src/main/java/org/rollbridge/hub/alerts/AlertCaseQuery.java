package org.rollbridge.hub.alerts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.rollbridge.core.indicators.alerts.AlertId;
import org.rollbridge.hub.HubProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reading alert cases as officers see them: one case, its history, a pupil's cases, the queue and the open counts
 * per kind. Every list is one {@link Where}: the viewer's {@link Scope} (from {@link AlertAccess}) and the queue's
 * {@link Filter}, so a new filter, order or page of the queue is added there once for the list and the counts.
 */
@Component
public class AlertCaseQuery {

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

    /**
     * Filters of the queue; null (or false) matches anything. {@code overdueOn} keeps the open cases whose due date
     * is before that day; {@code ncYear} the pupils in that year group at the case's school.
     */
    public record Filter(String kind, String status, String laestab, String assignedTo, String ncYear,
                         boolean unassigned, LocalDate overdueOn) {
        static final Filter OPEN = new Filter(null, "open", null, null);

        public Filter(String kind, String status, String laestab, String assignedTo) {
            this(kind, status, laestab, assignedTo, null, false, null);
        }
    }

    /** The orders of the queue: newest first, highest figure (streak length, rate) first, open longest, due first. */
    public enum Order {
        NEWEST("raised_at desc, id desc"),
        FIGURE("figure desc nulls last, id"),
        OPEN_LONGEST("raised_at, id"),
        DUE(AlertKinds.dueSql() + " nulls last, id");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    /** A case in a queue, with who the pupil is as their record at the case's school says, and the school's name. */
    public record Listed(Case c, String forename, String surname, String upn, String ncYear, String schoolName) {

        public boolean overdue(LocalDate today) {
            return c.dueOn() != null && c.dueOn().isBefore(today) && !c.status().equals("resolved");
        }

        public long daysOpen(LocalDate today) {
            return java.time.temporal.ChronoUnit.DAYS.between(
                    c.raisedAt().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate(), today);
        }
    }

    /** Whose cases a viewer may see, as {@link AlertAccess} decides it; this class turns it into SQL. */
    record Scope(Reach reach, String laestab) {

        enum Reach { NOTHING, SCHOOL, SOCIAL_CARE_COHORT, WHOLE_LA }

        static final Scope NOTHING = new Scope(Reach.NOTHING, null);
        static final Scope SOCIAL_CARE_COHORT = new Scope(Reach.SOCIAL_CARE_COHORT, null);
        static final Scope WHOLE_LA = new Scope(Reach.WHOLE_LA, null);

        static Scope school(String laestab) {
            return new Scope(Reach.SCHOOL, laestab);
        }
    }

    /** A first cut in SQL of a social care viewer's cohort; {@code PupilFactsQuery} then decides on the day. */
    private static final String COHORT = """
            (exists (select 1 from pupils p where p.la = alert_cases.la and p.person_id = alert_cases.person_id
                     and p.looked_after)
             or exists (select 1 from social_care_cases s where s.la = alert_cases.la
                        and s.person_id = alert_cases.person_id
                        and (s.social_worker or s.looked_after or s.child_protection)))""";

    private static final String COLUMNS = """
            id, person_id, kind, laestab, status, detail, severity, figure, figure_unit, first_evidence, last_evidence,
            %s due_on, responsible, raised_at, assigned_to, assigned_at, acknowledged_at, resolved_at, resolution,
            updated_at""".formatted(AlertKinds.dueSql());

    /**
     * How long the open counts per kind are answered before they are made again: counting every open case costs
     * tens of milliseconds, and up to a second when 240,000 are open and the machine is busy.
     */
    static final Duration COUNTS_FRESH_FOR = Duration.ofSeconds(5);
    /** Counts this old are made again in the background, so that they are new again before they go out of date. */
    private static final Duration REFRESH_AFTER = COUNTS_FRESH_FOR.multipliedBy(4).dividedBy(5);

    /**
     * Counts by scope, with the version of alert_cases they were counted at ({@link #version()}) and when. Writes
     * through {@link AlertCaseStore} clear them once committed; the version catches rows added or emptied
     * elsewhere (another hub, a truncation); the age bounds what neither sees (another hub's decision) to seconds.
     */
    private record Counted(Map<String, Long> counts, long version, long at) {
    }

    private final Map<Scope, Counted> counted = new ConcurrentHashMap<>();
    /** The lock of each scope's count: one count of a scope at a time. */
    private final Map<Scope, Object> counting = new ConcurrentHashMap<>();
    /** The scopes whose counts are being made again in the background: one such count at a time. */
    private final java.util.Set<Scope> refreshing = ConcurrentHashMap.newKeySet();
    /** How many times the counts have been forgotten after a write: a count begun before one is not kept. */
    private final java.util.concurrent.atomic.AtomicLong forgets = new java.util.concurrent.atomic.AtomicLong();
    private final JdbcClient db;
    private final HubProperties settings;

    public AlertCaseQuery(JdbcClient db, HubProperties settings) {
        this.db = db;
        this.settings = settings;
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

    /** The cases of one person within the scope, newest first (the pupil page's alert history). */
    List<Case> ofPerson(long personId, Scope scope) {
        Where where = new Where(settings.la()).scope(scope).and("person_id = ?", personId);
        return db.sql("select " + COLUMNS + " from alert_cases where " + where.sql()
                        + " order by raised_at desc, id desc")
                .params(where.params).query((rs, n) -> read(rs)).list();
    }

    /** Cases matching the filter within the scope, newest first, at most {@code limit}. */
    List<Case> list(Filter filter, Scope scope, int limit) {
        Where where = new Where(settings.la()).scope(scope).filter(filter);
        List<Object> params = new ArrayList<>(where.params);
        params.add(limit);
        return db.sql("select " + COLUMNS + " from alert_cases where " + where.sql()
                        + " order by raised_at desc, id desc limit ?")
                .params(params).query((rs, n) -> read(rs)).list();
    }

    /**
     * One page of the queue in the order asked, each case with its pupil's name, UPN and year group and its school's
     * name. The page is cut in SQL, so who may see each case is checked on the page's cases afterwards.
     */
    List<Listed> page(Filter filter, Scope scope, Order order, int offset, int limit) {
        Where where = new Where(settings.la()).scope(scope).filter(filter);
        List<Object> params = new ArrayList<>(where.params);
        params.add(limit);
        params.add(offset);
        return db.sql("""
                select c.*, p.forename, p.surname, p.upn, p.nc_year, s.name school_name
                from (select %s, row_number() over (order by %s) from (
                          select * from alert_cases where %s order by %s limit ? offset ?) paged) c
                left join lateral (select forename, surname, upn, nc_year from pupils p
                                   where p.la = c.la_of and p.person_id = c.person_id
                                   order by (p.laestab = c.laestab) desc, p.updated_at desc limit 1) p on true
                left join schools s on s.laestab = c.laestab
                order by c.row_number"""
                        .formatted(COLUMNS + ", la la_of", order.sql, where.sql(), order.sql))
                .params(params)
                .query((rs, n) -> new Listed(read(rs), rs.getString("forename"), rs.getString("surname"),
                        rs.getString("upn"), rs.getString("nc_year"), rs.getString("school_name"))).list();
    }

    /** How many cases match the filter within the scope. */
    long count(Filter filter, Scope scope) {
        Where where = new Where(settings.la()).scope(scope).filter(filter);
        return db.sql("select count(*) from alert_cases where " + where.sql()).params(where.params)
                .query(Long.class).single();
    }

    /** Whether the case is within the scope (the first cut of who may see it, before {@code Visibility}). */
    boolean inScope(long id, Scope scope) {
        Where where = new Where(settings.la()).scope(scope).and("id = ?", id);
        return db.sql("select exists (select 1 from alert_cases where " + where.sql() + ")").params(where.params)
                .query(Boolean.class).single();
    }

    /**
     * Open cases per kind within the scope, at most {@link #COUNTS_FRESH_FOR} old; a change written by this hub
     * is counted once it has committed, so an officer sees their own decision counted. Counts a fifth of that age
     * from going out of date are made again in the background while the ones there are still answer, and one
     * count per scope is made at a time: those who find the counts out of date wait for the count being made
     * rather than each making their own. Every officer counting for themselves whenever the counts went out of
     * date (twenty at once, each count over 240,000 open cases holding a pooled connection) kept requests of every
     * page waiting for over a second.
     */
    Map<String, Long> openCounts(Scope scope) {
        long version = version();
        Map<String, Long> known = fresh(scope, version, REFRESH_AFTER);
        if (known != null) {
            return known;
        }
        known = fresh(scope, version, COUNTS_FRESH_FOR);
        if (known != null) {
            if (refreshing.add(scope)) {
                Thread.ofVirtual().name("alert-counts").start(() -> {
                    try {
                        synchronized (lock(scope)) {
                            if (fresh(scope, version, REFRESH_AFTER) == null) {
                                count(scope, version);
                            }
                        }
                    } finally {
                        refreshing.remove(scope);
                    }
                });
            }
            return known;
        }
        synchronized (lock(scope)) {
            known = fresh(scope, version, COUNTS_FRESH_FOR);
            return known != null ? known : count(scope, version);
        }
    }

    /** The counts cached for the scope if they were counted at this version and are younger than {@code age}. */
    private Map<String, Long> fresh(Scope scope, long version, Duration age) {
        Counted known = counted.get(scope);
        return known != null && known.version() == version && System.nanoTime() - known.at() < age.toNanos()
                ? known.counts() : null;
    }

    private Object lock(Scope scope) {
        return counting.computeIfAbsent(scope, s -> new Object());
    }

    /** Counts the open cases of the scope and keeps the counts, unless a write committed meanwhile. */
    private Map<String, Long> count(Scope scope, long version) {
        long forgotten = forgets.get();
        long now = System.nanoTime();
        Where where = new Where(settings.la()).scope(scope).filter(Filter.OPEN);
        Map<String, Long> out = new TreeMap<>();
        db.sql("select kind, count(*) from alert_cases where " + where.sql() + " group by kind")
                .params(where.params).query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        if (counted.size() > 256) {
            counted.clear(); // one entry per school and role scope: a handful in practice
        }
        // Counts begun before a write committed may not hold it: they answer this caller but are not kept.
        if (forgets.get() == forgotten) {
            counted.put(scope, new Counted(Collections.unmodifiableMap(out), version, now));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The newest case's id (0 when there is none): it moves on when a case is raised and when the table is emptied
     * (ids are never reused), and is one step down an index.
     */
    private long version() {
        return db.sql("select coalesce(max(id), 0) from alert_cases").query(Long.class).single();
    }

    /** Counts cached before a write commits would hide it: they are dropped once it has committed. */
    void forgetCountsAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget();
                }
            });
        } else {
            forget();
        }
    }

    private void forget() {
        forgets.incrementAndGet();
        counted.clear();
    }

    /** The conditions on alert_cases of one list, and their parameters in order. */
    private static final class Where {

        private final List<String> conditions = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        Where(String la) {
            and("la = ?", la);
        }

        Where and(String condition, Object... values) {
            conditions.add(condition);
            params.addAll(List.of(values));
            return this;
        }

        Where scope(Scope scope) {
            return switch (scope.reach()) {
                case NOTHING -> and("false");
                case SCHOOL -> and("laestab = ?", scope.laestab());
                case SOCIAL_CARE_COHORT -> and(COHORT);
                case WHOLE_LA -> this;
            };
        }

        Where filter(Filter f) {
            if (present(f.kind())) {
                and("kind = ?", f.kind().strip());
            }
            if (present(f.status())) {
                if (f.status().strip().equals("open")) {
                    and("status <> 'resolved'");
                } else {
                    and("status = ?", f.status().strip());
                }
            }
            if (present(f.laestab())) {
                and("laestab = ?", f.laestab().strip());
            }
            if (present(f.assignedTo())) {
                and("assigned_to = ?", f.assignedTo().strip());
            }
            if (f.unassigned()) {
                and("assigned_to is null");
            }
            if (f.overdueOn() != null) {
                and("status <> 'resolved' and " + AlertKinds.dueSql() + " < ?", f.overdueOn());
            }
            if (present(f.ncYear())) {
                and("""
                        exists (select 1 from pupils p where p.la = alert_cases.la and p.person_id = alert_cases.person_id
                                and p.laestab = alert_cases.laestab and p.nc_year = ?)""", f.ncYear().strip());
            }
            return this;
        }

        String sql() {
            return String.join(" and ", conditions);
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }
    }

    private static Case read(ResultSet rs) throws SQLException {
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
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}

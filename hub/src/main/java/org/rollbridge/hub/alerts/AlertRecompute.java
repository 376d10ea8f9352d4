package org.rollbridge.hub.alerts;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.ExclusionCategory;
import org.rollbridge.core.code.ExclusionReason;
import org.rollbridge.core.indicators.AttendanceTally;
import org.rollbridge.core.indicators.Enrolment;
import org.rollbridge.core.indicators.ExclusionIndicators;
import org.rollbridge.core.indicators.IndicatorScope;
import org.rollbridge.core.indicators.Period;
import org.rollbridge.core.indicators.PupilAttendance;
import org.rollbridge.core.indicators.PupilExclusions;
import org.rollbridge.core.indicators.PupilKey;
import org.rollbridge.core.indicators.SchoolCalendar;
import org.rollbridge.core.indicators.alerts.Alert;
import org.rollbridge.core.indicators.alerts.AlertId;
import org.rollbridge.core.indicators.alerts.AlertRule;
import org.rollbridge.core.indicators.alerts.AlertRules;
import org.rollbridge.core.indicators.alerts.PupilSituation;
import org.rollbridge.core.pupil.Appeal;
import org.rollbridge.core.pupil.Exclusion;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.hub.AlertSettings;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.attendance.YearMarks;
import org.rollbridge.hub.store.SchoolLock;
import org.rollbridge.hub.store.TransactionLocks;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works out the alerts of a set of pupils (or of every pupil in the LA) from what is stored, with core's pure
 * indicator functions and alert rules, and hands them to {@link AlertCases}. One school at a time: a school's
 * calendar is inferred from the marks of the pupils read with it (as core's {@code IndicatorRun} does), and a
 * school's cases are written in one transaction under a per-school advisory lock, so the follow-up job of a
 * batch and the nightly run never interleave on the same cases. Safe to redo: the same stored data gives the same
 * cases.
 *
 * <p>Movement alerts are not raised here: {@link MovementAlerts} raises LEFT_NO_DESTINATION inside the merge that
 * ends a spell.
 */
@Component
public class AlertRecompute {

    /** The alerts this class owns in alert_cases (the movement alerts are raised at merge). */
    static final List<AlertId> KINDS = List.of(AlertId.CONSECUTIVE_ABSENCE_10, AlertId.CONSECUTIVE_UNAUTHORISED_10,
            AlertId.PERSISTENT_ABSENCE, AlertId.SEVERE_ABSENCE, AlertId.REDUCED_TIMETABLE, AlertId.HEALTH_15_DAYS,
            AlertId.PERMANENT_EXCLUSION_DAY_6, AlertId.SUSPENSIONS_OVER_15_DAYS, AlertId.COHORT_ABSENCE);

    private static final AlertRules RULES = AlertRules.defaults()
            .with(new AlertRule(AlertId.LEFT_NO_DESTINATION, false, null))
            .with(new AlertRule(AlertId.NEW_TO_ROLL_NON_STANDARD, false, null));

    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final TransactionLocks locks;
    private final AlertCases cases;
    private final HubProperties settings;
    private final AlertSettings dating;
    private final Clock clock;

    public AlertRecompute(DataSource dataSource, TransactionTemplate tx, TransactionLocks locks, AlertCases cases,
                          HubProperties settings, AlertSettings dating, Clock clock) {
        this.dataSource = dataSource;
        this.tx = tx;
        this.locks = locks;
        this.cases = cases;
        this.settings = settings;
        this.dating = dating;
        this.clock = clock;
    }

    /** What a recompute did, for job_runs and the benchmark. */
    public record Outcome(int schools, int pupils, int alerts, AlertCases.Changes changes) {

        Outcome plus(Outcome o) {
            return new Outcome(schools + o.schools, pupils + o.pupils, alerts + o.alerts, changes.plus(o.changes));
        }

        static Outcome none() {
            return new Outcome(0, 0, 0, AlertCases.Changes.NONE);
        }
    }

    /** The day alerts are worked out as of: ROLLBRIDGE_ALERTS_AS_OF when the hub replays a past term, else today. */
    public LocalDate today() {
        return dating.asOf() != null ? dating.asOf() : LocalDate.now(clock);
    }

    /** Every pupil of every school in the LA. */
    public Outcome everyone(LocalDate asOf) {
        Outcome total = Outcome.none();
        for (String school : schools(asOf, null)) {
            total = total.plus(school(school, null, asOf));
        }
        return total;
    }

    /** The given persons, at every school that holds marks or exclusions for them. */
    public Outcome persons(Collection<Long> personIds, LocalDate asOf) {
        if (personIds.isEmpty()) {
            return Outcome.none();
        }
        Long[] ids = personIds.toArray(Long[]::new);
        Outcome total = Outcome.none();
        for (String school : schools(asOf, ids)) {
            total = total.plus(school(school, ids, asOf));
        }
        return total;
    }

    private List<String> schools(LocalDate asOf, Long[] persons) {
        return inConnection(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select laestab from attendance_years where la = ? and academic_year = any(?)
                      and (?::bigint[] is null or person_id = any(?))
                    union
                    select laestab from exclusions where la = ? and start_date >= ?
                      and (?::bigint[] is null or person_id = any(?))
                    order by 1""")) {
                Array ids = persons == null ? null : c.createArrayOf("bigint", persons);
                ps.setString(1, settings.la());
                ps.setArray(2, c.createArrayOf("smallint", years(asOf)));
                ps.setArray(3, ids);
                ps.setArray(4, ids);
                ps.setString(5, settings.la());
                ps.setObject(6, Period.academicYearContaining(asOf).from());
                ps.setArray(7, ids);
                ps.setArray(8, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** The compact years that hold the academic year (1 September) of {@code asOf}: they start on 1 August. */
    private static Integer[] years(LocalDate asOf) {
        int from = YearMarks.academicYear(Period.academicYearContaining(asOf).from());
        int to = YearMarks.academicYear(asOf);
        return from == to ? new Integer[] {from} : new Integer[] {from, to};
    }

    /** What is read of one pupil at the school. */
    private static final class Pupil {
        final long person;
        String upn;
        LocalDate admitted;
        LocalDate left;
        boolean partTime;
        boolean lookedAfter;
        final List<String> years = new ArrayList<>();
        final List<Integer> yearStarts = new ArrayList<>();
        final List<Exclusion> exclusions = new ArrayList<>();

        Pupil(long person) {
            this.person = person;
        }
    }

    private Outcome school(String laestab, Long[] persons, LocalDate asOf) {
        return tx.execute(status -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                locks.hold(SchoolLock.ALERTS, laestab);
                Map<Long, Pupil> pupils = read(c, laestab, persons, asOf);
                SchoolCalendar calendar = calendar(pupils.values());
                Period period = Period.academicYearContaining(asOf);
                Map<Long, List<AlertCases.Raised>> raised = new LinkedHashMap<>();
                int alerts = 0;
                for (Pupil p : pupils.values()) {
                    if (p.upn == null) {
                        continue;       // no UPN is known for this person: nothing can be keyed
                    }
                    PupilKey key = PupilKey.of(p.upn, laestab);
                    IndicatorScope scope = new IndicatorScope(period, asOf, new Enrolment(p.admitted, p.left),
                            calendar, p.partTime, RULES.notableStreakDays());
                    AttendanceTally tally = new AttendanceTally(key, scope);
                    for (int y = 0; y < p.years.size(); y++) {
                        replay(p.years.get(y), p.yearStarts.get(y), tally);
                    }
                    PupilAttendance attendance = tally.result();
                    PupilExclusions exclusions = ExclusionIndicators.measure(p.exclusions, asOf, calendar);
                    PupilSituation situation = new PupilSituation(key, attendance, exclusions, null, null,
                            p.lookedAfter);
                    List<AlertCases.Raised> mine = new ArrayList<>();
                    for (Alert alert : RULES.evaluate(situation)) {
                        mine.add(new AlertCases.Raised(alert, AlertKinds.figure(alert, attendance, exclusions)));
                    }
                    alerts += mine.size();
                    raised.put(p.person, mine);
                }
                AlertCases.Changes changes = cases.apply(c, laestab, raised, KINDS);
                return new Outcome(1, pupils.size(), alerts, changes);
            } catch (SQLException e) {
                throw new IllegalStateException("Alerts for school " + laestab + " could not be recomputed", e);
            }
        });
    }

    private static void replay(String marks, int academicYear, AttendanceTally tally) {
        for (int i = 0; i < marks.length(); i++) {
            char symbol = marks.charAt(i);
            if (symbol == YearMarks.NONE) {
                continue;
            }
            LocalDate day = YearMarks.dayAt(academicYear, i);
            Optional<AttendanceCode> code = YearMarks.code(symbol).flatMap(t -> AttendanceCode.interpret(t, day));
            tally.accept(day, YearMarks.sessionAt(i), code);
        }
    }

    /** The school is open on a day when any pupil read with it had a possible session then. */
    private static SchoolCalendar calendar(Collection<Pupil> pupils) {
        BitSet open = new BitSet();
        for (Pupil p : pupils) {
            for (int y = 0; y < p.years.size(); y++) {
                String marks = p.years.get(y);
                LocalDate start = YearMarks.yearStart(p.yearStarts.get(y));
                for (int i = 0; i < marks.length(); i++) {
                    char symbol = marks.charAt(i);
                    if (symbol == YearMarks.NONE) {
                        continue;
                    }
                    int dayIndex = (int) start.toEpochDay() + i / 2;
                    if (open.get(dayIndex)) {
                        continue;
                    }
                    LocalDate day = start.plusDays(i / 2);
                    if (YearMarks.code(symbol).flatMap(t -> AttendanceCode.interpret(t, day))
                            .filter(AttendanceCode::possible).isPresent()) {
                        open.set(dayIndex);
                    }
                }
            }
        }
        return SchoolCalendar.ofOpenDays(open.stream().mapToObj(LocalDate::ofEpochDay).toList());
    }

    private Map<Long, Pupil> read(Connection c, String laestab, Long[] persons, LocalDate asOf) throws SQLException {
        Map<Long, Pupil> pupils = new HashMap<>();
        Array ids = persons == null ? null : c.createArrayOf("bigint", persons);
        try (PreparedStatement ps = c.prepareStatement("""
                select a.person_id, a.academic_year, a.marks from attendance_years a
                where a.la = ? and a.laestab = ? and a.academic_year = any(?)
                  and (?::bigint[] is null or a.person_id = any(?))
                order by a.person_id, a.academic_year""")) {
            ps.setString(1, settings.la());
            ps.setString(2, laestab);
            ps.setArray(3, c.createArrayOf("smallint", years(asOf)));
            ps.setArray(4, ids);
            ps.setArray(5, ids);
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Pupil p = pupils.computeIfAbsent(rs.getLong(1), Pupil::new);
                    p.yearStarts.add(rs.getInt(2));
                    p.years.add(rs.getString(3));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select person_id, category, reason, start_date, end_date, sessions, reinstatement_date
                from exclusions where la = ? and laestab = ? and start_date >= ?
                  and (?::bigint[] is null or person_id = any(?))""")) {
            ps.setString(1, settings.la());
            ps.setString(2, laestab);
            ps.setObject(3, Period.academicYearContaining(asOf).from());
            ps.setArray(4, ids);
            ps.setArray(5, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Pupil p = pupils.computeIfAbsent(rs.getLong(1), Pupil::new);
                    Integer sessions = (Integer) rs.getObject(6);
                    p.exclusions.add(new Exclusion(null, laestab,
                            Coded.of(ExclusionCategory.class, rs.getString(2)),
                            Coded.of(ExclusionReason.class, rs.getString(3)),
                            RecordedDate.of(rs.getObject(4, LocalDate.class)),
                            RecordedDate.of(rs.getObject(5, LocalDate.class)), sessions,
                            new Appeal(null, null, null, RecordedDate.of(rs.getObject(7, LocalDate.class)))));
                }
            }
        }
        if (pupils.isEmpty()) {
            return pupils;
        }
        // The school's word on each pupil (UPN, enrolment, part-time timetable, looked after), else the person's UPN.
        try (PreparedStatement ps = c.prepareStatement("""
                select k.person_id,
                       coalesce(p.upn, (select min(i.value) from person_identifiers i
                                        where i.la = ? and i.person_id = k.person_id and i.kind = 'UPN')),
                       p.admission_date, p.leaving_date,
                       coalesce((p.record ->> 'partTime')::boolean, false),
                       coalesce((p.record -> 'lookedAfter' ->> 'inCare')::boolean, false)
                from unnest(?::bigint[]) k (person_id)
                left join pupils p on p.la = ? and p.person_id = k.person_id and p.laestab = ?""")) {
            ps.setString(1, settings.la());
            ps.setArray(2, c.createArrayOf("bigint", pupils.keySet().toArray(Long[]::new)));
            ps.setString(3, settings.la());
            ps.setString(4, laestab);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Pupil p = pupils.get(rs.getLong(1));
                    p.upn = rs.getString(2);
                    p.admitted = rs.getObject(3, LocalDate.class);
                    p.left = rs.getObject(4, LocalDate.class);
                    p.partTime = rs.getBoolean(5);
                    p.lookedAfter = rs.getBoolean(6);
                }
            }
        }
        return pupils;
    }

    private <T> T inConnection(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Alerts could not be read", e);
        }
    }

    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}

package org.rollbridge.hub.alerts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.rollbridge.core.pupil.Exclusion;
import org.rollbridge.hub.AlertSettings;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.alerts.AlertEvidenceQuery.Pupil;
import org.rollbridge.hub.attendance.YearMarks;
import org.rollbridge.hub.store.BulkTransactions;
import org.rollbridge.hub.store.SchoolLock;
import org.rollbridge.hub.store.TransactionLocks;
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
 * <p>Everything core's {@code IndicatorRun} feeds its rules is fed here from what the hub holds: social care's open
 * cases beside the CTF's looked-after flag (the safeguarding cohort), and the pupils who joined the roll this year
 * ({@link Joiners}). LEFT_NO_DESTINATION is not raised here: {@link MovementAlerts} raises it inside the merge that
 * ends a spell.
 */
@Component
public class AlertRecompute {

    /** The alerts this class owns in alert_cases (the movement alerts are raised at merge). */
    static final List<AlertId> KINDS = List.of(AlertId.CONSECUTIVE_ABSENCE_10, AlertId.CONSECUTIVE_UNAUTHORISED_10,
            AlertId.PERSISTENT_ABSENCE, AlertId.SEVERE_ABSENCE, AlertId.REDUCED_TIMETABLE, AlertId.HEALTH_15_DAYS,
            AlertId.PERMANENT_EXCLUSION_DAY_6, AlertId.SUSPENSIONS_OVER_15_DAYS, AlertId.COHORT_ABSENCE,
            AlertId.NEW_TO_ROLL_NON_STANDARD);

    private static final AlertRules RULES = AlertRules.defaults()
            .with(new AlertRule(AlertId.LEFT_NO_DESTINATION, false, null));

    private final AlertEvidenceQuery evidence;
    private final TransactionTemplate tx;
    private final TransactionLocks locks;
    private final AlertCases cases;
    private final HubProperties settings;
    private final AlertSettings dating;
    private final Clock clock;
    private final BulkTransactions bulk;

    public AlertRecompute(AlertEvidenceQuery evidence, TransactionTemplate tx, TransactionLocks locks,
                          AlertCases cases, HubProperties settings, AlertSettings dating, Clock clock,
                          BulkTransactions bulk) {
        this.bulk = bulk;
        this.evidence = evidence;
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
        for (String school : evidence.schools(asOf)) {
            total = total.plus(school(school, null, asOf));
        }
        return total;
    }

    /** The given persons, at every school that holds marks or exclusions for them. */
    public Outcome persons(Collection<Long> personIds, LocalDate asOf) {
        Outcome total = Outcome.none();
        for (Map.Entry<String, Long[]> school : schoolsOf(personIds, asOf).entrySet()) {
            total = total.plus(school(school.getKey(), school.getValue(), asOf));
        }
        return total;
    }

    /**
     * The schools that hold marks or exclusions this academic year for any of these persons, each with those of
     * the persons it holds them for: a recompute makes one pass per school, over only those persons.
     */
    Map<String, Long[]> schoolsOf(Collection<Long> personIds, LocalDate asOf) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        return evidence.schoolsOf(asOf, personIds.toArray(Long[]::new));
    }

    /** The given persons (null: every pupil) at one school, in a transaction of its own under its alert lock. */
    Outcome school(String laestab, Long[] persons, LocalDate asOf) {
        return tx.execute(status -> {
            locks.hold(SchoolLock.ALERTS, laestab);
            bulk.redoable();    // redone from the stored data if lost: the waiting pupils are forgotten afterwards
            Map<Long, Pupil> pupils = evidence.atSchool(laestab, persons, asOf);
            SchoolCalendar calendar = calendar(pupils.values());
            Period period = Period.academicYearContaining(asOf);
            Joiners joiners = new Joiners(period, asOf, evidence.yearsOnRoll(laestab, Joiners.end(period, asOf)));
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
                    YearMarks.replay(p.years.get(y), p.yearStarts.get(y), tally);
                }
                PupilAttendance attendance = tally.result();
                PupilExclusions exclusions = ExclusionIndicators.measure(p.exclusions, asOf, calendar);
                PupilSituation situation = new PupilSituation(key, attendance, exclusions, joiners.of(p), null,
                        p.safeguardingCohort);
                List<AlertCases.Raised> mine = new ArrayList<>();
                for (Alert alert : RULES.evaluate(situation)) {
                    mine.add(new AlertCases.Raised(alert, AlertKinds.figure(alert, attendance, exclusions)));
                }
                alerts += mine.size();
                raised.put(p.person, mine);
            }
            AlertCases.Changes changes = cases.apply(laestab, raised, KINDS);
            return new Outcome(1, pupils.size(), alerts, changes);
        });
    }

    /** The school is open on a day when any pupil read with it had a possible session then. */
    private static SchoolCalendar calendar(Collection<Pupil> pupils) {
        BitSet open = new BitSet();
        for (Pupil p : pupils) {
            for (int y = 0; y < p.years.size(); y++) {
                YearMarks.openDays(p.years.get(y), p.yearStarts.get(y), open);
            }
        }
        return SchoolCalendar.ofOpenDays(open.stream().mapToObj(LocalDate::ofEpochDay).toList());
    }
}

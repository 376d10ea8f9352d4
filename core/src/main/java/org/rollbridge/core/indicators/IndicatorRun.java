package org.rollbridge.core.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.rollbridge.core.attendance.SessionMark;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.indicators.alerts.AlertRules;
import org.rollbridge.core.indicators.alerts.PupilSituation;
import org.rollbridge.core.indicators.movement.Joiner;
import org.rollbridge.core.indicators.movement.Leaver;
import org.rollbridge.core.indicators.movement.Movement;
import org.rollbridge.core.indicators.movement.RollEntry;
import org.rollbridge.core.indicators.movement.RollMovement;
import org.rollbridge.core.indicators.movement.RollSnapshot;
import org.rollbridge.core.pupil.AttendanceYear;
import org.rollbridge.core.pupil.Exclusion;
import org.rollbridge.core.pupil.Pupil;

/**
 * Indicators and alerts for every pupil an LA has records for. Feed it pupils (from CTFs: enrolment, part-time flag,
 * looked-after status and marks strings), session marks (from the attendance feed) and exclusions, then
 * {@link #run}. Each school's calendar is inferred from its own marks; the rolls at the start of the period and on
 * the as-of date give the movement between them.
 */
public final class IndicatorRun {

    private final Map<PupilKey, PupilRecords> pupils = new HashMap<>();
    private final Set<String> cohortUpns = new HashSet<>();
    /** Per school, the epoch days on which some pupil had a possible session: the school's calendar. */
    private final Map<String, java.util.BitSet> openDays = new HashMap<>();

    /** What is known about one pupil at one school. */
    private static final class PupilRecords {
        Pupil pupil;
        final List<AttendanceYear> years = new ArrayList<>();
        final MarkLog marks = new MarkLog();
        final List<Exclusion> exclusions = new ArrayList<>();
    }

    private PupilRecords at(String upn, String laestab) {
        return pupils.computeIfAbsent(new PupilKey(upn.strip(), laestab.strip()), k -> new PupilRecords());
    }

    /**
     * A pupil from a school's CTF. Each year of attendance is filed under the school that recorded it (a CTF carries
     * a pupil's earlier schools' years too); the pupil's enrolment belongs to {@code laestab}.
     */
    public void addPupil(String laestab, Pupil pupil) {
        if (pupil.upn() == null || pupil.upn().isBlank()) {
            return;
        }
        at(pupil.upn(), laestab).pupil = pupil;
        for (AttendanceYear y : pupil.attendance()) {
            String school = y.la() != null && y.estab() != null && !y.la().isBlank() && !y.estab().isBlank()
                    ? y.la().strip() + y.estab().strip() : laestab;
            at(pupil.upn(), school).years.add(y);
            MarkLog marks = ctfMarks(y);
            if (marks != null) {
                java.util.BitSet open = openDays(school);
                marks.replay((date, session, code) -> markOpen(open, date, code));
            }
        }
    }

    /** A mark from the session-level feed; for one session a later mark replaces an earlier one. */
    public void addMark(String laestab, String upn, SessionMark mark) {
        Optional<AttendanceCode> code = mark.attendanceCode();
        at(upn, laestab).marks.add(mark.date(), mark.session(), code);
        markOpen(openDays(laestab.strip()), mark.date(), code);
    }

    private java.util.BitSet openDays(String school) {
        return openDays.computeIfAbsent(school, k -> new java.util.BitSet());
    }

    private static void markOpen(java.util.BitSet open, LocalDate date, Optional<AttendanceCode> code) {
        if (code.isPresent() && code.get().possible() && date.toEpochDay() >= 0) {
            open.set((int) date.toEpochDay());
        }
    }

    private static MarkLog ctfMarks(AttendanceYear y) {
        Optional<LocalDate> start = y.marksStart().date();
        if (y.marks() == null || start.isEmpty()) {
            return null;
        }
        MarkLog log = new MarkLog();
        log.addCtf(start.get(), y.marks());
        return log;
    }

    public void addExclusion(Exclusion exclusion) {
        at(exclusion.upn(), exclusion.laestab()).exclusions.add(exclusion);
    }

    /** Children the LA knows have a social worker or a child protection plan (looked-after comes from the CTF). */
    public void addToSafeguardingCohort(Collection<String> upns) {
        upns.forEach(u -> cohortUpns.add(u.strip()));
    }

    public int pupilCount() {
        return pupils.size();
    }

    public List<PupilReport> run(Period period, LocalDate asOf, AlertRules rules) {
        Map<String, SchoolCalendar> calendars = calendars();
        Movement movement = movement(period, asOf);
        Map<PupilKey, Joiner> joiners = new HashMap<>();
        movement.joiners().forEach(j -> joiners.put(j.entry().key(), j));
        Map<PupilKey, Leaver> leavers = new HashMap<>();
        movement.leavers().forEach(l -> leavers.put(l.entry().key(), l));

        List<PupilReport> out = new ArrayList<>(pupils.size());
        new TreeMap<>(pupils).forEach((key, records) -> {
            SchoolCalendar calendar = calendars.getOrDefault(key.laestab(), SchoolCalendar.weekdays());
            Pupil p = records.pupil;
            IndicatorScope scope = new IndicatorScope(period, asOf, p == null ? Enrolment.ALWAYS : Enrolment.of(p),
                    calendar, p != null && Boolean.TRUE.equals(p.partTime()), rules.notableStreakDays());
            AttendanceTally tally = new AttendanceTally(key, scope);
            allMarks(records).replay(tally::accept);
            PupilAttendance attendance = tally.result();
            if (p == null && records.marks.size() == 0 && records.exclusions.isEmpty()
                    && attendance.possibleSessions() == 0) {
                return;     // only an earlier school's year from a CTF, with nothing in this period
            }
            PupilExclusions exclusions = ExclusionIndicators.measure(records.exclusions, asOf, calendar);
            boolean cohort = cohortUpns.contains(key.upn())
                    || p != null && p.lookedAfter() != null && Boolean.TRUE.equals(p.lookedAfter().inCare());
            PupilSituation situation = new PupilSituation(key, attendance, exclusions, joiners.get(key),
                    leavers.get(key), cohort);
            out.add(new PupilReport(key, attendance, exclusions, rules.evaluate(situation)));
        });
        return out;
    }

    private static MarkLog allMarks(PupilRecords records) {
        if (records.years.isEmpty()) {
            return records.marks;
        }
        MarkLog all = new MarkLog();
        for (AttendanceYear y : records.years) {
            MarkLog year = ctfMarks(y);
            if (year != null) {
                all.addAll(year);
            }
        }
        all.addAll(records.marks);      // the session-level feed is the more recent word
        return all;
    }

    /** A school is open on a day when any of its pupils had a possible session then. */
    private Map<String, SchoolCalendar> calendars() {
        Map<String, SchoolCalendar> out = new HashMap<>();
        openDays.forEach((school, days) -> out.put(school, SchoolCalendar.ofOpenDays(
                days.stream().mapToObj(LocalDate::ofEpochDay).toList())));
        return out;
    }

    /** The rolls on the first day of the period against the rolls on the as-of date. */
    private Movement movement(Period period, LocalDate asOf) {
        List<RollEntry> entries = new ArrayList<>();
        pupils.forEach((key, records) -> {
            if (records.pupil != null) {
                entries.add(new RollEntry(key.laestab(), records.pupil));
            }
        });
        LocalDate end = asOf.isBefore(period.to()) ? asOf : period.to();
        return RollMovement.between(RollSnapshot.asOf(period.from(), entries), RollSnapshot.asOf(end, entries));
    }
}

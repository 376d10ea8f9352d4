package org.rollbridge.core.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * {@link #run}. Each school's calendar is inferred from its own marks.
 *
 * <p>Movement: when a school has sent full-roll CTFs taken on different dates, its earliest roll is compared with its
 * latest (a pupil on the earlier roll and not on the later one has left). Otherwise the admission and leaving dates
 * in the files give the rolls on the first day of the period and on the as-of date.
 */
public final class IndicatorRun {

    private final Map<PupilKey, PupilRecords> pupils = new HashMap<>();
    private final Set<String> cohortUpns = new HashSet<>();
    /** Per school, the epoch days on which some pupil had a possible session: the school's calendar. */
    private final Map<String, BitSet> openDays = new HashMap<>();

    /** Per school, the pupils of each full-roll CTF by the date it was taken ({@link LocalDate#MAX} if undated). */
    private final Map<String, TreeMap<LocalDate, List<Pupil>>> rolls = new HashMap<>();
    /** Pupils from partial CTFs: judged on their admission and leaving dates alone. */
    private final List<RollEntry> notOnAFullRoll = new ArrayList<>();

    /** What is known about one pupil at one school. */
    private static final class PupilRecords {
        Pupil pupil;
        LocalDate pupilTaken;
        final TreeMap<LocalDate, List<AttendanceYear>> years = new TreeMap<>();
        final MarkLog marks = new MarkLog();
        final List<Exclusion> exclusions = new ArrayList<>();
    }

    private PupilRecords at(String upn, String laestab) {
        return pupils.computeIfAbsent(PupilKey.of(upn, laestab), k -> new PupilRecords());
    }

    /**
     * A pupil from a school's CTF. Each year of attendance is filed under the school that recorded it (a CTF carries
     * a pupil's earlier schools' years too); the pupil's enrolment belongs to {@code laestab}.
     */
    public void addPupil(String laestab, Pupil pupil) {
        addPupil(laestab, pupil, null, false);
    }

    /**
     * A pupil from a school's CTF taken on {@code taken} (null when unknown: read as the latest). Only a full-roll
     * CTF says who is on the roll: a pupil missing from a partial file has not left. Where the same pupil comes in
     * several files, the latest file's record and marks win.
     */
    public void addPupil(String laestab, Pupil pupil, LocalDate taken, boolean fullRoll) {
        if (pupil.upn() == null || pupil.upn().isBlank()) {
            return;
        }
        LocalDate when = taken == null ? LocalDate.MAX : taken;
        String school = PupilKey.of(pupil.upn(), laestab).laestab();
        if (fullRoll) {
            rolls.computeIfAbsent(school, k -> new TreeMap<>()).computeIfAbsent(when, k -> new ArrayList<>())
                    .add(pupil);
        } else {
            notOnAFullRoll.add(new RollEntry(school, pupil));
        }
        PupilRecords records = at(pupil.upn(), school);
        if (records.pupilTaken == null || !when.isBefore(records.pupilTaken)) {
            records.pupil = pupil;
            records.pupilTaken = when;
        }
        for (AttendanceYear y : pupil.attendance()) {
            String recordedAt = y.la() != null && y.estab() != null && !y.la().isBlank() && !y.estab().isBlank()
                    ? PupilKey.of(pupil.upn(), y.la().strip() + y.estab().strip()).laestab() : school;
            at(pupil.upn(), recordedAt).years.computeIfAbsent(when, k -> new ArrayList<>()).add(y);
            MarkLog marks = ctfMarks(y);
            if (marks != null) {
                BitSet open = openDays(recordedAt);
                marks.replay((date, session, code) -> markOpen(open, date, code));
            }
        }
    }

    /** A mark from the session-level feed; for one session a later mark replaces an earlier one. */
    public void addMark(String laestab, String upn, SessionMark mark) {
        Optional<AttendanceCode> code = mark.attendanceCode();
        at(upn, laestab).marks.add(mark.date(), mark.session(), code);
        markOpen(openDays(PupilKey.of(upn, laestab).laestab()), mark.date(), code);
    }

    private BitSet openDays(String school) {
        return openDays.computeIfAbsent(school, k -> new BitSet());
    }

    private static void markOpen(BitSet open, LocalDate date, Optional<AttendanceCode> code) {
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
        upns.forEach(u -> cohortUpns.add(PupilKey.of(u, "").upn()));
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
        for (List<AttendanceYear> file : records.years.values()) {     // oldest file first: later files win
            for (AttendanceYear y : file) {
                MarkLog year = ctfMarks(y);
                if (year != null) {
                    all.addAll(year);
                }
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

    /**
     * Leavers: each school's earliest roll against its latest, judged on the earliest date a school's rolls were
     * taken (or the first day of the period, when no school sent rolls of two dates) and on the as-of date.
     * Joiners: those, and anyone on a latest roll admitted after the first day of the period.
     */
    private Movement movement(Period period, LocalDate asOf) {
        List<RollEntry> before = new ArrayList<>();
        List<RollEntry> after = new ArrayList<>();
        LocalDate start = null;
        for (Map.Entry<String, TreeMap<LocalDate, List<Pupil>>> school : rolls.entrySet()) {
            TreeMap<LocalDate, List<Pupil>> byDate = school.getValue();
            byDate.firstEntry().getValue().forEach(p -> before.add(new RollEntry(school.getKey(), p)));
            byDate.lastEntry().getValue().forEach(p -> after.add(new RollEntry(school.getKey(), p)));
            LocalDate first = byDate.firstKey();
            if (byDate.size() > 1 && (start == null || first.isBefore(start))) {
                start = first;
            }
        }
        LocalDate from = start == null || start.isBefore(period.from()) ? period.from() : start;
        LocalDate end = asOf.isBefore(period.to()) ? asOf : period.to();
        List<RollEntry> latest = withPartial(after);
        Movement sinceEarliestRoll = RollMovement.between(RollSnapshot.asOf(from, withPartial(before)),
                RollSnapshot.asOf(end, latest));
        if (from.equals(period.from())) {
            return sinceEarliestRoll;
        }
        Movement sincePeriodStart = RollMovement.between(RollSnapshot.asOf(period.from(), latest),
                RollSnapshot.asOf(end, latest));
        Map<PupilKey, Joiner> joiners = new TreeMap<>();
        sincePeriodStart.joiners().forEach(j -> joiners.put(j.entry().key(), j));
        sinceEarliestRoll.joiners().forEach(j -> joiners.put(j.entry().key(), j));
        return new Movement(List.copyOf(joiners.values()), sinceEarliestRoll.leavers(),
                sinceEarliestRoll.dualRegistrations());
    }

    /** A roll plus the pupils known only from partial files (a full roll's record wins for the same pupil). */
    private List<RollEntry> withPartial(List<RollEntry> roll) {
        Map<PupilKey, RollEntry> byKey = new LinkedHashMap<>();
        notOnAFullRoll.forEach(e -> byKey.put(e.key(), e));
        roll.forEach(e -> byKey.put(e.key(), e));
        return List.copyOf(byKey.values());
    }
}

package org.rollbridge.hub.attendance;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.code.AttendanceGroup;
import org.rollbridge.hub.store.SchoolLock;
import org.rollbridge.hub.store.TransactionLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps attendance_tallies, attendance_school_weeks and attendance_cohort_weeks (CohortWeeks) in step with
 * attendance_years, so that the dashboards add up a few hundred bytes per pupil, or per school and cohort, instead
 * of reading and decoding every mark. MarkStore calls {@link #refresh}
 * in the merge transaction for the pupil-years it wrote; at start-up any row without an up-to-date tally (written
 * before the tallies existed) gets one.
 */
@Component
public class AttendanceTallies {

    private static final Logger LOG = LoggerFactory.getLogger(AttendanceTallies.class);
    /** Session groups by mark symbol, read with the code set before [0] and from [1] August 2024. */
    private static final AttendanceGroup[][] GROUPS = new AttendanceGroup[2][128];

    static {
        LocalDate[] on = {AttendanceCode.CODES_2024_FROM.minusDays(1), AttendanceCode.CODES_2024_FROM};
        for (int set = 0; set < 2; set++) {
            for (char ch = 0; ch < 128; ch++) {
                LocalDate day = on[set];
                GROUPS[set][ch] = YearMarks.code(ch).flatMap(code -> AttendanceCode.interpret(code, day))
                        .map(AttendanceCode::group).orElse(null);
            }
        }
    }

    private final TallyStore store;
    private final TallyQuery query;
    private final TransactionTemplate tx;
    private final TransactionLocks locks;
    private final CohortWeeks cohortWeeks;
    private final CohortWeekQuery cohortTallies;

    public AttendanceTallies(TallyStore store, TallyQuery query, TransactionTemplate tx, TransactionLocks locks,
                             CohortWeeks cohortWeeks, CohortWeekQuery cohortTallies) {
        this.cohortTallies = cohortTallies;
        this.store = store;
        this.query = query;
        this.tx = tx;
        this.locks = locks;
        this.cohortWeeks = cohortWeeks;
    }

    /** Running totals by week; element k + 1 is the total to the end of week k (element 0 is 0). */
    public record Tally(short[] possible, short[] absent, short[] unauthorised, LocalDate lastDay) {
    }

    /** The session group of one stored mark on its day; empty for no mark or a code that is not a session code. */
    public static Optional<AttendanceGroup> group(char symbol, LocalDate day) {
        if (symbol >= 128) {
            return Optional.empty();
        }
        return Optional.ofNullable(GROUPS[day.isBefore(AttendanceCode.CODES_2024_FROM) ? 0 : 1][symbol]);
    }

    public static Tally tally(int academicYear, String marks) {
        // Days by their index from 1 August, not as dates: a merge tallies every mark of thousands of pupil-years.
        WeekBuckets weeks = WeekBuckets.forYear(academicYear);
        short[] possible = new short[weeks.count() + 1];
        short[] absent = new short[weeks.count() + 1];
        short[] unauthorised = new short[weeks.count() + 1];
        LocalDate yearStart = YearMarks.yearStart(academicYear);
        long newCodesFrom = AttendanceCode.CODES_2024_FROM.toEpochDay() - yearStart.toEpochDay();
        int lastDay = -1;
        int sessions = Math.min(marks.length(), 2 * weeks.days());
        for (int i = 0; i < sessions; i++) {
            char ch = marks.charAt(i);
            if (ch == YearMarks.NONE || ch >= 128) {
                continue;
            }
            int dayIndex = i / 2;
            AttendanceGroup g = GROUPS[dayIndex < newCodesFrom ? 0 : 1][ch];
            if (g == null || !g.possible()) {
                continue;
            }
            int k = weeks.ofDayIndex(dayIndex) + 1;
            possible[k]++;
            if (g.absence()) {
                absent[k]++;
            }
            if (g == AttendanceGroup.UNAUTHORISED_ABSENCE) {
                unauthorised[k]++;
            }
            lastDay = dayIndex;
        }
        for (int k = 1; k < possible.length; k++) {
            possible[k] += possible[k - 1];
            absent[k] += absent[k - 1];
            unauthorised[k] += unauthorised[k - 1];
        }
        return new Tally(possible, absent, unauthorised, lastDay < 0 ? null : yearStart.plusDays(lastDay));
    }

    /**
     * The pupil-years written by this step of the transaction (MarkStore's, or a re-tally's), for {@link #refresh}:
     * emptied first, since one transaction may apply several batches' marks (held records released together).
     */
    void createMergedYears() {
        store.createMergedYears();
    }

    /**
     * Re-tallies the pupil-years MarkStore has just written for one school (the temporary table merged_years of
     * its transaction) and that school's weekly totals and cohort figures.
     */
    public void refresh(String laestab) {
        List<Integer> years = store.mergedAcademicYears();
        // Tallied before the COPY starts: the driver cannot read a result set while a COPY is open.
        store.write(laestab, store.mergedYears().stream()
                .map(y -> new TallyStore.Tallied(y.person(), y.year(), tally(y.year(), y.marks()))).toList());
        // The school-year's tallies read once, for its weekly totals and its cohort figures.
        Map<Integer, List<CohortWeekQuery.PupilTally>> school = new LinkedHashMap<>();
        for (int year : years) {
            List<CohortWeekQuery.PupilTally> pupils = cohortTallies.tallies(laestab, year);
            school.put(year, pupils);
            schoolWeeks(laestab, year, pupils);
        }
        long version = store.nextVersion(laestab);
        school.forEach((year, pupils) -> cohortWeeks.build(laestab, year, version, pupils));
    }

    /** A school-year's weekly totals, added up from its pupils' running totals (week w: element w + 1 less w). */
    private void schoolWeeks(String laestab, int year, List<CohortWeekQuery.PupilTally> pupils) {
        int weeks = pupils.isEmpty() ? 0 : WeekBuckets.forYear(year).count();
        long[] possible = new long[weeks];
        long[] absent = new long[weeks];
        long[] unauthorised = new long[weeks];
        for (CohortWeekQuery.PupilTally t : pupils) {
            for (int w = 0; w < weeks && w + 1 < t.possible().length; w++) {
                possible[w] += t.possible()[w + 1] - t.possible()[w];
                absent[w] += t.absent()[w + 1] - t.absent()[w];
                unauthorised[w] += t.unauthorised()[w + 1] - t.unauthorised()[w];
            }
        }
        store.schoolWeeks(laestab, year, possible, absent, unauthorised);
    }

    /** Changes whenever any school's tallies are rewritten (and the rewrite is committed). */
    public long version() {
        return query.version();
    }

    /** The latest day with a possible session at these schools on or before {@code today}. */
    public Optional<LocalDate> latestMarkedDay(Collection<String> schools, LocalDate today) {
        if (schools.isEmpty()) {
            return Optional.empty();
        }
        return query.latestMarkedDay(schools, today);
    }

    /** Tallies every pupil-year written before the tallies existed or changed since; one transaction per school. */
    @EventListener(ApplicationReadyEvent.class)
    public void backfill() {
        List<String> schools = query.schoolsBehind();
        for (String laestab : schools) {
            retally(laestab);
        }
        if (!schools.isEmpty()) {
            LOG.info("Attendance tallies brought up to date for {} schools", schools.size());
        }
    }

    /** Re-tallies every pupil-year of one school, in a transaction of its own under the school's lock. */
    public void retally(String laestab) {
        tx.executeWithoutResult(s -> {
            locks.hold(SchoolLock.DATA, laestab);
            // Read before the COPY starts: the driver cannot read a result set while a COPY is open.
            List<TallyStore.PupilYear> rows = query.storedYears(laestab);
            store.createMergedYears();
            store.copyMergedYears(rows);
            refresh(laestab);
        });
    }
}

package org.rollbridge.hub.attendance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.rollbridge.core.indicators.Period;
import org.rollbridge.core.indicators.Term;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.access.FieldGroup;
import org.rollbridge.hub.access.PupilFactsQuery;
import org.rollbridge.hub.access.SchoolQuery;
import org.springframework.stereotype.Component;

/**
 * The dashboards' attendance figures (the LA overview, a trust's overview, the national comparison) for a set of
 * schools this week, this term and this academic year to date, overall, by school, by phase and by cohort, with the
 * weekly trend. Added up from attendance_cohort_weeks (each school's figures as of every week, by CTF cohort flags;
 * CohortWeeks) and attendance_school_weeks, so a new date reads a few hundred rows; only the pupils with an open
 * social care case, and a trust's schools counted for part of a period, are added up from their tallies. The
 * answer is kept until a school's marks or pupils change, so most views cost two small queries. A pupil on two
 * rolls is counted at each, as the DfE counts enrolments. Persistent and severe absence follow core's definitions:
 * at least 10% / 50% of possible sessions missed, among pupils with at least 20 possible sessions in the period.
 */
@Component
public class AttendanceFiguresQuery {

    private final HubProperties settings;
    private final SchoolQuery schoolQuery;
    private final AttendanceTallies tallies;
    private final CohortWeeks cohortWeeks;
    private final SchoolWeeksQuery schoolWeeks;
    private final PupilFactsQuery pupilFacts;
    /** Recent figures by date, schools and tally version; a school's new marks or pupils change the version. */
    private final Map<Key, CompletableFuture<Figures>> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<Figures>> eldest) {
            return size() > 64;
        }
    };

    public AttendanceFiguresQuery(HubProperties settings, SchoolQuery schoolQuery, AttendanceTallies tallies,
                        CohortWeeks cohortWeeks, SchoolWeeksQuery schoolWeeks, PupilFactsQuery pupilFacts) {
        this.settings = settings;
        this.schoolQuery = schoolQuery;
        this.tallies = tallies;
        this.cohortWeeks = cohortWeeks;
        this.schoolWeeks = schoolWeeks;
        this.pupilFacts = pupilFacts;
    }

    private record Key(LocalDate date, Map<String, Period> schools, long version) {
    }

    /** Sessions and pupils in one period. */
    public record Counts(long possible, long absent, long unauthorised, long pupils, long reportable,
                         long persistent, long severe) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(possible + o.possible, absent + o.absent, unauthorised + o.unauthorised,
                    pupils + o.pupils, reportable + o.reportable, persistent + o.persistent, severe + o.severe);
        }

        public long authorised() {
            return absent - unauthorised;
        }

        public BigDecimal absence() {
            return rate(absent, possible);
        }

        public BigDecimal authorisedRate() {
            return rate(authorised(), possible);
        }

        public BigDecimal unauthorisedRate() {
            return rate(unauthorised, possible);
        }

        public BigDecimal attendance() {
            return possible == 0 ? null : rate(possible - absent, possible);
        }

        /** Persistently absent pupils as a share of those with 20 or more possible sessions. */
        public BigDecimal persistentRate() {
            return rate(persistent, reportable);
        }

        public BigDecimal severeRate() {
            return rate(severe, reportable);
        }
    }

    static BigDecimal rate(long count, long of) {
        return of == 0 ? null : BigDecimal.valueOf(count * 100).divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP);
    }

    public record Periods(Counts week, Counts term, Counts year) {

        static final Periods NONE = new Periods(Counts.NONE, Counts.NONE, Counts.NONE);

        Periods plus(Periods o) {
            return new Periods(week.plus(o.week), term.plus(o.term), year.plus(o.year));
        }
    }

    /** A line of a breakdown; {@code schools} is how many schools it adds up (for suppression). */
    public record Row(String key, String label, Periods periods, int schools) {
    }

    /** One school week of the trend. */
    public record Week(LocalDate start, LocalDate end, long possible, long absent, long unauthorised) {

        public BigDecimal absence() {
            return rate(absent, possible);
        }
    }

    public record Figures(LocalDate asOf, LocalDate weekFrom, LocalDate weekTo, String termName, Period term,
                          Period year, Periods total, List<Row> schools, List<Row> phases, List<Row> cohorts,
                          List<Week> trend) {

        public String yearLabel() {
            int y = year.from().getYear();
            return y + "/" + String.format("%02d", (y + 1) % 100);
        }
    }

    /**
     * The cohorts the dashboards break down by: looked after from the CTF or children's social care, social worker
     * and child protection plan from children's social care (open cases on the as-of date), SEN and FSM from the CTF.
     */
    public enum Cohort {
        SOCIAL_WORKER("Children with a social worker", FieldGroup.SOCIAL_CARE),
        LOOKED_AFTER("Looked-after children (CLA)", FieldGroup.SOCIAL_CARE),
        CHILD_PROTECTION("Child protection plan (CP)", FieldGroup.SOCIAL_CARE),
        EHCP("EHC plan", FieldGroup.SEN),
        SEN_SUPPORT("SEN support", FieldGroup.SEN),
        FSM("Free school meals (FSM)", FieldGroup.FSM);

        private final String label;
        private final FieldGroup group;

        Cohort(String label, FieldGroup group) {
            this.label = label;
            this.group = group;
        }

        public String label() {
            return label;
        }

        /** The pupils' fields the cohort is drawn from: a role not shown them is not shown the cohort either. */
        public FieldGroup group() {
            return group;
        }

    }

    /**
     * The figures for every school of the hub's LA as of the date asked for ({@code on}, year-month-day), else as of
     * the latest day with marks on or before today.
     */
    public Figures forLa(String on, LocalDate today) {
        List<String> schools = List.copyOf(schoolQuery.ofLa(settings.la()).keySet());
        LocalDate asOf = AsOfDate.chosen(on, latestMarkedDay(schools, today).orElse(null), today);
        Map<String, Period> scope = new LinkedHashMap<>();
        schools.forEach(s -> scope.put(s, null));
        return figures(asOf, scope);
    }

    /** The latest day with a possible session at these schools on or before {@code today}. */
    public Optional<LocalDate> latestMarkedDay(Collection<String> schools, LocalDate today) {
        return tallies.latestMarkedDay(schools, today);
    }

    /**
     * Figures as of a date for schools, each counted only within its own dates (a trust's school while it was
     * in the trust); a school's {@link Period} of null counts the whole year.
     */
    public Figures figures(LocalDate date, Map<String, Period> schools) {
        // New marks or a pupil's changed cohort flags change the tallies' version; a new social care list changes
        // its load time and size.
        long version = tallies.version() + pupilFacts.careListVersion();
        Key key = new Key(date, new TreeMap<>(schools), version);
        CompletableFuture<Figures> figures;
        boolean mine = false;
        synchronized (recent) {
            figures = recent.get(key);
            if (figures == null) {
                figures = new CompletableFuture<>();
                recent.put(key, figures);
                mine = true;
            }
        }
        if (mine) {
            // Computed once while everyone else asking for the same figures waits for this answer.
            try {
                figures.complete(compute(date, schools));
            } catch (RuntimeException e) {
                figures.completeExceptionally(e);
                synchronized (recent) {
                    recent.remove(key);
                }
                throw e;
            }
        }
        try {
            return figures.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private Figures compute(LocalDate date, Map<String, Period> schools) {
        int academicYear = Period.academicYearContaining(date).from().getYear();
        WeekBuckets weeks = new WeekBuckets(academicYear);
        // August belongs to the academic year that began the September before, but no school is open then.
        LocalDate lastWeekEnd = weeks.end(weeks.count() - 1);
        LocalDate asOf = date.isAfter(lastWeekEnd) ? lastWeekEnd : date;
        Term term = Term.containing(asOf);
        int asOfWeek = weeks.of(asOf);
        Period[] periods = periods(weeks, asOf);
        Period week = periods[0];
        Period year = periods[2];

        List<String> codes = new ArrayList<>();
        int[][] bounds = new int[6][];
        for (int i = 0; i < 6; i++) {
            bounds[i] = new int[schools.size()];
        }
        int n = 0;
        for (Map.Entry<String, Period> s : schools.entrySet()) {
            codes.add(s.getKey());
            for (int p = 0; p < 3; p++) {
                int[] lh = bounds(weeks, periods[p], s.getValue());
                bounds[2 * p][n] = lh[0];
                bounds[2 * p + 1][n] = lh[1];
            }
            n++;
        }

        // Schools counted the whole year read their figures as of this week from attendance_cohort_weeks; a trust's
        // school counted for part of a period, and the social care cohorts (open cases on the day), from tallies.
        int[] standard = CohortWeeks.standardBounds(weeks, asOfWeek);
        List<String> whole = new ArrayList<>();
        Map<String, int[]> own = new LinkedHashMap<>();
        Map<String, int[]> everyBounds = new LinkedHashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            int[] b = new int[6];
            for (int j = 0; j < 6; j++) {
                b[j] = bounds[j][i];
            }
            everyBounds.put(codes.get(i), b);
            if (Arrays.equals(b, standard)) {
                whole.add(codes.get(i));
            } else {
                own.put(codes.get(i), b);
            }
        }
        Map<String, Periods> bySchool = new TreeMap<>();
        Map<Cohort, Periods> byCohort = new LinkedHashMap<>();
        if (!codes.isEmpty()) {
            cohortWeeks.bringUpToDate(whole, academicYear);
            Map<CohortWeeks.Group, long[]> groups = new HashMap<>(cohortWeeks.asOf(whole, academicYear, asOfWeek));
            groups.putAll(cohortWeeks.counted(own, academicYear));
            for (Map.Entry<CohortWeeks.Group, long[]> g : groups.entrySet()) {
                Periods group = periods(g.getValue());
                bySchool.merge(g.getKey().laestab(), group, Periods::plus);
                if (g.getKey().lookedAfter()) {
                    byCohort.merge(Cohort.LOOKED_AFTER, group, Periods::plus);
                }
                if (g.getKey().fsm()) {
                    byCohort.merge(Cohort.FSM, group, Periods::plus);
                }
                if ("E".equals(g.getKey().sen())) {
                    byCohort.merge(Cohort.EHCP, group, Periods::plus);
                } else if ("K".equals(g.getKey().sen())) {
                    byCohort.merge(Cohort.SEN_SUPPORT, group, Periods::plus);
                }
            }
            long[][] care = cohortWeeks.socialCare(everyBounds, academicYear, asOf);
            byCohort.merge(Cohort.SOCIAL_WORKER, periods(care[0]), Periods::plus);
            byCohort.merge(Cohort.CHILD_PROTECTION, periods(care[1]), Periods::plus);
            byCohort.merge(Cohort.LOOKED_AFTER, periods(care[2]), Periods::plus);
        }

        Periods total = Periods.NONE;
        List<Row> schoolRows = new ArrayList<>();
        Map<SchoolPhase, Row> phases = new TreeMap<>();
        for (Map.Entry<String, Periods> s : bySchool.entrySet()) {
            total = total.plus(s.getValue());
            schoolRows.add(new Row(s.getKey(), s.getKey(), s.getValue(), 1));
            SchoolPhase phase = SchoolPhase.of(s.getKey());
            phases.merge(phase, new Row(phase.name(), phase.label(), s.getValue(), 1), (a, b) ->
                    new Row(a.key(), a.label(), a.periods().plus(b.periods()), a.schools() + b.schools()));
        }
        List<Row> cohorts = new ArrayList<>();
        for (Cohort cohort : Cohort.values()) {
            cohorts.add(new Row(cohort.name(), cohort.label(), byCohort.getOrDefault(cohort, Periods.NONE),
                    bySchool.size()));
        }
        return new Figures(asOf, week.from(), week.to(), term.name(), new Period(term.dates().from(), asOf), year,
                total, schoolRows, List.copyOf(phases.values()), cohorts, trend(weeks, codes, bounds, year));
    }

    /** Absence per school week from 1 September to the week of the as-of date, each school within its dates. */
    private List<Week> trend(WeekBuckets weeks, List<String> codes, int[][] bounds, Period year) {
        if (codes.isEmpty()) {
            return List.of();
        }
        List<Week> out = new ArrayList<>();
        for (SchoolWeeksQuery.WeekTotals w : schoolWeeks.totals(weeks.academicYear(), codes, bounds[4], bounds[5])) {
            int k = w.week();
            LocalDate from = weeks.start(k).isBefore(year.from()) ? year.from() : weeks.start(k);
            out.add(new Week(from, weeks.end(k), w.possible(), w.absent(), w.unauthorised()));
        }
        return out;
    }

    /** The week of a date (up to 31 July of its academic year), the term to date and the year to date. */
    static Period[] periods(WeekBuckets weeks, LocalDate asOf) {
        Period year = new Period(LocalDate.of(weeks.academicYear(), 9, 1), asOf);
        int k = weeks.of(asOf);
        Period week = new Period(weeks.start(k).isBefore(year.from()) ? year.from() : weeks.start(k), weeks.end(k));
        return new Period[] {week, new Period(Term.containing(asOf).dates().from(), asOf), year};
    }

    /** Array bounds [low, high) of the weeks of a period within a school's dates; low = high when none. */
    static int[] bounds(WeekBuckets weeks, Period period, Period membership) {
        Optional<Period> p = membership == null ? Optional.of(period)
                : period.intersect(membership.from(), membership.to());
        if (p.isEmpty()) {
            return new int[] {1, 1};
        }
        return new int[] {weeks.of(p.get().from()) + 1, weeks.of(p.get().to()) + 2};
    }

    private static Periods periods(long[] f) {
        return new Periods(counts(f, CohortWeeks.WEEK), counts(f, CohortWeeks.TERM), counts(f, CohortWeeks.YEAR));
    }

    private static Counts counts(long[] f, int o) {
        return new Counts(f[o], f[o + 1], f[o + 2], f[o + 3], f[o + 4], f[o + 5], f[o + 6]);
    }
}

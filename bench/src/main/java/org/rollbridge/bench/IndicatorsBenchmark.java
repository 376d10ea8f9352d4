package org.rollbridge.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.rollbridge.core.attendance.SessionMark;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.ctf.CtfHeader;
import org.rollbridge.core.ctf.CtfReader;
import org.rollbridge.core.ctf.CtfWriter;
import org.rollbridge.core.indicators.AttendanceIndicators;
import org.rollbridge.core.indicators.IndicatorRun;
import org.rollbridge.core.indicators.IndicatorScope;
import org.rollbridge.core.indicators.Period;
import org.rollbridge.core.indicators.PupilAttendance;
import org.rollbridge.core.indicators.PupilKey;
import org.rollbridge.core.indicators.alerts.AlertRules;
import org.rollbridge.core.indicators.alerts.PupilSituation;
import org.rollbridge.core.pupil.AttendanceYear;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;

/**
 * Indicators for a whole LA's year: {@code ./rollbridge bench indicators [PUPILS] [SCHOOLS]} (default 120,000 pupils
 * in 120 schools, academic year 2025/26). Each school's roll is written as a CTF in memory (not timed), then read
 * back with the CTF reader and its marks strings decoded (the baseline: what it costs just to get the marks), and the
 * indicators and alerts computed from them. Prints pupils per second for each step and the indicators' cost as a
 * share of the reading cost.
 */
final class IndicatorsBenchmark implements Benchmarks.Benchmark {

    static final LocalDate YEAR_START = LocalDate.of(2025, 9, 1);
    static final LocalDate YEAR_END = LocalDate.of(2026, 7, 31);
    static final LocalDate AS_OF = LocalDate.of(2026, 7, 22);

    @Override
    public String description() {
        return "attendance indicators and alerts for an LA's year of marks, against reading and decoding them";
    }

    @Override
    public void run(String[] args) throws Exception {
        int pupils = args.length > 0 ? Integer.parseInt(args[0]) : 120_000;
        int schools = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        int perSchool = pupils / schools;
        boolean[] open = calendar();
        System.out.printf("indicators: %,d pupils in %d schools, %s to %s (%d sessions a pupil)%n",
                perSchool * schools, schools, YEAR_START, YEAR_END, open.length * 2);

        System.out.println("warming up...");
        Timings warm = new Timings();
        for (int s = 0; s < Math.min(10, schools); s++) {
            school(s, perSchool, open, warm);
        }
        Timings t = new Timings();
        for (int s = 0; s < schools; s++) {
            school(s, perSchool, open, t);
        }
        int n = perSchool * schools;
        System.out.printf("%-58s %10s %12s%n", "step", "seconds", "pupils/s");
        row("read the CTFs (CtfReader, baseline)", t.read, n);
        row("decode the marks strings to session marks (baseline)", t.decode, n);
        row("  reading total: read + decode", t.read + t.decode, n);
        row("indicators per pupil (AttendanceIndicators.measure)", t.indicators, n);
        row("alerts per pupil (AlertRules.evaluate)", t.alerts, n);
        row("  indicators + alerts", t.indicators + t.alerts, n);
        row("whole-LA run (IndicatorRun: calendars, movement, own decoding)", t.run, n);
        System.out.printf("indicators + alerts cost %.2f x the reading (read + decode); aim: below 1.00%n",
                (double) (t.indicators + t.alerts) / (t.read + t.decode));
        System.out.printf("check: %,d sessions possible, %,d pupils persistently absent, %,d alerts%n",
                t.possible, t.persistent, t.alertCount);
    }

    private static void row(String what, long nanos, int pupils) {
        System.out.printf("%-58s %10.2f %,12.0f%n", what, nanos / 1e9, pupils / (nanos / 1e9));
    }

    static final class Timings {
        long read;
        long decode;
        long indicators;
        long alerts;
        long run;
        long possible;
        int persistent;
        long alertCount;
    }

    private static void school(int s, int perSchool, boolean[] open, Timings t) throws Exception {
        String la = "926";
        String estab = String.format("%04d", 2000 + s);
        byte[] ctf = writeCtf(s, la, estab, perSchool, open);

        long t0 = System.nanoTime();
        List<Pupil> read = new ArrayList<>(perSchool);
        CtfReader.read(new ByteArrayInputStream(ctf), "school-" + estab + ".xml", (p, where) -> read.add(p));
        t.read += System.nanoTime() - t0;

        AlertRules rules = AlertRules.defaults();
        IndicatorScope year = IndicatorScope.academicYear(AS_OF);
        String laestab = la + estab;
        for (Pupil p : read) {
            long a = System.nanoTime();
            List<SessionMark> marks = p.attendance().getFirst().sessionMarks();
            long b = System.nanoTime();
            PupilAttendance ind = AttendanceIndicators.measure(new PupilKey(p.upn(), laestab), year, marks);
            long c = System.nanoTime();
            int alerts = rules.evaluate(PupilSituation.of(ind)).size();
            long d = System.nanoTime();
            t.decode += b - a;
            t.indicators += c - b;
            t.alerts += d - c;
            t.possible += ind.possibleSessions();
            t.persistent += ind.persistentAbsence() ? 1 : 0;
            t.alertCount += alerts;
        }

        long r0 = System.nanoTime();
        IndicatorRun run = new IndicatorRun();
        read.forEach(p -> run.addPupil(laestab, p));
        run.run(Period.academicYearContaining(AS_OF), AS_OF, rules);
        t.run += System.nanoTime() - r0;
    }

    private static byte[] writeCtf(int s, String la, String estab, int perSchool, boolean[] open) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(perSchool * 1200);
        CtfHeader header = new CtfHeader("Common Transfer File", "25.0", "2026-07-22T18:00:00", "full", "MIS", la,
                estab, null, "School " + estab, "2025", la, "LA");
        Random random = new Random(s);
        try (CtfWriter w = new CtfWriter(out, header)) {
            for (int i = 0; i < perSchool; i++) {
                String upn = "Z" + la + estab + String.format("%06d", i);
                w.write(Pupil.builder().upn(upn).surname("Pupil").forename("Test").ncYear(NcYear.Y5)
                        .admissionDate(LocalDate.of(2021, 9, 1))
                        .attendance(List.of(new AttendanceYear(2025, la, estab, "School", null, null, null, null,
                                RecordedDate.of(YEAR_START), marks(random, open))))
                        .build());
            }
        }
        return out.toByteArray();
    }

    /** Open days of 2025/26: three terms with half-terms, INSET on 1-2 September. */
    static boolean[] calendar() {
        int days = (int) (YEAR_END.toEpochDay() - YEAR_START.toEpochDay()) + 1;
        boolean[] open = new boolean[days];
        LocalDate[][] terms = {
            {LocalDate.of(2025, 9, 3), LocalDate.of(2025, 10, 24)}, {LocalDate.of(2025, 11, 3), LocalDate.of(2025, 12, 19)},
            {LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 13)}, {LocalDate.of(2026, 2, 23), LocalDate.of(2026, 3, 27)},
            {LocalDate.of(2026, 4, 13), LocalDate.of(2026, 5, 22)}, {LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 22)}};
        for (LocalDate[] term : terms) {
            for (LocalDate d = term[0]; !d.isAfter(term[1]); d = d.plusDays(1)) {
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    open[(int) (d.toEpochDay() - YEAR_START.toEpochDay())] = true;
                }
            }
        }
        return open;
    }

    /**
     * A year's marks string: most pupils rarely absent, a fifth often, a few mostly; absences come in runs (an
     * illness lasts days), with lateness and the odd trip.
     */
    static String marks(Random random, boolean[] open) {
        double kind = random.nextDouble();
        double startAbsence = kind < 0.02 ? 0.25 : kind < 0.22 ? 0.05 : 0.012;
        StringBuilder sb = new StringBuilder(open.length * 2);
        int runLeft = 0;
        char runCode = 'I';
        for (boolean day : open) {
            if (!day) {
                sb.append("##");
                continue;
            }
            if (runLeft == 0 && random.nextDouble() < startAbsence) {
                runLeft = 1 + (int) (-Math.log(1 - random.nextDouble()) * 3);
                double r = random.nextDouble();
                runCode = r < 0.55 ? 'I' : r < 0.75 ? 'N' : r < 0.85 ? 'O' : r < 0.92 ? 'G' : 'M';
            }
            if (runLeft > 0) {
                runLeft--;
                sb.append(runCode).append(runCode);
                continue;
            }
            double r = random.nextDouble();
            sb.append(r < 0.02 ? 'L' : r < 0.025 ? 'U' : r < 0.03 ? 'V' : '/');
            sb.append('\\');
        }
        return sb.toString();
    }
}

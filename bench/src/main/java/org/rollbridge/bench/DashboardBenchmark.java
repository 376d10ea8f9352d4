package org.rollbridge.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.code.AttendanceGroup;
import org.rollbridge.core.indicators.Period;
import org.rollbridge.hub.HubApplication;
import org.rollbridge.hub.attendance.AttendanceFiguresQuery;
import org.rollbridge.hub.attendance.AttendanceTallies;
import org.rollbridge.hub.attendance.YearMarks;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./rollbridge bench dashboard [PUPILS] [SCHOOLS]}: the LA overview's figures (week, term and year to
 * date, by school, phase and cohort, and the weekly trend) at an LA's size, from the weekly tallies, against the
 * same run's baseline of reading and decoding every pupil's marks; sequential and with 20 concurrent callers.
 * The LA is seeded straight into the tables (not timed). Defaults: 120,000 pupils, 60 schools, a year of marks
 * to Friday 17 July 2026.
 */
final class DashboardBenchmark implements org.rollbridge.bench.Benchmarks.Benchmark {

    private static final String[] ABSENCE = {"I", "I", "I", "N", "M", "O", "C2", "G", "E"};

    @Override
    public String description() {
        return "LA overview figures from weekly tallies at 120,000 pupils vs decoding every mark; 20 concurrent users";
    }

    @Override
    public void run(String[] args) throws Exception {
        int pupils = args.length > 0 ? Integer.parseInt(args[0]) : 120_000;
        int schools = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        LocalDate asOf = LocalDate.of(2026, 7, 17);
        List<String> codes = new ArrayList<>();
        for (int s = 0; s < schools; s++) {
            // Mostly primary, then secondary, special and alternative provision, by the DfE's numbering.
            int estab = s < schools * 2 / 3 ? 2001 + s : s < schools * 9 / 10 ? 4001 + s : s % 2 == 0 ? 7001 + s
                    : 1101 + s;
            codes.add("926" + estab);
        }
        try (BenchDatabase db = new BenchDatabase("bench_dashboard");
             ConfigurableApplicationContext hub = HubApplication.start(db.hubSettings(
                     java.nio.file.Files.createTempDirectory("rollbridge-dashboard"), "--ROLLBRIDGE_PORT=0"))) {
            long t = System.nanoTime();
            seed(db, codes, pupils, asOf);
            System.out.printf("dashboard: %,d pupils in %d schools seeded in %.1f s (not timed below)%n", pupils,
                    schools, (System.nanoTime() - t) / 1e9);

            t = System.nanoTime();
            hub.getBean(AttendanceTallies.class).backfill();
            double backfill = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            hub.getBean(AttendanceTallies.class).retally(codes.get(0));
            double oneSchool = (System.nanoTime() - t) / 1e9;

            AttendanceFiguresQuery attendance = hub.getBean(AttendanceFiguresQuery.class);
            Map<String, Period> scope = new LinkedHashMap<>();
            codes.forEach(c -> scope.put(c, null));
            for (int i = 0; i < 3; i++) {
                attendance.figures(asOf, scope);     // warm up
            }
            double[] baseline = new double[3];
            long[] baselineAbsent = new long[1];
            for (int i = 0; i < baseline.length; i++) {
                long s0 = System.nanoTime();
                baselineAbsent[0] = decodeEveryMark(db);
                baseline[i] = (System.nanoTime() - s0) / 1e6;
            }
            // Each call on a different date misses the cache: the cost of computing the figures.
            double[] computed = new double[30];
            AttendanceFiguresQuery.Figures figures = null;
            for (int i = 0; i < computed.length; i++) {
                long s0 = System.nanoTime();
                figures = attendance.figures(asOf.minusDays(i + 1), scope);
                computed[i] = (System.nanoTime() - s0) / 1e6;
            }
            figures = attendance.figures(asOf, scope);
            double[] cached = new double[100];
            for (int i = 0; i < cached.length; i++) {
                long s0 = System.nanoTime();
                attendance.figures(asOf, scope);
                cached[i] = (System.nanoTime() - s0) / 1e6;
            }
            int users = 20;
            double[][] concurrentCached = concurrently(users, 25, i -> attendance.figures(asOf, scope));
            double[][] concurrentComputed = concurrently(users, 2,
                    i -> attendance.figures(asOf.minusDays(40 + i), scope));
            System.out.printf("year to date: %,d possible sessions, absence %s%%, %,d persistently absent "
                    + "(baseline decoded %,d absent sessions)%n", figures.total().year().possible(),
                    figures.total().year().absence(), figures.total().year().persistent(), baselineAbsent[0]);
            System.out.printf("%-58s %10s %10s%n", "step", "p50 ms", "p95 ms");
            System.out.printf("%-58s %10.0f %10.0f%n", "baseline: read and decode every mark (year totals only)",
                    pct(baseline, 50), pct(baseline, 95));
            System.out.printf("%-58s %10.1f %10.1f%n", "tallies, computed (each call a new date)",
                    pct(computed, 50), pct(computed, 95));
            System.out.printf("%-58s %10.1f %10.1f%n", "tallies, unchanged since last asked (cached)",
                    pct(cached, 50), pct(cached, 95));
            System.out.printf("%-58s %10.1f %10.1f%n", users + " concurrent callers, cached", pct(concurrentCached[0], 50),
                    pct(concurrentCached[0], 95));
            System.out.printf("%-58s %10.1f %10.1f%n", users + " concurrent callers, each computing",
                    pct(concurrentComputed[0], 50), pct(concurrentComputed[0], 95));
            System.out.printf("throughput with %d concurrent callers: %.0f overviews/s cached, %.1f/s computing%n",
                    users, concurrentCached[1][0], concurrentComputed[1][0]);
            System.out.printf("baseline p50 / computed p50: %.1fx%n", pct(baseline, 50) / pct(computed, 50));
            System.out.printf("tallying every pupil-year from its marks (start-up backfill): %.1f s; "
                    + "one school's re-tally (what a batch adds): %.2f s%n", backfill, oneSchool);
        }
    }

    /** Latencies (ms) of {@code calls} calls by each of {@code users} threads, and the calls per second. */
    private static double[][] concurrently(int users, int calls, java.util.function.IntConsumer call) throws Exception {
        double[] latencies = new double[users * calls];
        ExecutorService pool = Executors.newFixedThreadPool(users);
        long c0 = System.nanoTime();
        List<Future<double[]>> futures = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int user = u;
            futures.add(pool.submit(() -> {
                double[] mine = new double[calls];
                for (int i = 0; i < calls; i++) {
                    long s0 = System.nanoTime();
                    call.accept(user * calls + i);
                    mine[i] = (System.nanoTime() - s0) / 1e6;
                }
                return mine;
            }));
        }
        for (int u = 0; u < users; u++) {
            System.arraycopy(futures.get(u).get(), 0, latencies, u * calls, calls);
        }
        double wall = (System.nanoTime() - c0) / 1e9;
        pool.shutdown();
        return new double[][] {latencies, {latencies.length / wall}};
    }

    private static double pct(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** What the overview did before the tallies: every pupil's marks read and decoded in Java. */
    private static long decodeEveryMark(BenchDatabase db) throws Exception {
        long absent = 0;
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.setFetchSize(5000);
                try (ResultSet rs = st.executeQuery("select academic_year, marks from attendance_years")) {
                    while (rs.next()) {
                        int year = rs.getInt(1);
                        String marks = rs.getString(2);
                        for (int i = 0; i < marks.length(); i++) {
                            char ch = marks.charAt(i);
                            if (ch != YearMarks.NONE && AttendanceTallies.group(ch, YearMarks.dayAt(year, i))
                                    .map(AttendanceGroup::absence).orElse(false)) {
                                absent++;
                            }
                        }
                    }
                }
            }
        }
        return absent;
    }

    private static void seed(BenchDatabase db, List<String> schools, int pupils, LocalDate asOf) throws Exception {
        int perSchool = pupils / schools.size();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String s : schools) {
                st.execute("insert into schools (la, laestab) values ('926', '" + s + "')");
            }
            st.execute("insert into persons (la, register_id, origin) select '926', 'p' || g, 'register' "
                    + "from generate_series(1, " + perSchool * schools.size() + ") g");
            StringBuilder values = new StringBuilder();
            for (int s = 0; s < schools.size(); s++) {
                values.append(s == 0 ? "" : ",").append("('").append(schools.get(s)).append("',").append(s).append(')');
            }
            // Cohorts at roughly national shares: 1% looked after, 2.5% EHC plan, 13% SEN support, 25% FSM.
            st.execute("""
                    insert into pupils (la, person_id, laestab, upn, record, batch_id)
                    select '926', p.id, s.code, 'U' || p.id, jsonb_build_object(
                        'lookedAfter', jsonb_build_object('inCare', random() < 0.01),
                        'fsmHistory', case when random() < 0.25
                            then '[{"start":{"text":"2024-09-01"},"end":{"text":null}}]'::jsonb else '[]'::jsonb end,
                        'senProvisions', case when random() < 0.025
                            then '[{"start":{"text":"2023-01-01"},"end":{"text":null},"provision":{"raw":"E"}}]'::jsonb
                            when random() < 0.15
                            then '[{"start":{"text":"2023-01-01"},"end":{"text":null},"provision":{"raw":"K"}}]'::jsonb
                            else '[]'::jsonb end),
                        gen_random_uuid()
                    from persons p join (values %s) s(code, n) on (p.id - 1) / %d = s.n""".formatted(values, perSchool));
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 9, 3); !d.isAfter(asOf); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5 && days.size() < 190) {
                days.add(d);
            }
        }
        try (Connection c = db.connect()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder rows = new StringBuilder();
            long id = 1;
            for (int s = 0; s < schools.size(); s++) {
                for (int i = 0; i < perSchool; i++, id++) {
                    SplittableRandom r = new SplittableRandom(id);
                    // About 5.5% of sessions missed, and a fifth of pupils miss more: the spread that gives
                    // persistent and severe absence near the national figures.
                    int extra = r.nextInt(5) == 0 ? r.nextInt(r.nextInt(10) == 0 ? 60 : 15) : 0;
                    char[] marks = YearMarks.empty();
                    for (LocalDate d : days) {
                        for (Session session : Session.values()) {
                            int roll = r.nextInt(1000);
                            String code = roll < extra * 10 ? "N" : roll < extra * 10 + 55
                                    ? ABSENCE[r.nextInt(ABSENCE.length)] : roll % 50 == 0 ? "L" : "/";
                            char ch = code.equals("C2") ? 'c' : code.equals("/") && session == Session.PM ? '\\'
                                    : code.charAt(0);
                            marks[YearMarks.position(d, session)] = ch;
                        }
                    }
                    rows.append("926\t").append(id).append('\t').append(schools.get(s)).append("\t2025\t")
                            .append(new String(marks).replace("\\", "\\\\")).append("\t00000000-0000-0000-0000-000000000000\n");
                }
                copy.copyIn("copy attendance_years (la, person_id, laestab, academic_year, marks, batch_id) from stdin",
                        new java.io.StringReader(rows.toString()));
                rows.setLength(0);
            }
        }
    }
}

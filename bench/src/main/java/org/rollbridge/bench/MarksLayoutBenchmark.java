package org.rollbridge.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.hub.attendance.YearMarks;
import org.rollbridge.hub.store.CopyRows;

/**
 * {@code ./rollbridge bench marks-layout [PUPILS]}: the same year of marks stored one row per session and one row
 * per pupil-year (docs/adr/0002), each loaded with COPY; prints bytes per mark on disk, load time, the time to read
 * one pupil's year and the time of an LA-wide absence rate for one week.
 */
final class MarksLayoutBenchmark implements Benchmarks.Benchmark {

    private static final String[] CODES = {"/", "/", "/", "/", "/", "/", "/", "/", "/", "/", "/", "/", "/", "/",
        "/", "/", "L", "I", "I", "N", "M", "O", "C2", "G"};
    private static final String ABSENT_CODES = "'C1','M','J1','S','T','R','I','E','C2','C','G','N','O','U','H'";
    private static final String ABSENT_SYMBOLS = "aMbSTRIEcCGNOUH";
    private static final String NOT_POSSIBLE_SYMBOLS = " DXZ#Q1234567Y";

    @Override
    public String description() {
        return "attendance marks: one row per session against one row per pupil-year (bytes/mark, load, queries)";
    }

    @Override
    public void run(String[] args) throws Exception {
        int pupils = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        LocalDate start = LocalDate.of(2025, 9, 1);
        LocalDate week = LocalDate.of(2026, 1, 12);
        try (BenchDatabase db = new BenchDatabase("bench_marks"); Connection c = db.connect();
             Statement st = c.createStatement()) {
            st.execute("""
                    create table marks_by_session (la char(3), person_id bigint, laestab char(7), day date,
                        session char(2), code text, primary key (la, person_id, laestab, day, session));
                    create table marks_by_year (la char(3), person_id bigint, laestab char(7), academic_year smallint,
                        marks text, primary key (la, person_id, laestab, academic_year))""");
            long t0 = System.nanoTime();
            long marks = 0;
            try (CopyRows copy = new CopyRows(c, "marks_by_session", "la, person_id, laestab, day, session, code")) {
                for (int p = 0; p < pupils; p++) {
                    SplittableRandom r = new SplittableRandom(p);
                    for (LocalDate d = start; d.isBefore(start.plusDays(322)); d = d.plusDays(1)) {
                        if (d.getDayOfWeek().getValue() > 5) {
                            continue;
                        }
                        for (Session s : Session.values()) {
                            copy.field("926").field(p).field("9262001").field(d).field(s.name())
                                    .field(code(r, s)).endRow();
                            marks++;
                        }
                    }
                }
            }
            double sessionLoad = seconds(t0);
            t0 = System.nanoTime();
            try (CopyRows copy = new CopyRows(c, "marks_by_year", "la, person_id, laestab, academic_year, marks")) {
                for (int p = 0; p < pupils; p++) {
                    SplittableRandom r = new SplittableRandom(p);
                    char[] year = YearMarks.empty();
                    for (LocalDate d = start; d.isBefore(start.plusDays(322)); d = d.plusDays(1)) {
                        if (d.getDayOfWeek().getValue() > 5) {
                            continue;
                        }
                        for (Session s : Session.values()) {
                            year[YearMarks.position(d, s)] = YearMarks.symbol(AttendanceCode.parse(code(r, s)).orElseThrow());
                        }
                    }
                    copy.field("926").field(p).field("9262001").field(2025).field(new String(year)).endRow();
                }
            }
            double yearLoad = seconds(t0);
            st.execute("vacuum analyze marks_by_session");
            st.execute("vacuum analyze marks_by_year");
            double sessionBytes = size(st, "marks_by_session") / (double) marks;
            double yearBytes = size(st, "marks_by_year") / (double) marks;

            String sessionPupil = "select day, session, code from marks_by_session where la = '926' and person_id = "
                    + (pupils / 2) + " and laestab = '9262001' and day between '2025-08-01' and '2026-07-31'";
            String yearPupil = "select marks from marks_by_year where la = '926' and person_id = " + (pupils / 2)
                    + " and laestab = '9262001' and academic_year = 2025";
            String sessionWeek = "select sum(case when code in (" + ABSENT_CODES + ") then 1 else 0 end)::float"
                    + " / count(*) from marks_by_session where day between '" + week + "' and '" + week.plusDays(4)
                    + "' and code not in ('D','X','Z','#','Q','Y1','Y2','Y3','Y4','Y5','Y6','Y7','Y')";
            int from = YearMarks.position(week, Session.AM) + 1;
            String yearWeek = "select sum(length(w) - length(translate(w, '" + ABSENT_SYMBOLS + "', '')))::float"
                    + " / sum(length(translate(w, '" + NOT_POSSIBLE_SYMBOLS + "', ''))) from ("
                    + "select substr(marks, " + from + ", 10) as w from marks_by_year where academic_year = 2025) x";
            double[] sp = time(st, sessionPupil);
            double[] yp = time(st, yearPupil);
            double[] sw = time(st, sessionWeek);
            double[] yw = time(st, yearWeek);

            System.out.printf("marks-layout: %,d pupils, %,d marks (one school year, %s)%n", pupils, marks,
                    "PostgreSQL " + c.getMetaData().getDatabaseProductVersion());
            System.out.printf("%-28s %14s %12s %16s %18s %12s%n", "layout", "bytes/mark", "load s", "pupil year ms",
                    "LA week rate ms", "week rate");
            System.out.printf("%-28s %14.2f %12.2f %16.2f %18.1f %12.4f%n", "row per session (baseline)",
                    sessionBytes, sessionLoad, sp[0], sw[0], sw[1]);
            System.out.printf("%-28s %14.2f %12.2f %16.2f %18.1f %12.4f%n", "row per pupil-year", yearBytes,
                    yearLoad, yp[0], yw[0], yw[1]);
            System.out.printf("pupil-year / per-session: %.3fx the disk, %.2fx the load time%n",
                    yearBytes / sessionBytes, yearLoad / sessionLoad);
        }
    }

    private static String code(SplittableRandom r, Session s) {
        String c = CODES[r.nextInt(CODES.length)];
        return c.equals("/") && s == Session.PM ? "\\" : c;
    }

    private static long size(Statement st, String table) throws Exception {
        try (ResultSet rs = st.executeQuery("select pg_total_relation_size('" + table + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Median of five runs in ms, and the query's first value. */
    private static double[] time(Statement st, String sql) throws Exception {
        double[] ms = new double[5];
        double value = 0;
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    value = rs.getMetaData().getColumnCount() == 1 && rs.getMetaData().getColumnType(1)
                            == java.sql.Types.DOUBLE ? rs.getDouble(1) : value;
                }
            }
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return new double[] {ms[2], value};
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}

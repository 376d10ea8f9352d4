package org.rollbridge.bench;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.code.Sex;
import org.rollbridge.core.ctf.CtfHeader;
import org.rollbridge.core.ctf.CtfWriter;
import org.rollbridge.core.identity.Upn;
import org.rollbridge.core.pupil.Address;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.hub.HubApplication;
import org.rollbridge.hub.HubClock;
import org.rollbridge.hub.alerts.AlertRecompute;
import org.rollbridge.hub.ingest.Batch;
import org.rollbridge.hub.ingest.DirectImport;
import org.rollbridge.hub.jobs.JobQueue;
import org.rollbridge.hub.jobs.Workers;
import org.rollbridge.hub.people.CtfFeed;
import org.rollbridge.hub.store.CopyRows;
import org.rollbridge.core.ctf.CtfReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * {@code ./rollbridge bench hub-load [PUPILS] [SCHOOLS] [SCHOOL_DAYS]}: an LA's initial load through the hub's
 * pipeline (full CTF per school, then a year of session marks per school) against PostgreSQL's own COPY of the
 * same attendance rows into a bare table, in the same run; then a nightly delta (one new day of marks for every
 * pupil and a partial CTF changing 1% of pupils); then the nightly alert recompute of the whole LA against reading
 * every stored pupil-year. The pipeline figures include each batch's alert follow-up job. Defaults: 120,000 pupils,
 * 60 schools, 190 school days.
 */
final class HubLoadBenchmark implements Benchmarks.Benchmark {

    private static final String[] CODES = {"/", "/", "/", "/", "/", "/", "/", "/", "/", "/", "/", "/", "/", "/",
        "L", "I", "N", "M", "O", "C2"};

    @Override
    public String description() {
        return "initial load of an LA (CTF + a year of marks) through the pipeline vs bare COPY; nightly delta";
    }

    @Override
    public void run(String[] args) throws Exception {
        int pupils = args.length > 0 ? Integer.parseInt(args[0]) : 120_000;
        int schools = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 190;
        SyntheticFiles files = SyntheticFiles.write(pupils, schools, days);
        int perSchool = files.perSchool();
        List<Path> ctfs = files.ctfs();
        List<Path> marks = files.marks();
        List<Path> deltaCtfs = files.deltaCtfs();
        List<Path> deltaMarks = files.deltaMarks();
        Path dir = files.dir();
        AlertsAsOf.day = files.deltaDay();

        try (BenchDatabase db = new BenchDatabase("bench_hub_load");
             ConfigurableApplicationContext hub = HubApplication.start(new Class<?>[] {AlertsAsOf.class},
                     db.hubSettings(dir.resolve("store"), "--spring.main.web-application-type=none"))) {
            register(db, schools, perSchool);
            Step.database = db.name;
            Step ctf = Step.time(() -> load(hub, ctfs));
            Step marksStep = Step.time(() -> load(hub, marks));
            printCounts(db);
            long markCount = 2L * perSchool * schools * days;
            Step ctfBaseline;
            Step copy;
            try (Connection base = db.connect()) {     // open until measured: its backend's CPU is counted
                ctfBaseline = Step.time(() -> parseAndCopy(base, ctfs));
                copy = Step.time(() -> bareCopy(base, marks));
            }
            // The night's files all queued at once, as an LA's agents send them; the follow-ups' own cost apart.
            Timer followUps = hub.getBean(MeterRegistry.class).timer("rollbridge.alerts.follow_up");
            double followUpsBefore = followUps.totalTime(TimeUnit.SECONDS);
            long wavesBefore = followUps.count();
            List<Path> night = new ArrayList<>(deltaCtfs);
            night.addAll(deltaMarks);
            Step delta = Step.time(() -> load(hub, night));
            double followUpSeconds = followUps.totalTime(TimeUnit.SECONDS) - followUpsBefore;
            long waves = followUps.count() - wavesBefore;
            Step recompute = alertRecompute(hub, db, files.deltaDay());

            Step.header();
            ctf.print("pipeline: full CTF per school (pupils)", perSchool * schools);
            ctfBaseline.print("baseline: parse the same CTFs + COPY their pupils", perSchool * schools);
            marksStep.print("pipeline: a year of marks (attendance CSV)", markCount);
            copy.print("baseline: bare COPY of the same CSV rows", markCount);
            System.out.printf("%-52s %9.1f%n", "initial load total (CTF + marks)", ctf.seconds + marksStep.seconds);
            delta.print("nightly delta, alerts done (1 day of marks + 1%)", 0);
            System.out.printf("%-52s %9.1f%n", "  of which alert follow-ups (" + waves + " waves)", followUpSeconds);
            recompute.print("baseline: nightly recompute, whole LA (pupils)", perSchool * schools);
            System.out.println("ratios (same run):");
            System.out.printf("  CTF step / (parse + COPY of the same pupils):   %.2fx (aim: 3x); in CPU %.2fx%n",
                    ctf.seconds / ctfBaseline.seconds, ctf.totalCpu() / ctfBaseline.totalCpu());
            System.out.printf("  marks / bare COPY of the same rows:             %.2fx (aim: 3x); in CPU %.2fx%n",
                    marksStep.seconds / copy.seconds, marksStep.totalCpu() / copy.totalCpu());
            System.out.printf("  delta's follow-ups / whole-LA recompute:        %.2fx (aim: at most 1x)%n",
                    followUpSeconds / recompute.seconds);
            System.out.printf("  nightly delta with alerts / whole-LA recompute: %.2fx%n",
                    delta.seconds / recompute.seconds);
            System.out.printf("aims on 2 cores: initial load %.1f s (under 300 s), nightly delta %.1f s (under 30 s)%n",
                    ctf.seconds + marksStep.seconds, delta.seconds);
        }
    }

    /**
     * A timed step: wall seconds, and the CPU seconds this JVM and the benchmark database's PostgreSQL backends
     * used meanwhile. On a shared machine wall time measures the others' load as much as the step; CPU does not.
     */
    record Step(double seconds, double cpu, double postgresCpu) {

        interface Work {
            void run() throws Exception;
        }

        static String database;

        static Step time(Work work) throws Exception {
            double cpu = Machine.cpuSeconds();
            double pg = Machine.postgresCpuSeconds(database);
            long t = System.nanoTime();
            work.run();
            double seconds = (System.nanoTime() - t) / 1e9;
            return new Step(seconds, Machine.cpuSeconds() - cpu, Machine.postgresCpuSeconds(database) - pg);
        }

        static void header() {
            System.out.printf("%-52s %9s %9s %9s %13s%n", "step", "seconds", "JVM CPU", "PG CPU", "rows/s");
        }

        double totalCpu() {
            return cpu + postgresCpu;
        }

        void print(String what, long rows) {
            System.out.printf("%-52s %9.1f %9.1f %9.1f %13s%n", what, seconds, cpu, postgresCpu,
                    rows > 0 ? String.format("%,.0f", rows / seconds) : "");
        }
    }

    /** An LA's files for the pipeline: a full CTF and a year of marks per school, and a nightly delta. */
    record SyntheticFiles(Path dir, int perSchool, List<Path> ctfs, List<Path> marks, List<Path> deltaCtfs,
                          List<Path> deltaMarks, LocalDate deltaDay) {

        static SyntheticFiles write(int pupils, int schools, int days) throws Exception {
            int perSchool = pupils / schools;
            Path dir = Files.createTempDirectory("rollbridge-hub-load");
            List<LocalDate> schoolDays = schoolDays(FIRST_DAY, days + 1);
            LocalDate deltaDay = schoolDays.remove(schoolDays.size() - 1);
            System.out.printf("LA: %,d pupils in %d schools, %d school days (%,d marks); files in %s%n",
                    perSchool * schools, schools, days, 2L * perSchool * schools * days, dir);
            SyntheticFiles files = new SyntheticFiles(dir, perSchool, new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), new ArrayList<>(), deltaDay);
            long t = System.nanoTime();
            for (int s = 0; s < schools; s++) {
                String laestab = String.valueOf(9262000 + s + 1);
                Path school = Files.createDirectories(dir.resolve(laestab));
                files.ctfs.add(ctf(school.resolve("pupils-ctf.xml"), laestab, perSchool, true, 0));
                files.marks.add(attendance(school.resolve("attendance.csv"), laestab, perSchool, schoolDays));
                Path delta = Files.createDirectories(dir.resolve("delta").resolve(laestab));
                files.deltaCtfs.add(ctf(delta.resolve("pupils-ctf.xml"), laestab, perSchool, false, 100));
                files.deltaMarks.add(attendance(delta.resolve("attendance.csv"), laestab, perSchool,
                        List.of(deltaDay)));
            }
            System.out.printf("files written in %.1f s (not timed below)%n", (System.nanoTime() - t) / 1e9);
            return files;
        }

        int schools() {
            return ctfs.size();
        }

        /** The nightly delta's day of a load of {@code days} school days, as {@link #write} chooses it. */
        static LocalDate deltaDay(int days) {
            return schoolDays(FIRST_DAY, days + 1).getLast();
        }
    }

    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 9, 3);

    private static List<LocalDate> schoolDays(LocalDate from, int n) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; days.size() < n; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                days.add(d);
            }
        }
        return days;
    }

    static String upn(String laestab, int i) {
        // A UPN's serial has three digits: larger schools' pupils spread over allocation years.
        return Upn.compose(laestab.substring(0, 3), laestab.substring(3), 25 - i / 1000, i % 1000).value();
    }

    private static Path ctf(Path file, String laestab, int pupils, boolean full, int every) throws Exception {
        CtfHeader header = new CtfHeader("Common Transfer File", "25", "2025-09-03T18:00:00", full ? "full" : "partial",
                "bench", laestab.substring(0, 3), laestab.substring(3), null, "School " + laestab, "2025",
                laestab.substring(0, 3), null);
        try (OutputStream out = Files.newOutputStream(file)) {
            CtfWriter w = new CtfWriter(out, header);
            for (int i = 1; i <= pupils; i++) {
                if (every > 0 && i % every != 0) {
                    continue;
                }
                // A record that passes validation, so the load imports it rather than holding it back.
                LocalDate dob = LocalDate.of(2014, 1, 1).plusDays(i % 2000);
                int ncYear = 2025 - (dob.getMonthValue() >= 9 ? dob.getYear() : dob.getYear() - 1) - 5;
                w.write(Pupil.builder().upn(upn(laestab, i)).forename(every > 0 ? "Changed" : "Pat")
                        .surname("Pupil" + letters(i)).dob(dob).sex(Sex.FEMALE)
                        .ncYear(Coded.of(NcYear.class, String.valueOf(ncYear))).enrolStatus(EnrolStatus.C)
                        .admissionDate(LocalDate.of(2025, 9, 3))
                        .address(Address.lines(List.of("1 High Street"), "NR2 4AB")).build());
            }
            w.close();
        }
        return file;
    }

    /** A number written in letters (0 as a, 1 as b...), since names may not hold digits. */
    static String letters(int n) {
        StringBuilder out = new StringBuilder();
        for (char c : String.valueOf(n).toCharArray()) {
            out.append((char) ('a' + c - '0'));
        }
        return out.toString();
    }

    private static Path attendance(Path file, String laestab, int pupils, List<LocalDate> days) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("laestab,upn,date,session,code\n");
            for (int i = 1; i <= pupils; i++) {
                String upn = upn(laestab, i);
                SplittableRandom r = new SplittableRandom(i);
                for (LocalDate d : days) {
                    String am = CODES[r.nextInt(CODES.length)];
                    String pm = CODES[r.nextInt(CODES.length)];
                    out.write(laestab + "," + upn + "," + d + ",AM," + am + "\n");
                    out.write(laestab + "," + upn + "," + d + ",PM," + (pm.equals("/") ? "\\" : pm) + "\n");
                }
            }
        }
        return file;
    }

    /** The LA's register, set up directly (not timed): one person and UPN per pupil. */
    static void register(BenchDatabase db, int schools, int perSchool) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (int s = 0; s < schools; s++) {
                String laestab = String.valueOf(9262000 + s + 1);
                st.execute("insert into schools (la, laestab) values ('926', '" + laestab + "')");
            }
            st.execute("insert into persons (la, register_id, origin) select '926', 'p' || g, 'register' "
                    + "from generate_series(1, " + schools * perSchool + ") g");
            StringBuilder csv = new StringBuilder();
            long id = 1;
            for (int s = 0; s < schools; s++) {
                String laestab = String.valueOf(9262000 + s + 1);
                for (int i = 1; i <= perSchool; i++) {
                    csv.append("926,UPN,").append(upn(laestab, i)).append(',').append(id++).append(",register\n");
                }
            }
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy person_identifiers (la, kind, value, person_id, rule) from stdin with (format csv)",
                    new java.io.StringReader(csv.toString()));
            st.execute("analyze");
        }
    }

    /**
     * Alerts are worked out as of the delta's day, so each batch's follow-up job sees the marks it loaded: the hub's
     * clock reads noon of that day in London.
     */
    @Configuration
    static class AlertsAsOf {
        static volatile LocalDate day;

        @Bean
        @Primary
        Clock deltaDay() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return HubClock.LONDON;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    throw new UnsupportedOperationException("the benchmark's clock is London's");
                }

                @Override
                public Instant instant() {
                    return day.atTime(12, 0).atZone(HubClock.LONDON).toInstant();
                }
            };
        }
    }

    /**
     * The nightly alert recompute over the whole loaded LA (cases already raised by the batches' follow-up jobs,
     * which the pipeline figures above include), against reading every stored pupil-year in the same run.
     */
    private static Step alertRecompute(ConfigurableApplicationContext hub, BenchDatabase db, LocalDate asOf)
            throws Exception {
        AlertRecompute recompute = hub.getBean(AlertRecompute.class);
        long[] chars = new long[1];
        Step read = Step.time(() -> {
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select sum(length(marks)) from attendance_years")) {
                rs.next();
                chars[0] = rs.getLong(1);
            }
        });
        AlertRecompute.Outcome[] o = new AlertRecompute.Outcome[1];
        Step step = Step.time(() -> o[0] = recompute.everyone(asOf));
        System.out.printf("alerts, whole LA: %,d pupils at %d schools, %,d alerts; %,d cases raised, %,d updated; "
                + "reading every pupil-year (%,d characters) took %.1f s%n", o[0].pupils(), o[0].schools(),
                o[0].alerts(), o[0].changes().raised(), o[0].changes().updated() + o[0].changes().worsened()
                        + o[0].changes().newEpisodes(), chars[0], read.seconds());
        return step;
    }

    /** What the load left in the LA's tables, so a figure is never of records held back rather than imported. */
    static void printCounts(BenchDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select (select count(*) from pupils), (select count(*) from attendance_years),
                            (select count(*) from held_records where status = 'held'),
                            (select count(*) from alert_cases where status <> 'resolved')""")) {
            rs.next();
            System.out.printf("imported: %,d pupil records, %,d pupil-years of marks; held back: %,d; open alerts: %,d%n",
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }

    /** Imports the files through the pipeline with two workers (the machine's two cores); returns seconds. */
    static void load(ConfigurableApplicationContext hub, List<Path> files) throws Exception {
        DirectImport imports = hub.getBean(DirectImport.class);
        Workers workers = hub.getBean(Workers.class);
        org.springframework.jdbc.core.simple.JdbcClient db = hub.getBean(
                org.springframework.jdbc.core.simple.JdbcClient.class);
        java.time.OffsetDateTime started = db.sql("select now()").query(java.time.OffsetDateTime.class).single();
        long t = System.nanoTime();
        List<Batch> queued = new ArrayList<>();
        for (Path f : files) {
            queued.add(imports.queue(f, Optional.empty()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        JobQueue jobs = hub.getBean(JobQueue.class);
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                // A follow-up that found a wave running waits in the queue for a poll interval: keep at it.
                int n = 0;
                while (true) {
                    n += workers.drain();
                    if (jobs.waiting() == 0) {
                        return n;
                    }
                    Thread.sleep(20);
                }
            }));
        }
        for (Future<Integer> f : runs) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t) / 1e9;
        for (Batch b : queued) {
            Batch done = imports.process(b);
            if (!done.status().equals("completed")) {
                throw new IllegalStateException("Batch " + b.id() + " ended " + done.status());
            }
        }
        // The LA's tables hold the data when the last batch merged; the alert follow-up jobs come after.
        double merged = db.sql("select extract(epoch from max(completed_at) - ?) from batches where id = any(?)")
                .params(started, queued.stream().map(Batch::id).toArray(java.util.UUID[]::new))
                .query(Double.class).single();
        System.out.printf("  %d batches: last merged after %.1f s; their alert follow-ups done at %.1f s%n",
                queued.size(), merged, seconds);
    }

    /**
     * The CTF step's baseline: reading the same files with core's CtfReader and COPYing each pupil's row, as
     * minimised and serialised for the pupils table, into a bare table: what any import of them must do.
     */
    private static void parseAndCopy(Connection c, List<Path> files) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        try (Statement st = c.createStatement()) {
            st.execute("create table bare_pupils (upn text, uln text, forename text, surname text, dob date, sex text,"
                    + " nc_year text, enrol_status text, admission_date date, leaving_date date, postcode text,"
                    + " record jsonb)");
            c.setAutoCommit(false);
            for (Path f : files) {
                try (CopyRows copy = new CopyRows(c, "bare_pupils", "upn, uln, forename, surname, dob, sex, nc_year,"
                        + " enrol_status, admission_date, leaving_date, postcode, record")) {
                    CtfReader.read(f, (pupil, where) -> {
                        Pupil kept = CtfFeed.minimised(pupil);
                        copy.field(kept.upn()).field(kept.uln()).field(kept.forename()).field(kept.surname())
                                .field(kept.dob().date().orElse(null)).field(kept.sexOrGender().raw())
                                .field(kept.ncYear().raw()).field(kept.enrolStatus().raw())
                                .field(kept.admissionDate().date().orElse(null))
                                .field(kept.leavingDate().date().orElse(null))
                                .field(kept.address() == null ? null : kept.address().postcode())
                                .field(json.writeValueAsString(kept)).endRow();
                    });
                }
                c.commit();
            }
            c.setAutoCommit(true);
        }
    }

    private static void bareCopy(Connection c, List<Path> files) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("create table bare_marks (laestab text, upn text, day date, session text, code text)");
            for (Path f : files) {
                try (Reader in = Files.newBufferedReader(f)) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                            "copy bare_marks from stdin with (format csv, header true)", in);
                }
            }
        }
    }
}

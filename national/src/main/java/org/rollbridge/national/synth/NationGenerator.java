package org.rollbridge.national.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import org.rollbridge.core.code.AttendanceCode;
import org.rollbridge.core.code.Ethnicity;
import org.rollbridge.core.identity.Upn;
import org.rollbridge.core.indicators.Period;
import org.rollbridge.national.figures.SchoolRegister;
import org.rollbridge.national.reference.Phase;
import org.rollbridge.national.reference.PublishedFigures;
import org.rollbridge.synth.TermDates;

/**
 * A synthetic nation: every LA in England, schools and pupils per LA and phase in proportion to the published
 * figures, and each school's daily extract ({@code dfe-daily/YYYY-MM-DD/URN/pupils.csv} and {@code sessions.csv})
 * for every school day in the range, with attendance calibrated so that each LA and phase reproduces its published
 * absence rate, persistent absence rate and code mix. LAs and phases are generated in parallel, each from its own
 * random stream, so the output depends only on the seed.
 */
public final class NationGenerator {

    public static final String DAILY = "dfe-daily";
    /** Late joiners arrive this many school days before the end: too few sessions to count for PA. */
    static final int LATE_DAYS = 9;
    /** A share of absence marks are first sent as N (no reason yet) and corrected in the next day's extract. */
    static final double RESENT_SHARE = 0.2;

    private static final AttendanceCode[] ABSENCE_CODES = {AttendanceCode.I, AttendanceCode.M, AttendanceCode.R,
        AttendanceCode.S, AttendanceCode.T, AttendanceCode.H_LEGACY, AttendanceCode.E, AttendanceCode.C,
        AttendanceCode.C1, AttendanceCode.J1, AttendanceCode.C2, AttendanceCode.G, AttendanceCode.U, AttendanceCode.O,
        AttendanceCode.N};
    private static final AttendanceCode[] OTHER_CODES = {AttendanceCode.L, AttendanceCode.B, AttendanceCode.P,
        AttendanceCode.V, AttendanceCode.W, AttendanceCode.K};
    private static final byte PRESENT = -1;
    private static final String[] FORENAMES = {"Amelia", "Oliver", "Isla", "Noah", "Ava", "Muhammad", "Freya",
        "George", "Aisha", "Leo", "Maya", "Jacob", "Zara", "Arthur", "Ivy", "Yusuf"};
    private static final String[] SURNAMES = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Khan",
        "Patel", "Evans", "Thomas", "Roberts", "Walker", "Ali", "Wright", "Hughes", "Green"};
    private static final String PUPILS_HEADER = "urn,la_code,upn,forename,surname,gender,ethnicity,looked_after,"
            + "previously_looked_after,sen_support,ehc_plan,fsm,nc_year\n";
    private static final String SESSIONS_HEADER = "urn,upn,date,session,code\n";

    /** What to generate. */
    public record Settings(int pupils, LocalDate from, LocalDate to, long seed, Path out, int threads,
                           java.util.Set<String> onlyLas) {
        /** Every LA in England. */
        public Settings(int pupils, LocalDate from, LocalDate to, long seed, Path out, int threads) {
            this(pupils, from, to, seed, out, threads, java.util.Set.of());
        }
    }

    /** What was written. */
    public record Summary(int schools, long pupils, long sessionRows, int schoolDays) {
    }

    /** One LA and phase, planned before anything is written so that school numbers do not depend on threads. */
    record Cell(Calibration calibration, CellPlan plan, int schools, int firstUrn) {
    }

    private final Settings settings;
    private final List<LocalDate> days;

    public NationGenerator(Settings settings) {
        this.settings = settings;
        this.days = schoolDays(settings.from(), settings.to());
        if (days.isEmpty()) {
            throw new IllegalArgumentException("No school days from " + settings.from() + " to " + settings.to()
                    + ": choose a range inside term time");
        }
    }

    /** Weekdays in term, outside bank holidays, as most LAs set their terms. */
    public static List<LocalDate> schoolDays(LocalDate from, LocalDate to) {
        Map<Integer, TermDates> years = new HashMap<>();
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            int year = Period.academicYearContaining(d).from().getYear();
            if (years.computeIfAbsent(year, TermDates::of).termDay(d)) {
                out.add(d);
            }
        }
        return out;
    }

    public Summary generate() throws IOException {
        List<Cell> cells = plan();
        Path daily = settings.out().resolve(DAILY);
        Files.createDirectories(daily);
        for (LocalDate d : days) {
            Files.createDirectories(daily.resolve(d.toString()));
        }
        List<SchoolRegister.School> register = new ArrayList<>();
        for (Cell c : cells) {
            for (int s = 0; s < c.schools(); s++) {
                register.add(new SchoolRegister.School(String.valueOf(c.firstUrn() + s), c.calibration().laCode(),
                        Phase.parse(c.calibration().phase()).orElseThrow()));
            }
        }
        new SchoolRegister(register).write(settings.out());
        AtomicLong rows = new AtomicLong();
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, settings.threads()));
        try {
            pool.submit(() -> cells.parallelStream().forEach(c -> rows.addAndGet(generate(c, daily)))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
        } finally {
            pool.shutdown();
        }
        long pupils = cells.stream().mapToLong(c -> c.plan().pupils()).sum();
        return new Summary(register.size(), pupils, rows.get(), days.size());
    }

    /** Every LA and phase the DfE publishes, with its pupils, late joiners, PA pupils and schools. */
    List<Cell> plan() {
        PublishedFigures published = PublishedFigures.get();
        List<Calibration> calibrations = new ArrayList<>();
        for (String la : published.authorities().keySet()) {
            if (!settings.onlyLas().isEmpty() && !settings.onlyLas().contains(la)) {
                continue;
            }
            for (Phase phase : Phase.values()) {
                if (published.la(la, phase.published()).isPresent()) {
                    calibrations.add(Calibration.of(published, la, phase.published()));
                }
            }
        }
        long nationPupils = published.authorities().keySet().stream().flatMap(la -> java.util.Arrays.stream(
                Phase.values()).flatMap(p -> published.la(la, p.published()).stream()))
                .mapToLong(r -> r.suppressed("total_enrolments") ? 0 : Math.round(r.number("total_enrolments"))).sum();
        boolean lateJoiners = days.size() > LATE_DAYS + 1;
        List<Cell> cells = new ArrayList<>();
        int urn = 100_000;
        for (Calibration c : calibrations) {
            int share = (int) Math.round((double) settings.pupils() * c.pupils() / nationPupils);
            CellPlan plan = CellPlan.fit(share, c.persistentAbsenceRate(), lateJoiners);
            // At least two schools where the DfE has two or more, so that the LA and phase is not suppressed.
            int fewest = c.schools() >= 2 ? 2 : 1;
            int schools = (int) Math.max(fewest, Math.min(Math.round(c.schools() * share / Math.max(1.0,
                    c.pupils())), plan.pupils() / 30));
            cells.add(new Cell(c, plan, schools, urn));
            urn += schools;
        }
        return cells;
    }

    /** Generates one LA and phase and writes its schools' extracts; returns the session rows written. */
    private long generate(Cell cell, Path daily) {
        Calibration cal = cell.calibration();
        SplittableRandom random = new SplittableRandom(settings.seed() * 1_000_003L + cell.firstUrn());
        CellPlan plan = cell.plan();
        int n = plan.pupils();
        int[] joinDay = new int[n];
        int[] possible = new int[n];
        double[] propensity = new double[n];
        for (int i = 0; i < n; i++) {
            joinDay[i] = i >= plan.reportable() ? days.size() - LATE_DAYS : 0;
            possible[i] = 2 * (days.size() - joinDay[i]);
            propensity[i] = Math.exp(1.1 * gaussian(random));
        }
        boolean[] persistent = new boolean[n];
        java.util.stream.IntStream.range(0, plan.reportable()).boxed()
                .sorted((a, b) -> Double.compare(propensity[b], propensity[a]))
                .limit(plan.persistentlyAbsent()).forEach(i -> persistent[i] = true);
        long possibleTotal = java.util.Arrays.stream(possible).asLongStream().sum();
        long absenceTotal = Math.round(cal.absenceRate() / 100 * possibleTotal);
        long[] absent = AbsenceAllocation.allocate(possible, propensity, persistent, absenceTotal);
        absenceTotal = java.util.Arrays.stream(absent).sum();

        byte[] absencePool = pool(ABSENCE_CODES, cal, absenceTotal, absenceTotal, random);
        byte[] otherPool = pool(OTHER_CODES, cal, Math.round((double) possibleTotal * otherShare(cal)),
                possibleTotal - absenceTotal, random);
        byte[][] marks = new byte[n][];
        int a = 0;
        int o = 0;
        for (int i = 0; i < n; i++) {
            byte[] m = new byte[possible[i]];
            int k = 0;
            for (long x = 0; x < absent[i]; x++) {
                m[k++] = absencePool[a++];
            }
            while (k < m.length) {
                m[k++] = otherPool[o++];
            }
            shuffle(m, random);
            marks[i] = m;
        }
        long rows = 0;
        for (int s = 0; s < cell.schools(); s++) {
            rows += writeSchool(daily, String.valueOf(cell.firstUrn() + s), cal, s, cell.schools(), joinDay, marks,
                    random.split());
        }
        return rows;
    }

    /** The share of possible sessions that are late-but-present or approved activity, as published. */
    private static double otherShare(Calibration cal) {
        long other = 0;
        for (AttendanceCode c : OTHER_CODES) {
            other += cal.sessionsByCode()[c.ordinal()];
        }
        return cal.possible() == 0 ? 0 : (double) other / cal.possible();
    }

    /**
     * A shuffled pool of {@code size} marks: {@code quota} of them spread over {@code codes} in the published
     * proportions (largest remainder, so the counts are exact), the rest present.
     */
    private static byte[] pool(AttendanceCode[] codes, Calibration cal, long quota, long size,
                               SplittableRandom random) {
        quota = Math.min(quota, size);
        long weight = 0;
        for (AttendanceCode c : codes) {
            weight += cal.sessionsByCode()[c.ordinal()];
        }
        byte[] pool = new byte[(int) size];
        java.util.Arrays.fill(pool, PRESENT);
        if (weight == 0 || quota == 0) {
            return pool;
        }
        long[] counts = new long[codes.length];
        double[] remainder = new double[codes.length];
        long given = 0;
        for (int i = 0; i < codes.length; i++) {
            double exact = (double) quota * cal.sessionsByCode()[codes[i].ordinal()] / weight;
            counts[i] = (long) Math.floor(exact);
            remainder[i] = exact - counts[i];
            given += counts[i];
        }
        while (given < quota) {
            int best = 0;
            for (int i = 1; i < codes.length; i++) {
                best = remainder[i] > remainder[best] ? i : best;
            }
            counts[best]++;
            remainder[best] = -1;
            given++;
        }
        int p = 0;
        for (int i = 0; i < codes.length; i++) {
            for (long x = 0; x < counts[i]; x++) {
                pool[p++] = (byte) codes[i].ordinal();
            }
        }
        shuffle(pool, random);
        return pool;
    }

    private static void shuffle(byte[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            byte t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** Pupils {@code s}, {@code s + schools}, ... of the cell attend school {@code s}. */
    private long writeSchool(Path daily, String urn, Calibration cal, int s, int schools, int[] joinDay,
                             byte[][] marks, SplittableRandom random) {
        List<Integer> roll = new ArrayList<>();
        for (int i = s; i < marks.length; i += schools) {
            roll.add(i);
        }
        String[] pupilLines = new String[roll.size()];
        String[] upns = new String[roll.size()];
        for (int r = 0; r < roll.size(); r++) {
            upns[r] = Upn.compose(cal.laCode(), String.format("%04d", 2000 + s % 8000), 10 + r / 1000, r).value();
            pupilLines[r] = pupilLine(urn, cal, upns[r], random);
        }
        AttendanceCode[] codes = AttendanceCode.values();
        long rows = 0;
        List<String> resend = new ArrayList<>();
        try {
            for (int d = 0; d < days.size(); d++) {
                LocalDate day = days.get(d);
                Path dir = daily.resolve(day.toString()).resolve(urn);
                Files.createDirectories(dir);
                List<String> nextResend = new ArrayList<>();
                try (BufferedWriter p = Files.newBufferedWriter(dir.resolve("pupils.csv"), StandardCharsets.UTF_8);
                     BufferedWriter w = Files.newBufferedWriter(dir.resolve("sessions.csv"),
                             StandardCharsets.UTF_8)) {
                    p.write(PUPILS_HEADER);
                    w.write(SESSIONS_HEADER);
                    for (String line : resend) {
                        w.write(line);
                        rows++;
                    }
                    for (int r = 0; r < roll.size(); r++) {
                        int i = roll.get(r);
                        if (d < joinDay[i]) {
                            continue;
                        }
                        p.write(pupilLines[r]);
                        for (int session = 0; session < 2; session++) {
                            byte b = marks[i][2 * (d - joinDay[i]) + session];
                            String code = b == PRESENT ? (session == 0 ? "/" : "\\") : codes[b].code();
                            String prefix = urn + "," + upns[r] + "," + day + "," + (session == 0 ? "AM" : "PM") + ",";
                            if (b != PRESENT && codes[b].absence() && codes[b] != AttendanceCode.N
                                    && d + 1 < days.size() && random.nextDouble() < RESENT_SHARE) {
                                w.write(prefix + "N\n");
                                nextResend.add(prefix + code + "\n");
                            } else {
                                w.write(prefix + code + "\n");
                            }
                            rows++;
                        }
                    }
                }
                resend = nextResend;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static String pupilLine(String urn, Calibration cal, String upn, SplittableRandom random) {
        Phase phase = Phase.parse(cal.phase()).orElseThrow();
        String year = switch (phase) {
            case PRIMARY -> random.nextInt(7) == 0 ? "R" : String.valueOf(1 + random.nextInt(6));
            case SECONDARY -> String.valueOf(7 + random.nextInt(phase == Phase.SECONDARY ? 7 : 5));
            case SPECIAL -> String.valueOf(1 + random.nextInt(14));
        };
        boolean ehc = phase == Phase.SPECIAL ? random.nextDouble() < 0.97 : random.nextDouble() < 0.04;
        Ethnicity[] ethnicities = Ethnicity.values();
        return String.join(",", urn, cal.laCode(), upn, FORENAMES[random.nextInt(FORENAMES.length)],
                SURNAMES[random.nextInt(SURNAMES.length)], random.nextBoolean() ? "M" : "F",
                ethnicities[random.nextInt(ethnicities.length)].code(), flag(random, 0.01), flag(random, 0.01),
                flag(random, ehc ? 0 : 0.13), ehc ? "Y" : "N", flag(random, 0.25), year) + "\n";
    }

    private static String flag(SplittableRandom random, double chance) {
        return random.nextDouble() < chance ? "Y" : "N";
    }
}

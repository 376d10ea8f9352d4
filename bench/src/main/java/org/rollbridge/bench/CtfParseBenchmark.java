package org.rollbridge.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.DayOfWeek;
import java.util.List;
import java.util.SplittableRandom;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.code.Ethnicity;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.code.Sex;
import org.rollbridge.core.ctf.CtfHeader;
import org.rollbridge.core.ctf.CtfReader;
import org.rollbridge.core.ctf.CtfWriter;
import org.rollbridge.core.identity.Upn;
import org.rollbridge.core.pupil.Address;
import org.rollbridge.core.pupil.AttendanceYear;
import org.rollbridge.core.pupil.Contact;
import org.rollbridge.core.pupil.Phone;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;

/**
 * {@code ./rollbridge bench ctf-parse [DIR]}: writes CTFs of 10,000 and 100,000 pupils, each with a full academic
 * year of session marks, then times a bare StAX pass (every event, nothing built) against {@link CtfReader} over
 * the same file, and samples peak heap while the reader runs. Run with {@code ROLLBRIDGE_JAVA_OPTS=-Xmx256m} to show
 * the reader's memory is flat.
 */
final class CtfParseBenchmark implements Benchmarks.Benchmark {

    private static final LocalDate YEAR_START = LocalDate.of(2025, 9, 1);
    private static final int DAYS = 330; // 1 Sep to 27 Jul

    @Override
    public String description() {
        return "CtfReader vs a bare StAX pass over 10k- and 100k-pupil CTFs with a year of marks [DIR]";
    }

    @Override
    public void run(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("ctf-parse");
        Files.createDirectories(dir);
        System.out.printf("max heap %d MB; files in %s%n", Runtime.getRuntime().maxMemory() >> 20, dir);
        for (int pupils : new int[] {10_000, 100_000}) {
            Path file = dir.resolve("ctf-" + pupils + ".xml");
            long t0 = System.nanoTime();
            write(file, pupils);
            double mb = Files.size(file) / 1e6;
            System.out.printf("%n%,d pupils: wrote %.1f MB in %.1f s%n", pupils, mb, (System.nanoTime() - t0) / 1e9);
            // Warm-up, then the best of three of each, alternating so both see the same machine load.
            bare(file);
            read(file);
            double bare = Double.MAX_VALUE;
            double reader = Double.MAX_VALUE;
            long peak = 0;
            long live = 0;
            for (int i = 0; i < 3; i++) {
                bare = Math.min(bare, time(() -> bare(file)));
                HeapSampler sampler = HeapSampler.start();
                reader = Math.min(reader, time(() -> read(file)));
                peak = Math.max(peak, sampler.stop());
                live = Math.max(live, sampler.peakLive);
            }
            System.out.printf("  bare StAX pass : %6.2f s  %,9.0f pupils/s  %6.1f MB/s%n", bare, pupils / bare, mb / bare);
            System.out.printf("  CtfReader      : %6.2f s  %,9.0f pupils/s  %6.1f MB/s  = %.0f%% of bare speed%n",
                    reader, pupils / reader, mb / reader, 100 * bare / reader);
            System.out.printf("  peak heap used while reading: %d MB (garbage included); peak live after GC: %d MB%n",
                    peak >> 20, live >> 20);
        }
    }

    interface Task {
        void run() throws Exception;
    }

    private static double time(Task task) throws Exception {
        long t0 = System.nanoTime();
        task.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long bare(Path file) throws Exception {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        long events = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            while (r.hasNext()) {
                r.next();
                events++;
            }
        }
        return events;
    }

    private static void read(Path file) throws Exception {
        long[] count = {0};
        CtfReader.read(file, (p, where) -> count[0] += p.attendance().size());
        if (count[0] == 0) {
            throw new IllegalStateException("no attendance read");
        }
    }

    /** Peak heap in use (all heap pools), sampled every few milliseconds on a daemon thread. */
    static final class HeapSampler implements Runnable {
        private volatile boolean running = true;
        private long peak;
        private long peakLive;
        private final Thread thread = new Thread(this, "heap-sampler");

        static HeapSampler start() {
            System.gc();
            HeapSampler s = new HeapSampler();
            s.thread.setDaemon(true);
            s.thread.start();
            return s;
        }

        @Override
        public void run() {
            List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            while (running) {
                long used = 0;
                long live = 0;
                for (MemoryPoolMXBean p : pools) {
                    used += p.getUsage().getUsed();
                    if (p.getCollectionUsage() != null) {
                        live += p.getCollectionUsage().getUsed(); // what survived the pool's last collection
                    }
                }
                peak = Math.max(peak, used);
                peakLive = Math.max(peakLive, live);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak;
        }
    }

    private static void write(Path file, int count) throws Exception {
        CtfHeader header = new CtfHeader("Common Transfer File", "25.0", "2026-07-24T18:00:00", "full",
                "Rollbridge bench", "926", "2001", "120999", "Bench School", "2025", "926", "MMM");
        SplittableRandom random = new SplittableRandom(42);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             CtfWriter writer = new CtfWriter(out, header)) {
            for (int i = 0; i < count; i++) {
                writer.write(pupil(i, random));
            }
        }
    }

    private static Pupil pupil(int i, SplittableRandom random) {
        String upn = Upn.compose("926", String.format("%04d", 2000 + i / 1000), 25, i % 1000).value();
        Address home = new Address(null, String.valueOf(1 + random.nextInt(200)), "Cromer Road", null, "Norwich",
                "Norfolk", "Norwich", null, List.of(), "NR6 6LY", false);
        return Pupil.builder().upn(upn).surname("Surname" + i).forename("Forename" + i).middleNames("Middle")
                .dob(LocalDate.of(2012 + random.nextInt(8), 1 + random.nextInt(12), 1 + random.nextInt(28)))
                .sex(random.nextBoolean() ? Sex.FEMALE : Sex.MALE).ethnicity(Ethnicity.WBRI).ncYear(NcYear.Y5)
                .enrolStatus(EnrolStatus.C).firstLanguage("ENG").admissionDate(LocalDate.of(2021, 9, 1))
                .address(home)
                .contacts(List.of(new Contact(1, "Ms", "Surname" + i, "Parent", "PAR", true, false,
                        Address.sameAsPupil(), List.of(new Phone("M", "07700 900123")), "parent@example.org")))
                .attendance(List.of(year(random)))
                .build();
    }

    private static AttendanceYear year(SplittableRandom random) {
        StringBuilder marks = new StringBuilder(DAYS * 2);
        int possible = 0;
        int authorised = 0;
        int unauthorised = 0;
        int attended = 0;
        for (int d = 0; d < DAYS; d++) {
            DayOfWeek day = YEAR_START.plusDays(d).getDayOfWeek();
            for (int s = 0; s < 2; s++) {
                if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
                    marks.append('#');
                    continue;
                }
                possible++;
                int roll = random.nextInt(100);
                if (roll < 4) {
                    marks.append('I');
                    authorised++;
                } else if (roll < 6) {
                    marks.append('N');
                    unauthorised++;
                } else {
                    marks.append(s == 0 ? '/' : '\\');
                    attended++;
                }
            }
        }
        return new AttendanceYear(2025, "926", "2001", "Bench School", possible, authorised, attended, unauthorised,
                RecordedDate.of(YEAR_START), marks.toString());
    }
}

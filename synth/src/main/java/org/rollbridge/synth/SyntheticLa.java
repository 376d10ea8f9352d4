package org.rollbridge.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.rollbridge.core.code.SenProvision;

/**
 * The synthetic local authority: {@code SyntheticLa.generate(settings, out)} writes schools, pupils, attendance,
 * exclusions, the LA's register and social-care list, and the ground truth, as {@code docs/formats.md} describes.
 * The same settings always give the same bytes. Schools are generated one at a time (in parallel when there are
 * cores to spare) and dropped once written, so memory stays flat as the LA grows.
 */
public final class SyntheticLa {

    /** Told as each school is finished. */
    public interface Progress {
        void schoolWritten(int done, int total);
    }

    private SyntheticLa() {
    }

    public static Summary generate(Settings settings, Path out) {
        return generate(settings, out, (d, t) -> { }, Runtime.getRuntime().availableProcessors());
    }

    public static Summary generate(Settings settings, Path out, Progress progress, int threads) {
        Plan plan = Plan.make(settings);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the output directory " + out + ": " + e.getMessage(), e);
        }
        LaFiles la = new LaFiles(plan, out);
        la.writeSchoolsAndCalendar();
        List<School> schools = plan.catalogue().schools();
        RateTally tally = new RateTally();
        Map<EventKind, Integer> events = new EnumMap<>(EventKind.class);
        long bytes = 0;
        long attendance = 0;
        int files = 0;
        int onRoll = 0;
        int exclusions = 0;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try (la) {
            plan.movements().events().forEach(e -> {
                la.event(e);
                events.merge(e.kind(), 1, Integer::sum);
            });
            Deque<Future<SchoolRun.Result>> running = new ArrayDeque<>();
            int next = 0;
            for (int done = 0; done < schools.size(); done++) {
                while (next < schools.size() && running.size() < Math.max(2, 2 * threads)) {
                    School s = schools.get(next++);
                    running.add(pool.submit(() -> new SchoolRun(plan, s, out).run()));
                }
                SchoolRun.Result r = await(running.removeFirst());
                tally.add(r.tally());
                r.incoming().forEach(la::incoming);
                r.errors().forEach(la::error);
                r.events().forEach(e -> {
                    la.event(e);
                    events.merge(e.kind(), 1, Integer::sum);
                });
                bytes += r.bytes();
                files += r.files();
                onRoll += r.onRoll();
                exclusions += r.exclusions();
                progress.schoolWritten(done + 1, schools.size());
            }
            la.writeRegisterAndSocialCare();
        } finally {
            pool.shutdownNow();
        }
        attendance = sizeOf(out, schools, "attendance.csv");
        long ctf = sizeOf(out, schools, "pupils-ctf.xml") + sizeOf(out, schools, "pupils-ctf-previous.xml");
        bytes += la.bytes();
        files += la.files();
        return new Summary(settings, plan.targets().source(), schools.size(), plan.population().children().size(),
                onRoll, files, bytes, attendance, ctf, la.registerRows(), la.duplicates(), exclusions, tally,
                la.errorCounts(), events);
    }

    private static SchoolRun.Result await(Future<SchoolRun.Result> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static long sizeOf(Path out, List<School> schools, String name) {
        long total = 0;
        for (School s : schools) {
            try {
                total += Files.size(out.resolve("schools").resolve(s.code()).resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }

    static boolean ehcp(Child c) {
        return c.sen == SenProvision.E;
    }
}

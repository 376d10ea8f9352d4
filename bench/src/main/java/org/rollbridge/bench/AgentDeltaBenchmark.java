package org.rollbridge.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.rollbridge.agent.ActivityLog;
import org.rollbridge.agent.AgentHome;
import org.rollbridge.agent.Backoff;
import org.rollbridge.agent.BatchSequence;
import org.rollbridge.agent.Delivery;
import org.rollbridge.agent.Extraction;
import org.rollbridge.agent.Feed;
import org.rollbridge.agent.HubClient;
import org.rollbridge.agent.Ledgers;
import org.rollbridge.agent.Outbox;
import org.rollbridge.agent.OutboxBatch;
import org.rollbridge.core.identity.Upn;

/**
 * {@code ./rollbridge bench agent-delta [PUPILS] [DAYS] [RUNS]}: a secondary school of 2,000 pupils (default) has
 * sent its attendance up to yesterday; today's export (every mark of the term so far, as an MIS writes it) adds
 * one day. Measured in the same run, through the agent's own outbox and signed HTTP client to a local HTTP sink
 * on loopback that counts the bytes it receives and answers 202: the delta (today's export read, validated and
 * compared with the acknowledged marks; the marks new or changed in the 7-day resend window made durable in the
 * outbox, sent, and recorded as acknowledged) against the baseline of sending the whole export through the same
 * outbox and client. Median of RUNS (default 5) after a warm-up. On loopback the wire costs nothing, so the time
 * shows the agent's own work; on a school's line the bytes are what count.
 */
final class AgentDeltaBenchmark implements Benchmarks.Benchmark {

    /**
     * The credential the agent signs with. The benchmark's receiving server checks no signature, but no credential
     * is written in code: its id and secret come from ROLLBRIDGE_BENCH_AGENT_CREDENTIAL_ID and
     * ROLLBRIDGE_BENCH_AGENT_SECRET, or are made at random for the run.
     */
    private static final AgentHome.Credential BENCH_CREDENTIAL = new AgentHome.Credential(
            fromEnvironment("ROLLBRIDGE_BENCH_AGENT_CREDENTIAL_ID", "rbk_", 12),
            fromEnvironment("ROLLBRIDGE_BENCH_AGENT_SECRET", "rbsec_", 32));

    private static String fromEnvironment(String variable, String prefix, int randomBytes) {
        String set = System.getenv(variable);
        if (set != null && !set.isBlank()) {
            return set;
        }
        byte[] bytes = new byte[randomBytes];
        new SecureRandom().nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    private static final String SCHOOL = "9264001";
    private static final String[] CODES = {"/", "\\", "/", "\\", "/", "\\", "/", "\\", "L", "I", "M", "O", "C", "U"};

    @Override
    public String description() {
        return "School agent: bytes sent and time for one new day of marks, delta vs the whole export";
    }

    @Override
    public void run(String[] args) throws Exception {
        int pupils = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path work = Files.createTempDirectory("rollbridge-agent-delta");
        List<LocalDate> schoolDays = schoolDays(LocalDate.of(2025, 9, 3), days + 1);
        byte[] yesterday = export(pupils, schoolDays.subList(0, days));
        byte[] today = export(pupils, schoolDays);
        Path yesterdayFile = Files.write(work.resolve("attendance-yesterday.csv"), yesterday);
        Path todayFile = Files.write(work.resolve("attendance-today.csv"), today);

        AtomicLong received = new AtomicLong();
        HttpServer sink = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sink.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.addAndGet(in.transferTo(java.io.OutputStream.nullOutputStream()));
            }
            byte[] reply = ("{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"queued\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(202, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        sink.start();
        URI hub = URI.create("http://127.0.0.1:" + sink.getAddress().getPort());
        System.out.printf("School of %,d pupils, %d school days of marks; today's export %,d bytes (%,d rows).%n",
                pupils, days + 1, today.length, pupils * (days + 1) * 2);
        System.out.println("Sink: a local HTTP server on loopback counting request body bytes (gzip, as sent).");
        try {
            Trial delta = null;
            Trial full = null;
            for (int i = -1; i < runs; i++) { // run -1 warms up
                Trial d = trial(work.resolve("d" + i), hub, yesterdayFile, todayFile, true, received);
                Trial f = trial(work.resolve("f" + i), hub, yesterdayFile, todayFile, false, received);
                if (i >= 0) {
                    delta = delta == null ? d : delta.add(d);
                    full = full == null ? f : full.add(f);
                }
            }
            System.out.printf("%-34s %12s %10s %14s%n", "", "rows sent", "bytes sent", "time (median)");
            System.out.printf("%-34s %,12d %,10d %11.1f ms%n", "baseline: whole export", full.rows,
                    full.bytes, full.median());
            System.out.printf("%-34s %,12d %,10d %11.1f ms%n", "delta: new/changed in 7-day window", delta.rows,
                    delta.bytes, delta.median());
            System.out.printf("delta / whole: %.1f%% of the bytes, %.1f%% of the time%n",
                    100.0 * delta.bytes / full.bytes, 100.0 * delta.median() / full.median());
        } finally {
            sink.stop(0);
        }
    }

    /** Rows and bytes of the last run, times of every run. */
    private record Trial(long rows, long bytes, double[] millis) {
        Trial add(Trial o) {
            double[] all = Arrays.copyOf(millis, millis.length + o.millis.length);
            System.arraycopy(o.millis, 0, all, millis.length, o.millis.length);
            return new Trial(o.rows, o.bytes, all);
        }

        double median() {
            double[] s = millis.clone();
            Arrays.sort(s);
            return s[s.length / 2];
        }
    }

    /**
     * A fresh agent home that has had yesterday's export acknowledged; then timed: today's export read, the batch
     * made durable in the outbox and delivered (delta), or today's whole export made durable and delivered.
     */
    private static Trial trial(Path dir, URI hub, Path yesterday, Path today, boolean delta, AtomicLong received)
            throws Exception {
        AgentHome home = new AgentHome(dir);
        home.save(new AgentHome.Config(hub.toString(), SCHOOL, dir.resolve("drop").toString()),
                BENCH_CREDENTIAL);
        Outbox outbox = new Outbox(home);
        Ledgers ledgers = new Ledgers(home, SCHOOL);
        Extraction extraction = new Extraction(SCHOOL, 7);
        BatchSequence sequence = new BatchSequence(home);
        Extraction.Result before = extraction.extract(yesterday, Feed.ATTENDANCE, ledgers, List.of());
        OutboxBatch acked = outbox.add(sequence.next(Feed.ATTENDANCE), Feed.ATTENDANCE, "y.csv", before.batchRecords(),
                before.content());
        ledgers.acknowledge(acked, 7);
        outbox.acknowledged(acked);
        HubClient client = new HubClient(hub, SCHOOL, home.credential());
        Delivery delivery = new Delivery(home, client, outbox, ledgers,
                new ActivityLog(null, new PrintWriter(Writer.nullWriter())), Backoff.DEFAULT, 7);

        long start = received.get();
        long t0 = System.nanoTime();
        long rows;
        if (delta) {
            Extraction.Result r = extraction.extract(today, Feed.ATTENDANCE, ledgers, outbox.list().batches());
            outbox.add(sequence.next(Feed.ATTENDANCE), Feed.ATTENDANCE, "today.csv", r.batchRecords(), r.content());
            rows = r.batchRecords();
            Delivery.Round round = delivery.deliver();
            if (round.acknowledged() != 1 || round.waiting() != 0) {
                throw new IllegalStateException("the sink did not acknowledge the batch: " + round);
            }
        } else {
            // The baseline: the same outbox and signed client, the whole file, no delta bookkeeping.
            byte[] whole = Files.readAllBytes(today);
            rows = whole.length == 0 ? 0 : new String(whole, StandardCharsets.UTF_8).lines().count() - 1;
            OutboxBatch b = outbox.add("attendance-whole-" + UUID.randomUUID(), Feed.ATTENDANCE, "today.csv",
                    (int) rows, whole);
            HubClient.Reply reply = client.upload(b, n -> { });
            if (reply.status() != 202) {
                throw new IllegalStateException("the sink did not acknowledge the batch: " + reply);
            }
            outbox.acknowledged(b);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        return new Trial(rows, received.get() - start, new double[] {ms});
    }

    private static List<LocalDate> schoolDays(LocalDate from, int count) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; days.size() < count; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    /** Every mark of every pupil for the given days; the same seed gives the same marks for a day. */
    private static byte[] export(int pupils, List<LocalDate> days) {
        StringBuilder csv = new StringBuilder("laestab,upn,date,session,code\n");
        for (int p = 1; p <= pupils; p++) {
            String upn = Upn.compose("926", "4001", 20 + p % 7, p).value();
            for (LocalDate day : days) {
                SplittableRandom random = new SplittableRandom(p * 100_003L + day.toEpochDay());
                for (String session : new String[] {"AM", "PM"}) {
                    String code = random.nextInt(10) < 9 ? (session.equals("AM") ? "/" : "\\")
                            : CODES[random.nextInt(CODES.length)];
                    csv.append(SCHOOL).append(',').append(upn).append(',').append(day).append(',')
                            .append(session).append(',').append(code).append('\n');
                }
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}

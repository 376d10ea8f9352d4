package org.rollbridge.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.rollbridge.hub.HubApplication;
import org.rollbridge.hub.access.Organisation;
import org.rollbridge.hub.access.Role;
import org.rollbridge.hub.access.Users;
import org.rollbridge.hub.access.Totp;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./rollbridge bench pages-load [PUPILS] [SCHOOLS] [SCHOOL_DAYS] [USERS] [SECONDS_PER_PAGE] [PAGES]}: loads
 * an LA through the pipeline (as hub-load does), starts the hub on loopback, signs in USERS LA attendance officers
 * and has them all request each page as fast as it answers, for SECONDS_PER_PAGE each. Prints throughput and
 * p50/p95/p99 latency per page; the home page (signed in, no attendance queries) is the same-run baseline for
 * what the web stack itself costs. Defaults: 120,000 pupils, 60 schools, 190 days, 20 users, 20 s,
 * pages {@code /,/la/overview,/alerts}. Aim: p95 under 200 ms at 20 concurrent users. With ROLLBRIDGE_BENCH_KEEP_DB
 * the loaded database is kept; ROLLBRIDGE_BENCH_PAGES_DB=<its name> then measures the pages on it again without
 * loading the LA (the same PUPILS, SCHOOLS and SCHOOL_DAYS).
 */
final class PagesLoadBenchmark implements Benchmarks.Benchmark {

    @Override
    public String description() {
        return "LA overview and alert queue: p50/p95/p99 latency and throughput at 20 signed-in users, 120k LA";
    }

    @Override
    public void run(String[] args) throws Exception {
        int pupils = args.length > 0 ? Integer.parseInt(args[0]) : 120_000;
        int schools = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 190;
        int users = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        List<String> pages = Arrays.asList((args.length > 5 ? args[5] : "/,/la/overview,/alerts").split(","));
        // ROLLBRIDGE_BENCH_PAGES_DB: the pages of an LA an earlier run of the same size loaded and kept
        // (ROLLBRIDGE_BENCH_KEEP_DB), so a change to the pages is measured again without loading the LA again.
        String kept = System.getenv("ROLLBRIDGE_BENCH_PAGES_DB");
        Path store = java.nio.file.Files.createTempDirectory("rollbridge-pages-load").resolve("store");
        Class<?>[] sources = {HubLoadBenchmark.AlertsAsOf.class};
        try (BenchDatabase db = kept == null ? new BenchDatabase("bench_pages_load") : BenchDatabase.kept(kept)) {
            // Alerts as of the LA's last day of marks.
            HubLoadBenchmark.AlertsAsOf.day = HubLoadBenchmark.SyntheticFiles.deltaDay(days);
            if (kept == null) {
                long t = System.nanoTime();
                HubLoadBenchmark.SyntheticFiles files = HubLoadBenchmark.SyntheticFiles.write(pupils, schools, days);
                store = files.dir().resolve("store");
                try (ConfigurableApplicationContext loader = HubApplication.start(sources, db.hubSettings(store,
                        "--spring.main.web-application-type=none"))) {
                    HubLoadBenchmark.register(db, files.schools(), files.perSchool());
                    HubLoadBenchmark.load(loader, files.ctfs());
                    HubLoadBenchmark.load(loader, files.marks());
                }
                System.out.printf(Locale.ROOT, "LA loaded through the pipeline in %.1f s (not part of the figures)%n",
                        (System.nanoTime() - t) / 1e9);
            } else {
                System.out.println("LA as an earlier run loaded it, in database " + db.name);
            }
            HubLoadBenchmark.printCounts(db);
            // Plain HTTP on loopback: session cookies without the Secure flag (else the client never sends them
            // back and every form post fails its CSRF check); every user signs in from the one loopback address.
            try (ConfigurableApplicationContext hub = HubApplication.start(sources, db.hubSettings(store,
                    "--ROLLBRIDGE_PORT=0", "--ROLLBRIDGE_SECURE_COOKIES=false",
                    "--ROLLBRIDGE_SIGN_IN_CLIENT_FAILURES=100000"))) {
                int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
                // The hub checks each one-time code against its own clock, which reads the LA's last day of marks.
                List<Browser> clients = signIn(hub.getBean(Users.class), hub.getBean(java.time.Clock.class),
                        "http://127.0.0.1:" + port, users);
                System.out.printf(Locale.ROOT, "%d users signed in; %d s per page, all users at once%n", users,
                        seconds);
                System.out.printf(Locale.ROOT, "%-16s %9s %9s %9s %9s %9s %9s %7s %7s %12s %12s%n", "page",
                        "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "over 1s", "errors",
                        "JVM CPU ms", "PG CPU ms");
                Figures baseline = null;
                List<String> ratios = new ArrayList<>();
                for (String page : pages) {
                    // Warm-up: caches, JIT, connection pool.
                    Figures warm = measure(clients, page, Math.max(1, seconds / 10));
                    if (!warm.slow().isEmpty()) {
                        System.out.printf("  %s warm-up, requests over 1 s: %s%n", page, warm.slow());
                    }
                    // CPU per request, of this JVM (the hub and the load's clients) and of the database's backends:
                    // on a shared machine the figure to compare between runs, where wall times are not.
                    double cpu = Machine.cpuSeconds();
                    double pg = Machine.postgresCpuSeconds(db.name);
                    Figures f = measure(clients, page, seconds);
                    double perRequest = 1000.0 / Math.max(1, f.count() + f.errors());
                    System.out.printf(Locale.ROOT, "%-16s %,9d %9.1f %9.1f %9.1f %9.1f %9.1f %7d %7d %12.2f %12.2f%n",
                            page, f.count(), f.count() / (double) seconds, f.percentile(50), f.percentile(95),
                            f.percentile(99), f.percentile(100), f.over(1000), f.errors(),
                            (Machine.cpuSeconds() - cpu) * perRequest,
                            (Machine.postgresCpuSeconds(db.name) - pg) * perRequest);
                    if (!f.slow().isEmpty()) {
                        System.out.printf("  %s requests over 1 s: %s%n", page, f.slow());
                    }
                    if (baseline == null) {
                        baseline = f;
                    } else {
                        ratios.add(String.format(Locale.ROOT, "  %s p95 / %s p95: %.2fx", page, pages.get(0),
                                f.percentile(95) / baseline.percentile(95)));
                    }
                }
                System.out.printf("Baseline: '%s' (the home page, no attendance queries) shows what the web stack "
                        + "costs. Ratios (same run; aim for the LA overview: 3x, no request over 1 s):%n", pages.get(0));
                ratios.forEach(System.out::println);
            }
        }
    }

    private static List<Browser> signIn(Users accounts, java.time.Clock clock, String base, int users)
            throws Exception {
        List<Browser> clients = new ArrayList<>();
        // Named for the run: a kept database already holds an earlier run's officers.
        String run = Long.toHexString(System.nanoTime() & 0xffffff);
        for (int i = 0; i < users; i++) {
            String name = "bench-officer-" + run + "-" + i;
            Users.NewAccount account = accounts.create(name, "Officer " + i, Role.LA_ATTENDANCE_OFFICER,
                    Organisation.la("926"));
            clients.add(new Browser(base, name, account.password(), Totp.code(account.totpSecret(), clock.instant())));
        }
        return clients;
    }

    /** One signed-in user's browser: a session cookie, no redirects followed. */
    static final class Browser {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base;

        Browser(String base, String username, String password, String code) throws Exception {
            this.base = base;
            Matcher csrf = CSRF.matcher(get("/sign-in").body());
            if (!csrf.find()) {
                throw new IllegalStateException("The sign-in page has no CSRF token");
            }
            String form = "username=" + enc(username) + "&password=" + enc(password) + "&code=" + enc(code)
                    + "&_csrf=" + enc(csrf.group(1));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("Sign-in failed for " + username + ": " + r.statusCode() + " to "
                        + r.headers().firstValue("Location").orElse("nowhere"));
            }
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /**
     * Latencies in milliseconds of every request that answered 200, how many did not, and when each request over a
     * second started (seconds into the measurement) and took.
     */
    record Figures(double[] millis, int errors, List<String> slow) {
        int count() {
            return millis.length;
        }

        long over(double limit) {
            return java.util.Arrays.stream(millis).filter(m -> m > limit).count();
        }

        double percentile(int p) {
            if (millis.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * millis.length);
            return millis[Math.max(0, Math.min(millis.length - 1, rank - 1))];
        }
    }

    private static Figures measure(List<Browser> clients, String page, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger errors = new AtomicInteger();
        List<String> slow = java.util.Collections.synchronizedList(new ArrayList<>());
        long begin = System.nanoTime();
        long end = begin + seconds * 1_000_000_000L;
        List<Future<List<Double>>> runs = new ArrayList<>();
        for (Browser client : clients) {
            runs.add(pool.submit(() -> {
                List<Double> mine = new ArrayList<>();
                start.await();
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    int status = client.get(page).statusCode();
                    double millis = (System.nanoTime() - t) / 1e6;
                    if (millis > 1000) {
                        slow.add(String.format(Locale.ROOT, "%.0f ms at %.2f s", millis, (t - begin) / 1e9));
                    }
                    if (status == 200) {
                        mine.add(millis);
                    } else {
                        errors.incrementAndGet();
                    }
                }
                return mine;
            }));
        }
        start.countDown();
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> r : runs) {
            all.addAll(r.get());
        }
        pool.shutdown();
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Figures(sorted, errors.get(), List.copyOf(slow));
    }
}

package org.rollbridge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.rollbridge.core.identity.Upn;
import org.rollbridge.core.testing.Seed;
import org.rollbridge.core.testing.SeededCases;

/**
 * Whatever marks were acknowledged and however the next export differs, the delta is exactly the marks of the
 * resend window that are new or changed: nothing missed, nothing repeated.
 */
class DeltaProperties {

    static final String SCHOOL = "9264001";
    static final String[] CODES = {"/", "\\", "L", "I", "M", "O", "C", "U"};
    static final LocalDate START = LocalDate.of(2025, 9, 1);

    @SeededCases(40)
    void theDeltaIsExactlyTheNewOrChangedMarksOfTheWindow(Seed seed) throws Exception {
        int pupils = seed.between(1, 6);
        int days = seed.between(1, 20);
        int window = seed.between(1, 10);
        java.util.SplittableRandom random = seed.random();
        Path dir = Files.createTempDirectory("delta-prop");
        AgentHome home = new AgentHome(dir.resolve("home"));
        Ledgers ledgers = new Ledgers(home, SCHOOL);
        Outbox outbox = new Outbox(home);
        Extraction extraction = new Extraction(SCHOOL, window);

        Map<String, String> before = marks(pupils, days, random, Map.of(), 0);
        Extraction.Result first = extraction.extract(write(dir, "attendance-1.csv", before), Feed.ATTENDANCE,
                ledgers, outbox.list().batches());
        if (first.hasBatch()) {
            OutboxBatch b = outbox.add("attendance-1", Feed.ATTENDANCE, "a", first.batchRecords(), first.content());
            ledgers.acknowledge(b, window);
            outbox.acknowledged(b);
        }
        Map<String, String> after = marks(pupils, days + 1, random, before, random.nextInt(1, 5));

        Extraction.Result second = extraction.extract(write(dir, "attendance-2.csv", after), Feed.ATTENDANCE,
                ledgers, outbox.list().batches());

        LocalDate newestBefore = START.plusDays(days - 1);
        LocalDate newestAfter = START.plusDays(days);
        Set<String> expected = new HashSet<>();
        after.forEach((key, code) -> {
            LocalDate day = LocalDate.parse(key.split(",")[1]);
            boolean inWindow = !day.isBefore(newestAfter.minusDays(window - 1));
            boolean acknowledged = !day.isBefore(newestBefore.minusDays(window - 1)) && code.equals(before.get(key));
            if (inWindow && !acknowledged) {
                expected.add(SCHOOL + "," + key + "," + code);
            }
        });
        Set<String> sent = second.hasBatch() ? new HashSet<>(new String(second.content(), StandardCharsets.UTF_8)
                .lines().skip(1).toList()) : Set.of();
        assertThat(sent).isEqualTo(expected);
    }

    /** Marks "upn,date,session" -> code; with a base, keeps its codes but changes {@code changes} of them. */
    static Map<String, String> marks(int pupils, int days, java.util.SplittableRandom random,
                                     Map<String, String> base, int changes) {
        Map<String, String> marks = new java.util.TreeMap<>();
        for (int p = 1; p <= pupils; p++) {
            String upn = Upn.compose("926", "4001", 25, p).value();
            for (int d = 0; d < days; d++) {
                for (String s : new String[] {"AM", "PM"}) {
                    String key = upn + "," + START.plusDays(d) + "," + s;
                    marks.put(key, base.getOrDefault(key, CODES[random.nextInt(CODES.length)]));
                }
            }
        }
        var keys = new java.util.ArrayList<>(base.keySet());
        for (int i = 0; i < changes && !keys.isEmpty(); i++) {
            marks.put(keys.get(random.nextInt(keys.size())), CODES[random.nextInt(CODES.length)]);
        }
        return marks;
    }

    static Path write(Path dir, String name, Map<String, String> marks) throws Exception {
        StringBuilder csv = new StringBuilder("laestab,upn,date,session,code\n");
        marks.forEach((key, code) -> csv.append(SCHOOL).append(',').append(key).append(',').append(code).append('\n'));
        return Files.writeString(dir.resolve(name), csv);
    }
}

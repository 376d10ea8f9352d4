package org.rollbridge.hub.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A follow-up wave's schools are shared out: a second job that finds the wave running recomputes the schools not
 * yet started while the leading job recomputes its own, each school once, and the leading job's outcome counts
 * them all; a school that fails leaves the wave failed for both, so its pupils stay waiting.
 */
class AlertFollowUpWaveTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 10, 24);
    private static final UUID TAKEN = UUID.randomUUID();

    /** Recomputes nothing: counts which thread took each school, and can hold the first school until released. */
    static final class CountingRecompute extends AlertRecompute {
        final Map<String, String> byThread = new ConcurrentHashMap<>();
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile String failing;

        CountingRecompute() {
            super(null, null, null, null, null, null, null, null);
        }

        @Override
        Outcome school(String laestab, Long[] persons, LocalDate asOf) {
            assertThat(byThread.put(laestab, Thread.currentThread().getName())).as("recomputed twice").isNull();
            if (firstStarted.getCount() > 0) {
                firstStarted.countDown();
                await(release);
            }
            if (laestab.equals(failing)) {
                throw new IllegalStateException("school " + laestab + " failed");
            }
            return new Outcome(1, persons.length, 0, AlertCases.Changes.NONE);
        }
    }

    @Test
    void aSecondJobRecomputesTheSchoolsNotYetStartedAndTheLeaderCountsThemAll() throws Exception {
        CountingRecompute recompute = new CountingRecompute();
        AlertFollowUp.Wave wave = new AlertFollowUp.Wave(List.of(TAKEN), schools(4), TODAY);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // The leading job takes the first school and is held there; meanwhile a second job helps.
            Future<AlertRecompute.Outcome> leader = pool.submit(() -> {
                wave.help(recompute);
                return wave.finished();
            });
            await(recompute.firstStarted);
            Future<Boolean> helper = pool.submit(() -> {
                wave.help(recompute);
                return wave.took(TAKEN) && wave.recomputed();
            });
            // The helper recomputes the three schools left, then waits for the leader's school.
            while (recompute.byThread.size() < 4) {
                Thread.sleep(5);
            }
            recompute.release.countDown();

            assertThat(helper.get(30, TimeUnit.SECONDS)).isTrue();
            AlertRecompute.Outcome outcome = leader.get(30, TimeUnit.SECONDS);
            assertThat(outcome.schools()).isEqualTo(4);
            assertThat(outcome.pupils()).isEqualTo(4 * 3);
            assertThat(recompute.byThread.values().stream().distinct()).as("threads that recomputed").hasSize(2);
            assertThat(wave.took(UUID.randomUUID())).as("a batch merged after the wave began").isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSchoolThatFailsLeavesTheWaveFailedForTheHelperAndTheLeader() {
        CountingRecompute recompute = new CountingRecompute();
        recompute.firstStarted.countDown();
        recompute.failing = "9260002";
        AlertFollowUp.Wave wave = new AlertFollowUp.Wave(List.of(TAKEN), schools(4), TODAY);

        wave.help(recompute);

        assertThat(recompute.byThread).as("no school taken after the failure").containsOnlyKeys("9260001", "9260002");
        assertThat(wave.recomputed()).isFalse();
        assertThatThrownBy(wave::finished).hasMessageContaining("9260002");
    }

    private static Map<String, Long[]> schools(int n) {
        Map<String, Long[]> schools = new java.util.LinkedHashMap<>();
        for (int s = 1; s <= n; s++) {
            schools.put("926000" + s, new Long[] {s * 10L, s * 10L + 1, s * 10L + 2});
        }
        return schools;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("waited too long").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

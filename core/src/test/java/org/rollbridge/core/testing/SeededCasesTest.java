package org.rollbridge.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.jupiter.api.Test;

/** The promise every property test relies on: a failing case names its seed, and that seed replays it. */
class SeededCasesTest {

    /** Run only through the launcher below (surefire leaves nested classes alone). */
    static class EveryCaseFails {
        static final List<Long> SEEN = new ArrayList<>();

        @SeededCases(3)
        void never(Seed seed) {
            SEEN.add(seed.value());
            assertThat(seed.value()).isEqualTo(seed.value() + 1);
        }
    }

    @Test
    void aFailureNamesItsSeedAndTheSeedReplaysIt() {
        TestExecutionSummary all = run();
        assertThat(EveryCaseFails.SEEN).hasSize(3).doesNotHaveDuplicates();
        assertThat(all.getTotalFailureCount()).isEqualTo(3);
        long failed = EveryCaseFails.SEEN.getFirst();
        assertThat(all.getFailures().getFirst().getException()).hasMessageStartingWith("never failed with seed "
                + failed + "; run it again with -Drollbridge.seed=" + failed + " -Dtest=EveryCaseFails#never");

        EveryCaseFails.SEEN.clear();
        String before = System.getProperty(SeededCases.REPLAY_PROPERTY);
        System.setProperty(SeededCases.REPLAY_PROPERTY, Long.toString(failed));
        try {
            TestExecutionSummary replay = run();
            assertThat(EveryCaseFails.SEEN).containsExactly(failed);
            assertThat(replay.getTotalFailureCount()).isEqualTo(1);
        } finally {
            if (before == null) {
                System.clearProperty(SeededCases.REPLAY_PROPERTY);
            } else {
                System.setProperty(SeededCases.REPLAY_PROPERTY, before);
            }
        }
    }

    @Test
    void aSeedDrawsTheSameCaseEveryTime() {
        Seed one = new Seed(42);
        Seed two = new Seed(42);
        assertThat(one.list(0, 50, () -> one.string("abc", 0, 9)))
                .isEqualTo(two.list(0, 50, () -> two.string("abc", 0, 9)));
        assertThat(one).hasToString("seed 42");
    }

    private static TestExecutionSummary run() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(EveryCaseFails.class)).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return listener.getSummary();
    }
}

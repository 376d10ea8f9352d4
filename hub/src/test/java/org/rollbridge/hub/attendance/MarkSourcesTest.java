package org.rollbridge.hub.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which batch sent each mark: kept per session, and the list of batches kept to those still named. */
class MarkSourcesTest {

    static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID SECOND = UUID.fromString("00000000-0000-0000-0000-000000000002");

    @Test
    void aRowStoredBeforeSourcesWereKeptNamesItsLastBatchForEveryStoredMark() {
        MarkSources sources = MarkSources.of(null, null, "/ \\", FIRST);

        assertThat(sources.batchAt(0)).contains(FIRST);
        assertThat(sources.batchAt(1)).isEmpty();
        assertThat(sources.batchAt(2)).contains(FIRST);
    }

    @Test
    void aBatchNoMarkNamesAnyMoreIsDroppedWhenCompacted() {
        MarkSources sources = MarkSources.of(null, null, "//", FIRST);
        sources.sent(0, SECOND);
        sources.sent(1, SECOND);
        sources.sent(5, FIRST);

        MarkSources compacted = sources.compacted();

        assertThat(compacted.batchesLiteral()).isEqualTo("{" + SECOND + "," + FIRST + "}");
        assertThat(compacted.text()).isEqualTo("00   1");
        assertThat(compacted.batchAt(5)).contains(FIRST);
        assertThat(compacted.batchAt(3)).isEmpty();
    }
}

package org.rollbridge.hub.ingest;

import java.util.UUID;

/**
 * Observes the pipeline between its steps. The operations metrics use it, and the crash-recovery tests use it to
 * stop a batch between staging and merging.
 */
public interface PipelineProbe {

    enum Step { STAGED, MATCHED, MERGED }

    void after(Step step, UUID batchId);
}

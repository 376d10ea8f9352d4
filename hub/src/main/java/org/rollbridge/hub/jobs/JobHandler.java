package org.rollbridge.hub.jobs;

import java.util.UUID;

/** Does one kind of queued work. Must be safe to redo: a job interrupted by a crash runs again. */
public interface JobHandler {

    String kind();

    void run(UUID batchId) throws Exception;

    /** Called once the job has failed ROLLBRIDGE_JOB_MAX_ATTEMPTS times. */
    default void gaveUp(UUID batchId, String error) {
    }
}

package org.rollbridge.hub.jobs;

import java.util.UUID;

/** Does one kind of queued work. Must be safe to redo: a job interrupted by a crash runs again. */
public interface JobHandler {

    String kind();

    void run(UUID batchId) throws Exception;

    /**
     * Thrown by {@link #run} when the job must wait for other work (a batch received earlier): the job goes back to
     * the queue to be tried again after the poll interval, and the wait is not counted as a failed attempt.
     */
    final class NotYet extends Exception {
        public NotYet(String why) {
            super(why);
        }
    }

    /** Called once the job has failed ROLLBRIDGE_JOB_MAX_ATTEMPTS times. */
    default void gaveUp(UUID batchId, String error) {
    }
}

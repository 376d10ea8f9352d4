package org.rollbridge.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

/**
 * What {@code agent status} reports besides the outbox: the last export taken from the drop folder, the last
 * batch the hub acknowledged, the last validation summary, whether the school paused sending, the last problem.
 * Kept in status.json; counts and file names only.
 */
public record AgentStatus(Extract lastExtract, Acknowledged lastAcknowledged, ValidationSummary lastValidation,
                          boolean paused, String pausedAt, String lastProblem) {

    /** An export read from the drop folder, and the batch made of it (none when nothing had changed). */
    public record Extract(String file, String feed, String at, int records, String batchId, int batchRecords) {
    }

    /** A batch the hub acknowledged, with the hub's own id and status for it. */
    public record Acknowledged(String batchId, String feed, int records, String hubBatchId, String hubStatus,
                               String at) {
    }

    static AgentStatus empty() {
        return new AgentStatus(null, null, null, false, null, null);
    }

    public static AgentStatus load(AgentHome home) throws IOException {
        try {
            return AgentHome.JSON.readValue(Files.readAllBytes(home.statusFile()), AgentStatus.class);
        } catch (NoSuchFileException e) {
            return empty();
        } catch (tools.jackson.core.JacksonException e) {
            return empty().withProblem("status.json was unreadable and has been started afresh");
        }
    }

    public void save(AgentHome home) throws IOException {
        DurableFiles.write(home.statusFile(), AgentHome.JSON.writeValueAsBytes(this));
    }

    AgentStatus withExtract(Extract e, ValidationSummary v) {
        return new AgentStatus(e, lastAcknowledged, v, paused, pausedAt, lastProblem);
    }

    AgentStatus withAcknowledged(Acknowledged a) {
        return new AgentStatus(lastExtract, a, lastValidation, paused, pausedAt, lastProblem);
    }

    AgentStatus withPaused(boolean p, String at) {
        return new AgentStatus(lastExtract, lastAcknowledged, lastValidation, p, at, lastProblem);
    }

    AgentStatus withProblem(String problem) {
        return new AgentStatus(lastExtract, lastAcknowledged, lastValidation, paused, pausedAt, problem);
    }
}

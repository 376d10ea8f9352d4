package org.rollbridge.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import tools.jackson.core.JacksonException;

/**
 * Names every batch the agent makes: the feed, this installation and the next number of a durable sequence
 * ({@code HOME/state/batch-sequence.json}), e.g. {@code attendance-3f09a1c27be4-42}. An id is never made from the
 * content, so a value the MIS puts back (a postcode A, then B, then A again) is a new batch the hub applies, not
 * one it already has. A batch keeps its id in the outbox until the hub acknowledges it, so a resend after a crash
 * or a lost answer is still the same batch. The number is on disk before the id is used, so no id is handed out
 * twice; the installation part, drawn at random the first time, keeps a new home (an agent installed again) from
 * reusing an earlier home's ids.
 */
public final class BatchSequence {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path file;

    /** What the file holds: this installation's part of every id, and the last number handed out. */
    record State(String installation, long last) {
    }

    public BatchSequence(AgentHome home) {
        this.file = home.ledgers().resolve("batch-sequence.json");
    }

    /** A new batch id for the feed. */
    public synchronized String next(Feed feed) throws IOException {
        State current = read();
        State next = new State(current.installation(), current.last() + 1);
        DurableFiles.write(file, AgentHome.JSON.writeValueAsBytes(next));
        return feed.id() + "-" + next.installation() + "-" + next.last();
    }

    private State read() throws IOException {
        try {
            State state = AgentHome.JSON.readValue(Files.readAllBytes(file), State.class);
            if (state.installation() == null || state.installation().isBlank() || state.last() < 0) {
                throw new IOException(file + " is damaged; move it aside and the agent starts a new sequence");
            }
            return state;
        } catch (NoSuchFileException e) {
            byte[] installation = new byte[6];
            RANDOM.nextBytes(installation);
            return new State(HexFormat.of().formatHex(installation), 0);
        } catch (JacksonException e) {
            throw new IOException(file + " is damaged (" + e.getOriginalMessage() + "); move it aside and the agent "
                    + "starts a new sequence", e);
        }
    }
}

package org.rollbridge.agent;

/** The agent cannot go on until a person acts: the message says what to do; the exit code says which case. */
public final class AgentStopped extends Exception {

    /** The hub refused the credential (revoked, unknown, another school's): enrol again. */
    public static final int CREDENTIAL = 3;
    /** The school has paused sending. */
    public static final int PAUSED = 4;
    /** Anything else that needs a person: the clock, the configuration. */
    public static final int OTHER = 1;

    private final int exitCode;

    public AgentStopped(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}

package org.rollbridge.core.ctf;

/**
 * A Common Transfer File that cannot be read as a whole. The message says what was wrong, where, and what to do;
 * it names the pupil by position only, so it is safe to log. The pupil's UPN, for a user allowed to see it, is
 * {@link #pupilUpn()}.
 */
public final class CtfReadException extends Exception {

    /** What kind of problem stopped the read. */
    public enum Problem {
        /** Not well-formed XML, including a file that ends too soon (truncated). */
        MALFORMED,
        /** The file has a document type declaration; CTFs have none, and DTDs are refused for safety. */
        DTD_FORBIDDEN,
        /** No {@code Header} in the {@code CTfile}. */
        HEADER_MISSING,
        /** Not XML, or XML whose root is not {@code CTfile}. */
        NOT_A_CTF,
        /** Bytes that are not text in the file's encoding, or an encoding declaration that contradicts the bytes. */
        ENCODING,
        /** A single value, or a pupil, larger than any real CTF holds. */
        TOO_LARGE,
        /** The file could not be read from disk or the network. */
        IO
    }

    private final Problem kind;
    private final int line;
    private final int column;
    private final int pupilIndex;
    private final String pupilUpn;

    CtfReadException(Problem kind, String message, int line, int column, int pupilIndex, String pupilUpn,
                     Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.pupilIndex = pupilIndex;
        this.pupilUpn = pupilUpn;
    }

    public Problem kind() {
        return kind;
    }

    /** Line of the problem (from 1), or -1 when it is not tied to a place in the file. */
    public int line() {
        return line;
    }

    /** Column of the problem (from 1), or -1. */
    public int column() {
        return column;
    }

    /** Position (from 1) of the pupil being read when the problem was found; 0 when outside any pupil. */
    public int pupilIndex() {
        return pupilIndex;
    }

    /** UPN of the pupil being read, when it had been read already; otherwise null. Personal data: do not log. */
    public String pupilUpn() {
        return pupilUpn;
    }
}

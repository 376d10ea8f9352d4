package org.rollbridge.core.ctf;

import java.io.IOException;
import java.io.Reader;

/**
 * The characters the XML parser reads, counted on the way through. It tracks the line and column reached (so an
 * encoding error can be placed exactly), notices the end of the input (so a parse error there is reported as a
 * truncated file), remembers the first failure of the underlying input, and refuses a run of more than
 * {@link #MAX_RUN} characters without markup: whatever the parser buffers internally, no comment, attribute or
 * text can grow without bound.
 */
final class InputGuard extends Reader {

    /** Longest stretch of characters without a {@code <}; a CTF's longest value is a marks string of ~730. */
    static final int MAX_RUN = 1 << 20;

    /** Thrown into the parser when a run is too long; the reader reports it as {@code TOO_LARGE}. */
    static final class RunTooLong extends IOException {
        RunTooLong() {
            super("more than " + MAX_RUN + " characters without markup");
        }
    }

    private final Reader in;
    private int pending = -1;
    private long run;
    private int line = 1;
    private int column = 1;
    private boolean ended;
    private IOException failure;

    InputGuard(Reader in) {
        this.in = in;
    }

    /** Skips whitespace before the first markup; returns the first other character (kept for the parser), or -1. */
    int skipLeadingWhitespace() throws IOException {
        int c;
        long skipped = 0;
        while ((c = readOne()) >= 0 && (Character.isWhitespace(c) || c == '\uFEFF')) {
            if (++skipped > MAX_RUN) {
                throw record(new RunTooLong());
            }
        }
        line = 1;
        column = 1;
        pending = c;
        return c;
    }

    private int readOne() throws IOException {
        try {
            int c = in.read();
            if (c < 0) {
                ended = true;
            }
            return c;
        } catch (IOException e) {
            throw record(e);
        }
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n;
        if (pending >= 0) {
            buf[off] = (char) pending;
            pending = -1;
            n = 1;
        } else {
            try {
                n = in.read(buf, off, len);
            } catch (IOException e) {
                throw record(e);
            }
            if (n < 0) {
                ended = true;
                return n;
            }
        }
        count(buf, off, n);
        return n;
    }

    private void count(char[] buf, int off, int n) throws IOException {
        long r = run;
        int l = line;
        int col = column;
        for (int i = off, end = off + n; i < end; i++) {
            char c = buf[i];
            if (c == '<') {
                r = 0;
            } else if (++r > MAX_RUN) {
                throw record(new RunTooLong());
            }
            if (c == '\n') {
                l++;
                col = 1;
            } else {
                col++;
            }
        }
        run = r;
        line = l;
        column = col;
    }

    private IOException record(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    IOException failure() {
        return failure;
    }

    boolean ended() {
        return ended;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

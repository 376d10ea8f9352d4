package org.rollbridge.agent;

import java.io.PrintStream;
import java.util.function.LongConsumer;

/** A progress bar on stderr, drawn only when a person is watching (a console); silent under a service. */
public final class Progress implements LongConsumer {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private final long total;
    private long done;
    private int drawn = -1;

    private Progress(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
    }

    /** A bar when stderr goes to a terminal, else one that draws nothing. */
    public static LongConsumer start(String label, long total) {
        return System.console() == null ? n -> { } : new Progress(System.err, label, total);
    }

    @Override
    public void accept(long bytes) {
        done += bytes;
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent == drawn) {
            return;
        }
        drawn = percent;
        int filled = percent * WIDTH / 100;
        out.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "%");
        if (percent == 100) {
            out.println();
        }
        out.flush();
    }
}

package org.rollbridge.core.validation;

import java.util.Arrays;

/**
 * The sessions one pupil has a mark for in a session-level feed, each with the line it came on: a small
 * open-addressing table of primitive ints, so a year of marks for a whole LA does not box 40 million objects.
 */
final class SessionIndex {

    private static final int EMPTY = Integer.MIN_VALUE;

    private int[] keys = new int[16];
    private long[] lines = new long[16];
    private int size;

    SessionIndex() {
        Arrays.fill(keys, EMPTY);
    }

    /** Records the session's line; returns the line of an earlier mark for the same session, or -1. */
    long put(int session, long line) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = mix(session) & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == session) {
                return lines[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = session;
        lines[i] = line;
        size++;
        return -1;
    }

    private void grow() {
        int[] oldKeys = keys;
        long[] oldLines = lines;
        keys = new int[oldKeys.length * 2];
        lines = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldLines[i]);
            }
        }
    }

    private static int mix(int x) {
        int h = x * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}

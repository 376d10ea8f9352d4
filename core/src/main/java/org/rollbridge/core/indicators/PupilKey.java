package org.rollbridge.core.indicators;

import java.util.Objects;

/** A pupil at a school: UPN and the school's LAESTAB. The same child at two schools is two keys. */
public record PupilKey(String upn, String laestab) implements Comparable<PupilKey> {

    public PupilKey {
        Objects.requireNonNull(upn, "upn");
        Objects.requireNonNull(laestab, "laestab");
    }

    @Override
    public int compareTo(PupilKey o) {
        int c = laestab.compareTo(o.laestab);
        return c != 0 ? c : upn.compareTo(o.upn);
    }

    @Override
    public String toString() {
        return laestab + "/" + upn;
    }
}

package org.rollbridge.core.indicators;

import java.util.Locale;
import java.util.Objects;
import org.rollbridge.core.identity.Laestab;

/** A pupil at a school: UPN and the school's LAESTAB. The same child at two schools is two keys. */
public record PupilKey(String upn, String laestab) implements Comparable<PupilKey> {

    public PupilKey {
        Objects.requireNonNull(upn, "upn");
        Objects.requireNonNull(laestab, "laestab");
    }

    /**
     * The key as files write it, tidied: the UPN stripped and in capitals, the LAESTAB as seven digits when it is
     * one ({@code 926/2001} and {@code 926-2001} are {@code 9262001}).
     */
    public static PupilKey of(String upn, String laestab) {
        String school = Laestab.parse(laestab).map(Laestab::code).orElse(laestab == null ? "" : laestab.strip());
        return new PupilKey(upn == null ? "" : upn.strip().toUpperCase(Locale.ROOT), school);
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

package org.rollbridge.core.ctf;

import org.rollbridge.core.pupil.Pupil;

/**
 * Receives a CTF's contents as {@link CtfReader} streams through the file: the header when it is read, then each
 * pupil in file order. If the read then fails ({@link CtfReadException}), the file as a whole is bad: a consumer
 * that stored pupils as they came must discard them (a truncated file must never look like a shorter roll).
 */
public interface CtfVisitor {

    default void header(CtfHeader header) {
    }

    void pupil(Pupil pupil, PupilPosition where);
}

package org.rollbridge.core.validation;

import org.rollbridge.core.pupil.Pupil;

/** One check of a pupil record from a CTF: reports what it finds to the sink, changes nothing. */
@FunctionalInterface
public interface PupilCheck {
    void check(Pupil pupil, CheckContext context, FindingSink out);
}

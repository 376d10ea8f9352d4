package org.rollbridge.core.indicators;

import java.time.LocalDate;
import org.rollbridge.core.pupil.Pupil;

/**
 * When the pupil was on the school's roll: admitted on {@code admitted}, last day on roll {@code left} (either may
 * be unknown). Marks outside it are not the pupil's sessions and are ignored.
 */
public record Enrolment(LocalDate admitted, LocalDate left) {

    public static final Enrolment ALWAYS = new Enrolment(null, null);

    public static Enrolment of(Pupil pupil) {
        return new Enrolment(pupil.admissionDate().date().orElse(null), pupil.leavingDate().date().orElse(null));
    }

    public boolean onRoll(LocalDate date) {
        return (admitted == null || !date.isBefore(admitted)) && (left == null || !date.isAfter(left));
    }
}

package org.rollbridge.core.indicators.movement;

import java.time.LocalDate;
import java.util.Objects;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.indicators.PupilKey;
import org.rollbridge.core.pupil.Pupil;

/** A pupil on one school's roll. */
public record RollEntry(String laestab, Pupil pupil) {

    public RollEntry {
        Objects.requireNonNull(laestab, "laestab");
        Objects.requireNonNull(pupil, "pupil");
    }

    public PupilKey key() {
        return PupilKey.of(pupil.upn(), laestab);
    }

    /**
     * On the roll on {@code date}: admitted by then (or admission unknown), not left before it, and not recorded as
     * a previous pupil.
     */
    public boolean onRoll(LocalDate date) {
        if (pupil.enrolStatus().known().orElse(null) == EnrolStatus.P) {
            return false;
        }
        LocalDate admitted = pupil.admissionDate().date().orElse(null);
        LocalDate left = pupil.leavingDate().date().orElse(null);
        return (admitted == null || !admitted.isAfter(date)) && (left == null || !left.isBefore(date));
    }

    public boolean subsidiaryRegistration() {
        return pupil.enrolStatus().known().orElse(null) == EnrolStatus.S;
    }

    public boolean dualRegistered() {
        return pupil.enrolStatus().known().map(EnrolStatus::dualRegistered).orElse(false);
    }
}

package org.rollbridge.synth;

import java.time.LocalDate;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.code.ExclusionReason;

/** A child's place on one school's admission register, with what happens to it during the period. */
final class Enrolment {

    final Child child;
    final School school;
    LocalDate start;
    /** Last day on roll, or null when still on roll at the end of the period. */
    LocalDate end;
    EnrolStatus status = EnrolStatus.C;
    String leavingDestination;
    boolean nonStandardJoin;
    /** Weekdays (bit n for ISO day n) the child spends at the subsidiary school of a dual registration. */
    int subsidiaryDays;
    LocalDate dualFrom;
    LocalDate permanentExclusion;
    ExclusionReason exclusionReason;
    boolean reinstated;
    boolean appealReceived;
    LocalDate partTimeFrom;
    LocalDate partTimeTo;
    LocalDate streakFrom;
    int streakDays;

    Enrolment(Child child, School school, LocalDate start) {
        this.child = child;
        this.school = school;
        this.start = start;
    }

    boolean onRoll(LocalDate d) {
        return !d.isBefore(start) && (end == null || !d.isAfter(end));
    }

    /** On this day the child is registered here but expected at the other school of a dual registration. */
    boolean atOtherSchool(LocalDate d) {
        if (subsidiaryDays == 0 || d.isBefore(dualFrom)) {
            return false;
        }
        boolean subsidiaryDay = (subsidiaryDays & (1 << d.getDayOfWeek().getValue())) != 0;
        return status == EnrolStatus.S ? !subsidiaryDay : subsidiaryDay;
    }
}

package org.rollbridge.core.validation;

import java.util.List;
import org.rollbridge.core.pupil.Pupil;

/** Every check of a single CTF pupil record, in the order a school reads the findings. */
public final class PupilValidator {

    /** The checks, each a small function of the pupil and the file's context. */
    public static final List<PupilCheck> CHECKS = List.of(
            IdentifierChecks::upn,
            IdentifierChecks::formerUpns,
            IdentifierChecks::uln,
            NameChecks::names,
            BirthChecks::dob,
            BirthChecks::yearGroup,
            CodeChecks::sex,
            CodeChecks::ethnicity,
            CodeChecks::ncYear,
            CodeChecks::enrolStatus,
            CodeChecks::sen,
            IdentifierChecks::postcode,
            RollChecks::admission,
            RollChecks::leaving,
            RollChecks::periodDates,
            ContactChecks::contacts,
            AttendanceChecks::years,
            AttendanceChecks::school);

    private PupilValidator() {
    }

    public static void check(Pupil pupil, CheckContext context, FindingSink out) {
        for (PupilCheck check : CHECKS) {
            check.check(pupil, context, out);
        }
    }
}

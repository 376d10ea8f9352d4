package org.rollbridge.core.validation;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.pupil.Pupil;

/** Date of birth: present, a real date, a plausible age on the file date, consistent with the year group. */
public final class BirthChecks {

    static final int YOUNGEST = 2;
    static final int OLDEST = 25;

    private BirthChecks() {
    }

    public static void dob(Pupil pupil, CheckContext context, FindingSink out) {
        if (!pupil.dob().present()) {
            out.add(Rule.DOB_MISSING, "DOB", null);
            return;
        }
        Optional<LocalDate> dob = pupil.dob().date();
        if (dob.isEmpty()) {
            out.add(Rule.DOB_INVALID, "DOB", pupil.dob().text(), pupil.dob().text());
            return;
        }
        if (dob.get().isAfter(context.fileDate())) {
            out.add(Rule.DOB_IMPLAUSIBLE, "DOB", pupil.dob().text(), pupil.dob().text(), "not yet born",
                    context.fileDate());
            return;
        }
        int age = Period.between(dob.get(), context.fileDate()).getYears();
        if (age < YOUNGEST || age > OLDEST) {
            out.add(Rule.DOB_IMPLAUSIBLE, "DOB", pupil.dob().text(), pupil.dob().text(), "aged " + age,
                    context.fileDate());
        }
    }

    public static void yearGroup(Pupil pupil, CheckContext context, FindingSink out) {
        Optional<NcYear> actual = pupil.ncYear().known();
        Optional<LocalDate> dob = pupil.dob().date();
        if (actual.isEmpty() || actual.get() == NcYear.X || dob.isEmpty() || dob.get().isAfter(context.fileDate())) {
            return;
        }
        Optional<NcYear> expected = NcYear.expectedFor(dob.get(), context.fileDate());
        if (expected.isPresent() && expected.get() != actual.get()) {
            out.add(Rule.DOB_YEAR_GROUP_MISMATCH, "NCyearActual", pupil.ncYear().raw(), pupil.ncYear().raw(),
                    pupil.dob().text(), expected.get().code());
        }
    }
}

package org.rollbridge.core.indicators.movement;

import java.time.LocalDate;
import java.time.Month;
import java.util.Collection;
import org.rollbridge.core.code.NcYear;

/**
 * Whether an admission is at a standard transition point: at the start of the academic year (25 August to 15
 * September: some schools date the new year's admissions in late August, many stagger starts over the first days)
 * into the school's entry year group, Reception or Year 12. Any other
 * admission is in-year, a non-standard transition the school must report to the LA within 5 days. Children of
 * nursery age (E1 to N2) start in any term and are never flagged. Public so that the hub judges its joiners as the
 * command line does.
 */
public final class TransitionPoint {

    private TransitionPoint() {
    }

    public static boolean standard(LocalDate admitted, NcYear year, NcYear schoolEntryYear) {
        if (year != null && year != NcYear.X && year.ageAtStartOfYear() < NcYear.R.ageAtStartOfYear()) {
            return true;
        }
        if (admitted == null || year == null) {
            return false;
        }
        boolean startOfYear = admitted.getMonth() == Month.SEPTEMBER && admitted.getDayOfMonth() <= 15
                || admitted.getMonth() == Month.AUGUST && admitted.getDayOfMonth() >= 25;
        return startOfYear && (year == schoolEntryYear || year == NcYear.R || year == NcYear.Y12);
    }

    /** A school's entry year: the lowest compulsory year group (Reception or above) of the years on its roll. */
    public static NcYear entryYear(Collection<NcYear> onRoll) {
        NcYear entry = null;
        for (NcYear y : onRoll) {
            if (y == null || y == NcYear.X || y.ageAtStartOfYear() < NcYear.R.ageAtStartOfYear()) {
                continue;
            }
            if (entry == null || y.ageAtStartOfYear() < entry.ageAtStartOfYear()) {
                entry = y;
            }
        }
        return entry;
    }
}

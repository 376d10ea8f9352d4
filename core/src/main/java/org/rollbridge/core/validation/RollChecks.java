package org.rollbridge.core.validation;

import java.time.LocalDate;
import java.util.Optional;
import org.rollbridge.core.pupil.FsmPeriod;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.core.pupil.SenProvisionPeriod;

/** Admission and leaving dates, and every other date a pupil record carries being a real date. */
public final class RollChecks {

    private RollChecks() {
    }

    public static void admission(Pupil pupil, CheckContext context, FindingSink out) {
        RecordedDate admitted = pupil.admissionDate();
        if (!admitted.present()) {
            out.add(Rule.ADMISSION_DATE_MISSING, "EntryDate", null);
            return;
        }
        if (invalid("EntryDate", "admission date", admitted, out)) {
            return;
        }
        LocalDate date = admitted.date().orElseThrow();
        if (date.isAfter(context.fileDate())) {
            out.add(Rule.ADMISSION_DATE_FUTURE, "EntryDate", admitted.text(), admitted.text(), context.fileDate());
        }
    }

    public static void leaving(Pupil pupil, CheckContext context, FindingSink out) {
        RecordedDate left = pupil.leavingDate();
        if (!left.present() || invalid("LeavingDate", "leaving date", left, out)) {
            return;
        }
        Optional<LocalDate> admitted = pupil.admissionDate().date();
        if (admitted.isPresent() && left.date().orElseThrow().isBefore(admitted.get())) {
            out.add(Rule.LEAVING_BEFORE_ADMISSION, "LeavingDate", left.text(), left.text(),
                    pupil.admissionDate().text());
        }
    }

    public static void periodDates(Pupil pupil, CheckContext context, FindingSink out) {
        for (FsmPeriod fsm : pupil.fsmHistory()) {
            invalid("FSMstartDate", "FSM start date", fsm.start(), out);
            invalid("FSMendDate", "FSM end date", fsm.end(), out);
        }
        for (SenProvisionPeriod sen : pupil.senProvisions()) {
            invalid("StartDate", "SEN provision start date", sen.start(), out);
            invalid("EndDate", "SEN provision end date", sen.end(), out);
        }
    }

    /** Reports DATE_INVALID when the date is present but not a real date; true when it did. */
    static boolean invalid(String field, String label, RecordedDate date, FindingSink out) {
        if (date.invalid()) {
            out.add(Rule.DATE_INVALID, field, date.text(), label, date.text());
            return true;
        }
        return false;
    }
}

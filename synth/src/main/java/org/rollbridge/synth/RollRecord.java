package org.rollbridge.synth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rollbridge.core.attendance.CtfMarks;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.Ethnicity;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.code.SenNeed;
import org.rollbridge.core.code.SenProvision;
import org.rollbridge.core.pupil.Address;
import org.rollbridge.core.pupil.AttendanceYear;
import org.rollbridge.core.pupil.Contact;
import org.rollbridge.core.pupil.FsmPeriod;
import org.rollbridge.core.pupil.LookedAfter;
import org.rollbridge.core.pupil.Phone;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RankedNeed;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.core.pupil.SenProvisionPeriod;

/** A pupil as the school's full-roll CTF on a snapshot date carries them: the recorded identity, and the truth. */
final class RollRecord {

    private RollRecord() {
    }

    static Pupil of(Enrolment e, Recorded rec, byte[] marks, SchoolCalendar cal, LocalDate snapshot, LaArea area,
                    int academicYear) {
        Child c = e.child;
        Family f = c.family;
        List<SenProvisionPeriod> sen = new ArrayList<>();
        if (!rec.sen.equals(SenProvision.N.code()) || c.sen != SenProvision.N) {
            LocalDate start = c.senStart != null ? c.senStart : e.start;
            sen.add(new SenProvisionPeriod(RecordedDate.of(start), null, Coded.of(SenProvision.class, rec.sen)));
        }
        List<RankedNeed> needs = new ArrayList<>();
        for (int i = 0; i < c.needs.size(); i++) {
            needs.add(new RankedNeed(Coded.of(c.needs.get(i)), i + 1));
        }
        Address home = Address.bs7666(f.houseNumber, f.street, f.locality.place(), area.name(), f.locality.postTown(),
                rec.postcode);
        boolean partTime = e.partTimeFrom != null && !snapshot.isBefore(e.partTimeFrom) && !snapshot.isAfter(e.partTimeTo);
        return Pupil.builder()
                .upn(rec.upn)
                .uln(c.uln)
                .formerUpns(c.formerUpn == null ? List.of() : List.of(c.formerUpn))
                .surname(rec.surname)
                .forename(rec.forename)
                .middleNames(c.middleNames)
                .preferredSurname(c.surname)
                .preferredForename(c.preferredForename == null ? c.forename : c.preferredForename)
                .formerSurnames(c.formerSurname == null ? List.of() : List.of(c.formerSurname))
                .dob(RecordedDate.of(rec.dob))
                .sex(c.sex)
                .gender(Coded.of(c.sex))
                .ethnicity(Coded.of(Ethnicity.class, rec.ethnicity))
                .ethnicitySource("P")
                .firstLanguage(c.firstLanguage)
                .ncYear(Coded.of(NcYear.class, rec.ncYear))
                .enrolStatus(e.status)
                .admissionDate(e.start)
                .partTime(partTime)
                .medicalFlag(false)
                .lookedAfter(new LookedAfter(c.lookedAfter(), c.lookedAfter() ? area.la() : null))
                .fsmHistory(c.fsmStart == null ? List.of() : List.of(new FsmPeriod(RecordedDate.of(c.fsmStart), null, "ENG")))
                .senProvisions(sen)
                .senNeeds(c.sen == SenProvision.N ? List.of() : needs)
                .address(home)
                .contacts(contacts(c))
                .attendance(List.of(attendance(e, marks, cal, snapshot, academicYear)))
                .build();
    }

    private static AttendanceYear attendance(Enrolment e, byte[] marks, SchoolCalendar cal, LocalDate snapshot,
                                             int academicYear) {
        int lastDay = cal.indexOnOrBefore(snapshot);
        int firstSession = -1;
        for (int i = 0; i <= 2 * lastDay + 1 && i < marks.length; i++) {
            if (marks[i] != Mark.NONE) {
                firstSession = i;
                break;
            }
        }
        if (firstSession < 0) {
            return new AttendanceYear(academicYear, e.school.laestab().la(), e.school.laestab().estab(),
                    e.school.name(), 0, 0, 0, 0, RecordedDate.of(e.start), "");
        }
        LocalDate start = cal.sessionDay(firstSession / 2);
        LocalDate lastDate = cal.sessionDay(lastDay);
        int length = (int) (lastDate.toEpochDay() - start.toEpochDay() + 1) * 2;
        char[] text = new char[length];
        java.util.Arrays.fill(text, CtfMarks.NO_MARK);
        int possible = 0;
        int authorised = 0;
        int unauthorised = 0;
        int attended = 0;
        for (int s = firstSession; s <= 2 * lastDay + 1; s++) {
            byte m = marks[s];
            if (m == Mark.NONE) {
                continue;
            }
            int at = (int) (cal.sessionDay(s / 2).toEpochDay() - start.toEpochDay()) * 2 + (s & 1);
            text[at] = Mark.CODES[m].charAt(0);
            if (Mark.possible(m)) {
                possible++;
                if (Mark.unauthorised(m)) {
                    unauthorised++;
                } else if (Mark.absence(m)) {
                    authorised++;
                } else {
                    attended++;
                }
            }
        }
        return new AttendanceYear(academicYear, e.school.laestab().la(), e.school.laestab().estab(), e.school.name(),
                possible, authorised, attended, unauthorised, RecordedDate.of(start), new String(text));
    }

    /** Parents with parental responsibility (one sometimes barred by a court order), others without. */
    static List<Contact> contacts(Child c) {
        Family f = c.family;
        List<Contact> out = new ArrayList<>();
        List<Phone> phones = List.of(new Phone("M", f.phone));
        Address same = Address.sameAsPupil();
        if (c.lookedAfter()) {
            out.add(new Contact(1, "Mrs", "Carer", "Foster", "FOS", false, false, null,
                    List.of(new Phone("M", "07700 900999")), null));
        }
        String title = f.motherSurname.equals(f.surname) && f.fatherForename != null ? "Mrs" : "Ms";
        out.add(new Contact(out.size() + 1, title, f.motherSurname, f.motherForename, "PAR", true, false,
                c.lookedAfter() ? null : same, phones, null));
        if (f.fatherForename != null) {
            out.add(new Contact(out.size() + 1, "Mr", f.surname, f.fatherForename, "PAR", true, f.fatherCourtOrder,
                    f.fatherCourtOrder ? null : same, List.of(), null));
        }
        if (f.stepParent) {
            out.add(new Contact(out.size() + 1, "Mr", f.motherSurname, "Lee", "STP", false, false, same, List.of(), null));
        }
        if (f.grandparentForename != null) {
            out.add(new Contact(out.size() + 1, "Mrs", f.surname, f.grandparentForename, "REL", false, false, null,
                    List.of(), null));
        }
        return out;
    }

    static List<SenNeed> needs(Child c) {
        return c.needs;
    }
}

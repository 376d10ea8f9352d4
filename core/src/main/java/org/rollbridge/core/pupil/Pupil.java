package org.rollbridge.core.pupil;

import java.util.List;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.code.Ethnicity;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.code.SenProvision;
import org.rollbridge.core.code.Sex;

/**
 * A pupil as a school's MIS describes them in a Common Transfer File. Identifiers, dates and codes keep the text
 * the school sent (see {@link RecordedDate}, {@link Coded}) so that nothing is lost before validation; typed views
 * come from the identity and code packages.
 *
 * <p>Special category fields (ethnicity, religion, nationality, residence status, medical flag) are carried here
 * because the file carries them; who may see them is decided by the hub.
 */
public record Pupil(
        String upn,
        String uln,
        List<String> formerUpns,
        String surname,
        String forename,
        String middleNames,
        String preferredSurname,
        String preferredForename,
        List<String> formerSurnames,
        RecordedDate dob,
        Coded<Sex> sex,
        Coded<Sex> gender,
        Coded<Ethnicity> ethnicity,
        String ethnicitySource,
        String firstLanguage,
        String religion,
        String nationality,
        String residenceStatus,
        Coded<NcYear> ncYear,
        Coded<EnrolStatus> enrolStatus,
        RecordedDate admissionDate,
        RecordedDate leavingDate,
        String leavingDestination,
        Boolean partTime,
        Boolean medicalFlag,
        LookedAfter lookedAfter,
        List<FsmPeriod> fsmHistory,
        List<SenProvisionPeriod> senProvisions,
        List<RankedNeed> senNeeds,
        Address address,
        List<Contact> contacts,
        List<AttendanceYear> attendance) {

    public Pupil {
        formerUpns = copy(formerUpns);
        formerSurnames = copy(formerSurnames);
        fsmHistory = copy(fsmHistory);
        senProvisions = copy(senProvisions);
        senNeeds = copy(senNeeds);
        contacts = copy(contacts);
        attendance = copy(attendance);
        dob = dob == null ? RecordedDate.absent() : dob;
        admissionDate = admissionDate == null ? RecordedDate.absent() : admissionDate;
        leavingDate = leavingDate == null ? RecordedDate.absent() : leavingDate;
        sex = sex == null ? Coded.absent() : sex;
        gender = gender == null ? Coded.absent() : gender;
        ethnicity = ethnicity == null ? Coded.absent() : ethnicity;
        ncYear = ncYear == null ? Coded.absent() : ncYear;
        enrolStatus = enrolStatus == null ? Coded.absent() : enrolStatus;
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Sex if sent, else gender (CTF 25 carries both; older files one or the other). */
    public Coded<Sex> sexOrGender() {
        return sex.present() ? sex : gender;
    }

    /** The current SEN provision: the latest period without an end date, if any. */
    public Coded<SenProvision> currentSenProvision() {
        Coded<SenProvision> current = Coded.absent();
        for (SenProvisionPeriod p : senProvisions) {
            if (!p.end().present()) {
                current = p.provision();
            }
        }
        return current;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.upn = upn;
        b.uln = uln;
        b.formerUpns = formerUpns;
        b.surname = surname;
        b.forename = forename;
        b.middleNames = middleNames;
        b.preferredSurname = preferredSurname;
        b.preferredForename = preferredForename;
        b.formerSurnames = formerSurnames;
        b.dob = dob;
        b.sex = sex;
        b.gender = gender;
        b.ethnicity = ethnicity;
        b.ethnicitySource = ethnicitySource;
        b.firstLanguage = firstLanguage;
        b.religion = religion;
        b.nationality = nationality;
        b.residenceStatus = residenceStatus;
        b.ncYear = ncYear;
        b.enrolStatus = enrolStatus;
        b.admissionDate = admissionDate;
        b.leavingDate = leavingDate;
        b.leavingDestination = leavingDestination;
        b.partTime = partTime;
        b.medicalFlag = medicalFlag;
        b.lookedAfter = lookedAfter;
        b.fsmHistory = fsmHistory;
        b.senProvisions = senProvisions;
        b.senNeeds = senNeeds;
        b.address = address;
        b.contacts = contacts;
        b.attendance = attendance;
        return b;
    }

    /** Builds pupils for fixtures, the synthetic LA and readers; unset fields are absent. */
    public static final class Builder {
        private String upn;
        private String uln;
        private List<String> formerUpns;
        private String surname;
        private String forename;
        private String middleNames;
        private String preferredSurname;
        private String preferredForename;
        private List<String> formerSurnames;
        private RecordedDate dob;
        private Coded<Sex> sex;
        private Coded<Sex> gender;
        private Coded<Ethnicity> ethnicity;
        private String ethnicitySource;
        private String firstLanguage;
        private String religion;
        private String nationality;
        private String residenceStatus;
        private Coded<NcYear> ncYear;
        private Coded<EnrolStatus> enrolStatus;
        private RecordedDate admissionDate;
        private RecordedDate leavingDate;
        private String leavingDestination;
        private Boolean partTime;
        private Boolean medicalFlag;
        private LookedAfter lookedAfter;
        private List<FsmPeriod> fsmHistory;
        private List<SenProvisionPeriod> senProvisions;
        private List<RankedNeed> senNeeds;
        private Address address;
        private List<Contact> contacts;
        private List<AttendanceYear> attendance;

        private Builder() {
        }

        public Builder upn(String v) { upn = v; return this; }
        public Builder uln(String v) { uln = v; return this; }
        public Builder formerUpns(List<String> v) { formerUpns = v; return this; }
        public Builder surname(String v) { surname = v; return this; }
        public Builder forename(String v) { forename = v; return this; }
        public Builder middleNames(String v) { middleNames = v; return this; }
        public Builder preferredSurname(String v) { preferredSurname = v; return this; }
        public Builder preferredForename(String v) { preferredForename = v; return this; }
        public Builder formerSurnames(List<String> v) { formerSurnames = v; return this; }
        public Builder dob(RecordedDate v) { dob = v; return this; }
        public Builder dob(java.time.LocalDate v) { dob = RecordedDate.of(v); return this; }
        public Builder sex(Coded<Sex> v) { sex = v; return this; }
        public Builder sex(Sex v) { sex = Coded.of(v); return this; }
        public Builder gender(Coded<Sex> v) { gender = v; return this; }
        public Builder ethnicity(Coded<Ethnicity> v) { ethnicity = v; return this; }
        public Builder ethnicity(Ethnicity v) { ethnicity = Coded.of(v); return this; }
        public Builder ethnicitySource(String v) { ethnicitySource = v; return this; }
        public Builder firstLanguage(String v) { firstLanguage = v; return this; }
        public Builder religion(String v) { religion = v; return this; }
        public Builder nationality(String v) { nationality = v; return this; }
        public Builder residenceStatus(String v) { residenceStatus = v; return this; }
        public Builder ncYear(Coded<NcYear> v) { ncYear = v; return this; }
        public Builder ncYear(NcYear v) { ncYear = Coded.of(v); return this; }
        public Builder enrolStatus(Coded<EnrolStatus> v) { enrolStatus = v; return this; }
        public Builder enrolStatus(EnrolStatus v) { enrolStatus = Coded.of(v); return this; }
        public Builder admissionDate(RecordedDate v) { admissionDate = v; return this; }
        public Builder admissionDate(java.time.LocalDate v) { admissionDate = RecordedDate.of(v); return this; }
        public Builder leavingDate(RecordedDate v) { leavingDate = v; return this; }
        public Builder leavingDate(java.time.LocalDate v) { leavingDate = RecordedDate.of(v); return this; }
        public Builder leavingDestination(String v) { leavingDestination = v; return this; }
        public Builder partTime(Boolean v) { partTime = v; return this; }
        public Builder medicalFlag(Boolean v) { medicalFlag = v; return this; }
        public Builder lookedAfter(LookedAfter v) { lookedAfter = v; return this; }
        public Builder fsmHistory(List<FsmPeriod> v) { fsmHistory = v; return this; }
        public Builder senProvisions(List<SenProvisionPeriod> v) { senProvisions = v; return this; }
        public Builder senNeeds(List<RankedNeed> v) { senNeeds = v; return this; }
        public Builder address(Address v) { address = v; return this; }
        public Builder contacts(List<Contact> v) { contacts = v; return this; }
        public Builder attendance(List<AttendanceYear> v) { attendance = v; return this; }

        public Pupil build() {
            return new Pupil(upn, uln, formerUpns, surname, forename, middleNames, preferredSurname,
                    preferredForename, formerSurnames, dob, sex, gender, ethnicity, ethnicitySource, firstLanguage,
                    religion, nationality, residenceStatus, ncYear, enrolStatus, admissionDate, leavingDate,
                    leavingDestination, partTime, medicalFlag, lookedAfter, fsmHistory, senProvisions, senNeeds,
                    address, contacts, attendance);
        }
    }
}

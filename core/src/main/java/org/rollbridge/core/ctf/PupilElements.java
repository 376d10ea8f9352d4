package org.rollbridge.core.ctf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.code.Ethnicity;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.code.SenNeed;
import org.rollbridge.core.code.SenProvision;
import org.rollbridge.core.code.Sex;
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

/**
 * Reads one {@code Pupil} element into a {@link Pupil}. Each block reads its children in any order; a grouping
 * element (BasicDetails, BS7666Address, AttendSessions, ...) is read with its parent's rules, so fields are found
 * whether a version nests them or not. Codes and dates keep the text as sent; a count or flag that is not one
 * (e.g. {@code <SessionsPossible>lots</SessionsPossible>}) is read as absent rather than failing the file.
 */
final class PupilElements {

    private final CtfReader.Cursor in;

    PupilElements(CtfReader.Cursor in) {
        this.in = in;
    }

    Pupil readPupil() throws XMLStreamException, CtfReadException {
        PupilDraft p = new PupilDraft();
        readPupilFields(p);
        return p.build();
    }

    /** Mutable state for one pupil while its elements arrive. */
    private static final class PupilDraft {
        final Pupil.Builder b = Pupil.builder();
        final List<String> formerUpns = new ArrayList<>();
        final List<String> formerSurnames = new ArrayList<>();
        final List<FsmPeriod> fsm = new ArrayList<>();
        final List<SenProvisionPeriod> sen = new ArrayList<>();
        final List<RankedNeed> needs = new ArrayList<>();
        final List<Contact> contacts = new ArrayList<>();
        final List<AttendanceYear> years = new ArrayList<>();
        String nationality;

        Pupil build() {
            return b.formerUpns(formerUpns).formerSurnames(formerSurnames).fsmHistory(fsm).senProvisions(sen)
                    .senNeeds(needs).contacts(contacts).attendance(years).nationality(nationality).build();
        }
    }

    /**
     * A pupil's name exactly as sent, spaces included: leading, trailing and doubled spaces are what break
     * matching, so validation must see them (NAME_WHITESPACE). Null when blank.
     */
    private String name() throws XMLStreamException, CtfReadException {
        String raw = in.rawText();
        return raw.isBlank() ? null : raw;
    }

    private void readPupilFields(PupilDraft p) throws XMLStreamException, CtfReadException {
        Pupil.Builder b = p.b;
        while (in.nextChild()) {
            switch (in.name()) {
                case "UPN" -> {
                    String upn = in.value();
                    b.upn(upn);
                    in.upnRead(upn);
                }
                case "UniqueLearnerNumber", "ULN" -> b.uln(in.value());
                case "Surname" -> b.surname(name());
                case "Forename" -> b.forename(name());
                case "MiddleNames" -> b.middleNames(name());
                case "PreferredSurname" -> b.preferredSurname(name());
                case "PreferredForename" -> b.preferredForename(name());
                case "FormerSurname" -> add(p.formerSurnames, in.value());
                case "FormerUPN" -> add(p.formerUpns, in.value());
                case "DOB" -> b.dob(date());
                case "Sex" -> b.sex(coded(Sex.class));
                case "Gender" -> b.gender(coded(Sex.class));
                case "Ethnicity" -> b.ethnicity(coded(Ethnicity.class));
                case "EthnicitySource" -> b.ethnicitySource(in.value());
                case "NCyearActual" -> b.ncYear(coded(NcYear.class));
                case "EnrolStatus" -> b.enrolStatus(coded(EnrolStatus.class));
                case "EntryDate" -> b.admissionDate(date());
                case "LeavingDate" -> b.leavingDate(date());
                case "LeavingDestination" -> b.leavingDestination(in.value());
                case "PartTime" -> b.partTime(flag());
                case "MedicalFlag" -> b.medicalFlag(flag());
                case "Religion" -> b.religion(in.value());
                case "ResidenceStatus" -> b.residenceStatus(in.value());
                case "Nationality" -> {
                    String n = in.value();
                    if (p.nationality == null) {
                        p.nationality = n; // the first listed; the record holds one
                    }
                }
                case "Languages" -> readLanguages(b);
                case "LookedAfter" -> b.lookedAfter(readLookedAfter());
                case "FSMinstance" -> p.fsm.add(readFsm());
                case "SEN" -> p.sen.add(readSen());
                case "SENneed" -> p.needs.add(readNeed());
                case "Address" -> b.address(readAddress());
                case "Contact" -> p.contacts.add(readContact());
                case "YearData" -> p.years.add(readYear());
                case "BasicDetails", "Nationalities", "FSMhistory", "SENhistory", "SENneeds", "Contacts",
                     "Attendance" -> readPupilFields(p);
                default -> in.skip();
            }
        }
    }

    private void readLanguages(Pupil.Builder b) throws XMLStreamException, CtfReadException {
        String first = null;
        String any = null;
        while (in.nextChild()) {
            if (!"Type".equals(in.name())) {
                in.skip();
                continue;
            }
            String type = null;
            String language = null;
            while (in.nextChild()) {
                switch (in.name()) {
                    case "LanguageType" -> type = in.value();
                    case "Language" -> language = in.value();
                    default -> in.skip();
                }
            }
            if (first == null && "F".equalsIgnoreCase(type)) {
                first = language;
            }
            if (any == null) {
                any = language;
            }
        }
        b.firstLanguage(first != null ? first : any);
    }

    private LookedAfter readLookedAfter() throws XMLStreamException, CtfReadException {
        Boolean inCare = null;
        String authority = null;
        while (in.nextChild()) {
            switch (in.name()) {
                case "InCare" -> inCare = flag();
                case "CareAuthority" -> authority = in.value();
                default -> in.skip();
            }
        }
        return new LookedAfter(inCare, authority);
    }

    private FsmPeriod readFsm() throws XMLStreamException, CtfReadException {
        RecordedDate start = null;
        RecordedDate end = null;
        String country = null;
        while (in.nextChild()) {
            switch (in.name()) {
                case "FSMstartDate" -> start = date();
                case "FSMendDate" -> end = date();
                case "UKcountry" -> country = in.value();
                default -> in.skip();
            }
        }
        return new FsmPeriod(start, end, country);
    }

    private SenProvisionPeriod readSen() throws XMLStreamException, CtfReadException {
        RecordedDate start = null;
        RecordedDate end = null;
        Coded<SenProvision> provision = null;
        while (in.nextChild()) {
            switch (in.name()) {
                case "StartDate" -> start = date();
                case "EndDate" -> end = date();
                case "SENprovision" -> provision = coded(SenProvision.class);
                default -> in.skip();
            }
        }
        return new SenProvisionPeriod(start, end, provision);
    }

    private RankedNeed readNeed() throws XMLStreamException, CtfReadException {
        Coded<SenNeed> need = null;
        Integer rank = null;
        while (in.nextChild()) {
            switch (in.name()) {
                case "NeedType" -> need = coded(SenNeed.class);
                case "Rank" -> rank = number();
                default -> in.skip();
            }
        }
        return new RankedNeed(need, rank);
    }

    /** Address parts, whether inside BS7666Address / AddressLines or directly in Address. */
    private static final class AddressDraft {
        String saon, paon, street, locality, town, area, postTown, uprn, postcode;
        final List<String> lines = new ArrayList<>();
        boolean asPupil;
    }

    private Address readAddress() throws XMLStreamException, CtfReadException {
        AddressDraft a = new AddressDraft();
        readAddressParts(a);
        return new Address(a.saon, a.paon, a.street, a.locality, a.town, a.area, a.postTown, a.uprn, a.lines,
                a.postcode, a.asPupil);
    }

    private void readAddressParts(AddressDraft a) throws XMLStreamException, CtfReadException {
        while (in.nextChild()) {
            String name = in.name();
            switch (name) {
                case "SAON" -> a.saon = in.value();
                case "PAON" -> a.paon = in.value();
                case "Street" -> a.street = in.value();
                case "Locality" -> a.locality = in.value();
                case "Town" -> a.town = in.value();
                case "AdministrativeArea", "County" -> a.area = in.value();
                case "PostTown" -> a.postTown = in.value();
                case "UniquePropertyReferenceNumber", "UPRN" -> a.uprn = in.value();
                case "PostCode", "Postcode" -> a.postcode = in.value();
                case "AddressAsPupil" -> a.asPupil = Boolean.TRUE.equals(flag());
                case "BS7666Address", "AddressLines" -> readAddressParts(a);
                default -> {
                    if (name.startsWith("AddressLine")) {
                        add(a.lines, in.value());
                    } else {
                        in.skip();
                    }
                }
            }
        }
    }

    private Contact readContact() throws XMLStreamException, CtfReadException {
        Integer order = null;
        String title = null, surname = null, forename = null, relationship = null, email = null;
        Boolean responsibility = null, courtOrder = null;
        Address address = null;
        List<Phone> phones = new ArrayList<>();
        while (in.nextChild()) {
            switch (in.name()) {
                case "Order" -> order = number();
                case "Title" -> title = in.value();
                case "Surname" -> surname = in.value();
                case "Forename" -> forename = in.value();
                case "Relationship" -> relationship = in.value();
                case "Responsibility" -> responsibility = flag();
                case "CourtOrder" -> courtOrder = flag();
                case "Address" -> address = readAddress();
                case "Phones" -> readPhones(phones);
                case "Phone" -> phones.add(readPhone());
                case "Email" -> email = in.value();
                default -> in.skip();
            }
        }
        return new Contact(order, title, surname, forename, relationship, responsibility, courtOrder, address,
                phones, email);
    }

    private void readPhones(List<Phone> phones) throws XMLStreamException, CtfReadException {
        while (in.nextChild()) {
            if ("Phone".equals(in.name())) {
                phones.add(readPhone());
            } else {
                in.skip();
            }
        }
    }

    private Phone readPhone() throws XMLStreamException, CtfReadException {
        String type = null;
        String number = null;
        while (in.nextChild()) {
            switch (in.name()) {
                case "TelephoneType" -> type = in.value();
                case "PhoneNo" -> number = in.value();
                default -> in.skip();
            }
        }
        return new Phone(type, number);
    }

    /** YearData fields, whether inside AttendSessions or not. */
    private static final class YearDraft {
        Integer year, possible, authorised, attended, unauthorised;
        String la, estab, school, marks;
        RecordedDate start;
    }

    private AttendanceYear readYear() throws XMLStreamException, CtfReadException {
        YearDraft y = new YearDraft();
        readYearFields(y);
        return new AttendanceYear(y.year, y.la, y.estab, y.school, y.possible, y.authorised, y.attended,
                y.unauthorised, y.start, y.marks);
    }

    private void readYearFields(YearDraft y) throws XMLStreamException, CtfReadException {
        while (in.nextChild()) {
            switch (in.name()) {
                case "Year" -> y.year = number();
                case "LEA" -> y.la = in.value();
                case "Estab" -> y.estab = in.value();
                case "SchoolName" -> y.school = in.value();
                case "SessionsPossible" -> y.possible = number();
                case "SessionsAuthorised" -> y.authorised = number();
                case "SessionsAttended" -> y.attended = number();
                case "SessionsUnauthorised" -> y.unauthorised = number();
                case "AttendanceStartDate" -> y.start = date();
                case "AttendanceMarks" -> {
                    // Spaces are sessions without a mark, so the text is kept as it is.
                    String marks = in.rawText();
                    y.marks = marks.isEmpty() ? null : marks;
                }
                case "AttendSessions" -> readYearFields(y);
                default -> in.skip();
            }
        }
    }

    // --- values ------------------------------------------------------------------------------------------------

    private RecordedDate date() throws XMLStreamException, CtfReadException {
        return RecordedDate.of(in.value());
    }

    private <E extends Enum<E> & org.rollbridge.core.code.CodeList> Coded<E> coded(Class<E> type)
            throws XMLStreamException, CtfReadException {
        return Coded.of(type, in.value());
    }

    private Integer number() throws XMLStreamException, CtfReadException {
        String v = in.value();
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Boolean flag() throws XMLStreamException, CtfReadException {
        return flag(in.value());
    }

    /** A CTF yes/no element's value: true, false or null when absent or neither. */
    static Boolean flag(String v) {
        if (v == null) {
            return null;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "y", "yes" -> Boolean.TRUE;
            case "false", "0", "n", "no" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static void add(List<String> list, String value) {
        if (value != null) {
            list.add(value);
        }
    }
}

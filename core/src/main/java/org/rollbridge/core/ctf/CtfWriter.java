package org.rollbridge.core.ctf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.rollbridge.core.code.Coded;
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
 * Writes a CTF 25 file, one pupil at a time, in UTF-8 with two-space indentation. Output is deterministic: the
 * same header and pupils always give the same bytes. Fields are written exactly as the record holds them (the raw
 * text of codes and dates, so an unknown code or an impossible date survives the trip); absent (null or blank)
 * fields are left out. Element names are listed in {@code docs/formats.md}.
 *
 * <p>Closing the writer ends the document and flushes, but leaves {@code out} open for its owner to close.
 */
public final class CtfWriter implements AutoCloseable {

    /** Written when the header gives none: this writer produces CTF 25 files. */
    public static final String VERSION = "25.0";
    static final String DOCUMENT_NAME = "Common Transfer File";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final XMLStreamWriter xml;
    private int depth;
    private boolean closed;

    public CtfWriter(OutputStream out, CtfHeader header) {
        try {
            xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            start("CTfile");
            writeHeader(header);
            start("CTFpupilData");
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    public void write(Pupil pupil) {
        if (closed) {
            throw new IllegalStateException("the CTF writer is closed");
        }
        try {
            writePupil(pupil);
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            end(); // CTFpupilData
            end(); // CTfile
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close(); // does not close the underlying stream (XMLStreamWriter contract)
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    private void writeHeader(CtfHeader h) throws XMLStreamException {
        start("Header");
        leaf("DocumentName", h.documentName() == null ? DOCUMENT_NAME : h.documentName());
        leaf("CTFversion", h.version() == null ? VERSION : h.version());
        leaf("DateTime", h.dateTime());
        leaf("DocumentQualifier", h.qualifier());
        leaf("SupplierID", h.supplierId());
        start("SourceSchool");
        leaf("LEA", h.sourceLea());
        leaf("Estab", h.sourceEstab());
        leaf("URN", h.sourceUrn());
        leaf("SchoolName", h.sourceSchoolName());
        leaf("AcademicYear", h.academicYear());
        end();
        if (h.destLea() != null || h.destEstab() != null) {
            start("DestSchool");
            leaf("LEA", h.destLea());
            leaf("Estab", h.destEstab());
            end();
        }
        end();
    }

    private void writePupil(Pupil p) throws XMLStreamException {
        start("Pupil");
        leaf("UPN", p.upn());
        leaf("UniqueLearnerNumber", p.uln());
        leaf("Surname", p.surname());
        leaf("Forename", p.forename());
        leaf("DOB", p.dob());
        leaf("Sex", p.sex());
        leaf("Gender", p.gender());
        writeBasicDetails(p);
        if (p.lookedAfter() != null) {
            writeLookedAfter(p.lookedAfter());
        }
        if (!p.fsmHistory().isEmpty()) {
            start("FSMhistory");
            for (FsmPeriod f : p.fsmHistory()) {
                start("FSMinstance");
                leaf("FSMstartDate", f.start());
                leaf("FSMendDate", f.end());
                leaf("UKcountry", f.ukCountry());
                end();
            }
            end();
        }
        if (!p.senProvisions().isEmpty() || !p.senNeeds().isEmpty()) {
            writeSen(p.senProvisions(), p.senNeeds());
        }
        if (p.address() != null) {
            writeAddress(p.address());
        }
        if (!p.contacts().isEmpty()) {
            start("Contacts");
            for (Contact c : p.contacts()) {
                writeContact(c);
            }
            end();
        }
        if (!p.attendance().isEmpty()) {
            start("Attendance");
            for (AttendanceYear y : p.attendance()) {
                writeYear(y);
            }
            end();
        }
        end();
    }

    private void writeBasicDetails(Pupil p) throws XMLStreamException {
        start("BasicDetails");
        for (String former : p.formerUpns()) {
            leaf("FormerUPN", former);
        }
        leaf("PreferredSurname", p.preferredSurname());
        leaf("PreferredForename", p.preferredForename());
        for (String former : p.formerSurnames()) {
            leaf("FormerSurname", former);
        }
        leaf("MiddleNames", p.middleNames());
        leaf("NCyearActual", p.ncYear());
        leaf("Ethnicity", p.ethnicity());
        leaf("EthnicitySource", p.ethnicitySource());
        if (present(p.firstLanguage())) {
            start("Languages");
            start("Type");
            leaf("LanguageType", "F");
            leaf("Language", p.firstLanguage());
            end();
            end();
        }
        leaf("MedicalFlag", p.medicalFlag());
        leaf("EnrolStatus", p.enrolStatus());
        leaf("EntryDate", p.admissionDate());
        leaf("LeavingDate", p.leavingDate());
        leaf("LeavingDestination", p.leavingDestination());
        leaf("PartTime", p.partTime());
        leaf("Religion", p.religion());
        if (present(p.nationality())) {
            start("Nationalities");
            leaf("Nationality", p.nationality());
            end();
        }
        leaf("ResidenceStatus", p.residenceStatus());
        end();
    }

    private void writeLookedAfter(LookedAfter la) throws XMLStreamException {
        start("LookedAfter");
        leaf("InCare", la.inCare());
        leaf("CareAuthority", la.careAuthority());
        end();
    }

    private void writeSen(List<SenProvisionPeriod> provisions, List<RankedNeed> needs) throws XMLStreamException {
        start("SENhistory");
        for (SenProvisionPeriod s : provisions) {
            start("SEN");
            leaf("StartDate", s.start());
            leaf("EndDate", s.end());
            leaf("SENprovision", s.provision());
            end();
        }
        if (!needs.isEmpty()) {
            start("SENneeds");
            for (RankedNeed n : needs) {
                start("SENneed");
                leaf("NeedType", n.need());
                leaf("Rank", n.rank());
                end();
            }
            end();
        }
        end();
    }

    private void writeAddress(Address a) throws XMLStreamException {
        start("Address");
        if (a.addressAsPupil()) {
            leaf("AddressAsPupil", Boolean.TRUE);
        }
        if (a.bs7666()) {
            start("BS7666Address");
            leaf("SAON", a.saon());
            leaf("PAON", a.paon());
            leaf("Street", a.street());
            leaf("Locality", a.locality());
            leaf("Town", a.town());
            leaf("AdministrativeArea", a.administrativeArea());
            leaf("PostTown", a.postTown());
            end();
        }
        if (!a.lines().isEmpty()) {
            start("AddressLines");
            int n = 0;
            for (String line : a.lines()) {
                leaf("AddressLine" + ++n, line);
            }
            end();
        }
        leaf("PostCode", a.postcode());
        leaf("UniquePropertyReferenceNumber", a.uprn());
        end();
    }

    private void writeContact(Contact c) throws XMLStreamException {
        start("Contact");
        leaf("Order", c.order());
        leaf("Title", c.title());
        leaf("Surname", c.surname());
        leaf("Forename", c.forename());
        leaf("Relationship", c.relationship());
        leaf("Responsibility", c.parentalResponsibility());
        leaf("CourtOrder", c.courtOrder());
        if (c.address() != null) {
            writeAddress(c.address());
        }
        if (!c.phones().isEmpty()) {
            start("Phones");
            for (Phone phone : c.phones()) {
                start("Phone");
                leaf("TelephoneType", phone.type());
                leaf("PhoneNo", phone.number());
                end();
            }
            end();
        }
        leaf("Email", c.email());
        end();
    }

    private void writeYear(AttendanceYear y) throws XMLStreamException {
        start("YearData");
        leaf("Year", y.year());
        leaf("LEA", y.la());
        leaf("Estab", y.estab());
        leaf("SchoolName", y.schoolName());
        leaf("SessionsPossible", y.sessionsPossible());
        leaf("SessionsAuthorised", y.sessionsAuthorised());
        leaf("SessionsAttended", y.sessionsAttended());
        leaf("SessionsUnauthorised", y.sessionsUnauthorised());
        if (y.marksStart().present() || (y.marks() != null && !y.marks().isEmpty())) {
            start("AttendSessions");
            leaf("AttendanceStartDate", y.marksStart());
            // Marks keep their spaces: a space is a session with no mark.
            if (y.marks() != null && !y.marks().isEmpty()) {
                text("AttendanceMarks", y.marks());
            }
            end();
        }
        end();
    }

    // --- indentation and leaves -------------------------------------------------------------------------------

    private void start(String name) throws XMLStreamException {
        newline();
        xml.writeStartElement(name);
        depth++;
    }

    private void end() throws XMLStreamException {
        depth--;
        newline();
        xml.writeEndElement();
    }

    private void newline() throws XMLStreamException {
        xml.writeCharacters("\n");
        for (int i = 0; i < depth; i++) {
            xml.writeCharacters("  ");
        }
    }

    private void leaf(String name, String value) throws XMLStreamException {
        if (present(value)) {
            text(name, value);
        }
    }

    private void leaf(String name, RecordedDate value) throws XMLStreamException {
        if (value != null && value.present()) {
            text(name, value.text());
        }
    }

    private void leaf(String name, Coded<?> value) throws XMLStreamException {
        if (value != null && value.present()) {
            text(name, value.raw());
        }
    }

    private void leaf(String name, Integer value) throws XMLStreamException {
        if (value != null) {
            text(name, value.toString());
        }
    }

    private void leaf(String name, Boolean value) throws XMLStreamException {
        if (value != null) {
            text(name, value.toString());
        }
    }

    private void text(String name, String value) throws XMLStreamException {
        requireXmlText(name, value);
        newline();
        xml.writeStartElement(name);
        writeEscaped(value);
        xml.writeEndElement();
    }

    /**
     * A carriage return written as itself would come back as a line feed (XML end-of-line handling), so it is
     * written as a character reference and survives the round trip.
     */
    private void writeEscaped(String value) throws XMLStreamException {
        int from = 0;
        for (int i = value.indexOf('\r'); i >= 0; i = value.indexOf('\r', from)) {
            if (i > from) {
                xml.writeCharacters(value.substring(from, i));
            }
            xml.writeEntityRef("#13");
            from = i + 1;
        }
        if (from < value.length()) {
            xml.writeCharacters(from == 0 ? value : value.substring(from));
        }
    }

    /** XML 1.0 cannot carry control characters or unpaired surrogates; refuse them rather than write a bad file. */
    private static void requireXmlText(String element, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
                i++;
            } else {
                ok = (c >= 0x20 && c <= 0xD7FF && !Character.isLowSurrogate(c)) || c == '\t' || c == '\n'
                        || c == '\r' || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok) {
                throw new IllegalArgumentException("The value for " + element + " contains character U+"
                        + String.format("%04X", (int) c) + " at position " + (i + 1)
                        + ", which an XML file cannot hold; remove it from the record before writing the CTF.");
            }
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static UncheckedIOException failed(XMLStreamException e) {
        return new UncheckedIOException(new IOException("could not write the CTF: " + e.getMessage(), e));
    }
}

package org.rollbridge.hub.testing;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.code.Sex;
import org.rollbridge.core.ctf.CtfHeader;
import org.rollbridge.core.ctf.CtfWriter;
import org.rollbridge.core.identity.Upn;
import org.rollbridge.core.pupil.Address;
import org.rollbridge.core.pupil.Contact;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;

/** Builds a school's CTF with core's writer; its pupils pass the validation rules (warnings aside). */
public final class CtfFixture {

    private final String laestab;
    private final boolean full;
    private final List<Pupil> pupils = new ArrayList<>();

    private CtfFixture(String laestab, boolean full) {
        this.laestab = laestab;
        this.full = full;
    }

    public static CtfFixture full(String laestab) {
        return new CtfFixture(laestab, true);
    }

    public static CtfFixture partial(String laestab) {
        return new CtfFixture(laestab, false);
    }

    public static String upn(String laestab, int serial) {
        return Upn.compose(laestab.substring(0, 3), laestab.substring(3), 25, serial).value();
    }

    public static Pupil pupil(String upn, String forename, String surname, List<Contact> contacts) {
        return Pupil.builder().upn(upn).forename(forename).surname(surname)
                .dob(RecordedDate.of(LocalDate.of(2015, 3, 14))).sex(Coded.of(Sex.class, "F"))
                .ncYear(Coded.of(NcYear.class, "6")).enrolStatus(Coded.of(EnrolStatus.class, "C"))
                .admissionDate(LocalDate.of(2021, 9, 1))
                .address(Address.lines(List.of("1 High Street", "Norwich"), "NR1 1AA"))
                .contacts(contacts).build();
    }

    public static Contact contact(String surname, Boolean parentalResponsibility, Boolean courtOrder) {
        return new Contact(1, "Mx", surname, "Sam", "PAR", parentalResponsibility, courtOrder, null, List.of(),
                null);
    }

    public CtfFixture add(Pupil pupil) {
        pupils.add(pupil);
        return this;
    }

    public CtfFixture add(String upn) {
        return add(pupil(upn, "Pat", "Pupil", List.of()));
    }

    public byte[] bytes() throws Exception {
        CtfHeader header = new CtfHeader("Common Transfer File", "25", "2025-10-01T18:00:00", full ? "full" : "partial",
                "Test MIS", laestab.substring(0, 3), laestab.substring(3), null, "Test School", "2025",
                laestab.substring(0, 3), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CtfWriter writer = new CtfWriter(out, header);
        for (Pupil p : pupils) {
            writer.write(p);
        }
        writer.close();
        return out.toByteArray();
    }
}

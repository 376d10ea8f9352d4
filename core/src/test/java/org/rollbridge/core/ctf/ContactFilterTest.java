package org.rollbridge.core.ctf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.code.Sex;
import org.rollbridge.core.pupil.Contact;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;

class ContactFilterTest {

    private static Contact contact(String surname, Boolean responsibility, Boolean courtOrder) {
        return new Contact(1, "Mx", surname, "Sam", "PAR", responsibility, courtOrder, null, List.of(), null);
    }

    private static byte[] ctf(List<Contact> contacts) {
        CtfHeader header = new CtfHeader("Common Transfer File", "25", "2025-10-01T18:00:00", "partial", "Test MIS",
                "926", "2001", null, "Test School", "2025", "926", null);
        Pupil pupil = Pupil.builder().upn("B801200005001").forename("Pat").surname("Pupil")
                .dob(RecordedDate.of(LocalDate.of(2015, 3, 14))).sex(Coded.of(Sex.class, "F"))
                .ncYear(Coded.of(NcYear.class, "6")).enrolStatus(Coded.of(EnrolStatus.class, "C"))
                .contacts(contacts).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CtfWriter writer = new CtfWriter(out, header)) {
            writer.write(pupil);
        }
        return out.toByteArray();
    }

    private static List<Contact> read(byte[] file) throws Exception {
        List<Contact> contacts = new ArrayList<>();
        CtfReader.read(new ByteArrayInputStream(file), "test.xml", new CtfVisitor() {
            @Override
            public void pupil(Pupil pupil, PupilPosition where) {
                contacts.addAll(pupil.contacts());
            }
        });
        return contacts;
    }

    @Test
    void onlyContactsTheLaMayHoldAreCopiedAndTheLinesStay() throws Exception {
        byte[] original = ctf(List.of(contact("Keptparent", true, false), contact("Noresponsibility", false, null),
                contact("Unsaid", null, null), contact("Courtordered", true, true)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int dropped = ContactFilter.copy(new ByteArrayInputStream(original), out);

        String copied = out.toString(StandardCharsets.UTF_8);
        assertThat(dropped).isEqualTo(3);
        assertThat(read(out.toByteArray())).extracting(Contact::surname).containsExactly("Keptparent");
        assertThat(copied).doesNotContain("Noresponsibility", "Unsaid", "Courtordered");
        assertThat(copied.lines().count()).isEqualTo(new String(original, StandardCharsets.UTF_8).lines().count());
    }

    @Test
    void aFileThatIsNotXmlIsNotCopied() {
        assertThatThrownBy(() -> ContactFilter.copy(new ByteArrayInputStream("<CTfile><Contacts>".getBytes(
                StandardCharsets.UTF_8)), new ByteArrayOutputStream())).isInstanceOf(ContactFilter.Unreadable.class);
        assertThatThrownBy(() -> ContactFilter.copy(new ByteArrayInputStream(
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream())).isInstanceOf(ContactFilter.Unreadable.class);
    }
}

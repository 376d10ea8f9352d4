package org.rollbridge.core.ctf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.Sex;
import org.rollbridge.core.pupil.Address;
import org.rollbridge.core.pupil.AttendanceYear;
import org.rollbridge.core.pupil.Contact;
import org.rollbridge.core.pupil.Phone;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;

class CtfWriterTest {

    static final CtfHeader HEADER = new CtfHeader("Common Transfer File", "25.0", "2026-03-20T18:05:11", "full",
            "Rollbridge", "926", "2001", "120999", "Marsh Lane Primary School", "2025", "926", "MMM");

    static Pupil pupil() {
        return Pupil.builder().upn("B801200005001").surname("Okafor & Sons <x>").forename("Amara")
                .dob(LocalDate.of(2016, 5, 14)).sex(Sex.FEMALE).gender(Coded.of(Sex.class, "Q"))
                .admissionDate(RecordedDate.of("2015-02-30")).partTime(true).religion("CHR").nationality("GBR")
                .address(Address.lines(List.of("Flat 2, 9 Ber Street", "Norwich"), "NR1 3EU"))
                .contacts(List.of(new Contact(1, "Ms", "Okafor", "Ngozi", "PAR", true, false, Address.sameAsPupil(),
                        List.of(new Phone("M", "07700 900123")), null)))
                .attendance(List.of(new AttendanceYear(2025, "926", "2001", null, 18, 2, 15, 1,
                        RecordedDate.of("2025-09-01"), "  /\\/\\II##")))
                .build();
    }

    static String write(CtfHeader header, List<Pupil> pupils) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CtfWriter w = new CtfWriter(out, header)) {
            pupils.forEach(w::write);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesIndentedCtf25WithRawTextsAndNoAbsentElements() {
        String xml = write(HEADER, List.of(pupil()));

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CTfile>\n  <Header>\n");
        assertThat(xml).contains("    <CTFversion>25.0</CTFversion>\n");
        assertThat(xml).contains("      <Surname>Okafor &amp; Sons &lt;x&gt;</Surname>\n");
        assertThat(xml).contains("<Gender>Q</Gender>", "<EntryDate>2015-02-30</EntryDate>",
                "<PartTime>true</PartTime>", "<Nationalities>", "<CourtOrder>false</CourtOrder>",
                "<AddressAsPupil>true</AddressAsPupil>", "<AddressLine2>Norwich</AddressLine2>",
                "<AttendanceMarks>  /\\/\\II##</AttendanceMarks>");
        assertThat(xml).doesNotContain("UniqueLearnerNumber", "<Email>", "LeavingDate", "<SchoolName></SchoolName>");
        assertThat(xml).endsWith("  </CTFpupilData>\n</CTfile>\n");
    }

    @Test
    void sameInputGivesTheSameBytes() {
        assertThat(write(HEADER, List.of(pupil(), pupil()))).isEqualTo(write(HEADER, List.of(pupil(), pupil())));
    }

    @Test
    void doesNotCloseTheStream() {
        var out = new ByteArrayOutputStream() {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        };
        new CtfWriter(out, HEADER).close();
        assertThat(out.closed).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("</CTfile>");
    }

    @Test
    void refusesTextAnXmlFileCannotHold() {
        Pupil bad = Pupil.builder().upn("B801200005001").surname("Ok\u0001afor").build();
        assertThatThrownBy(() -> write(HEADER, List.of(bad)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Surname").hasMessageContaining("U+0001")
                .hasMessageNotContaining("Okafor");
    }
}

package org.rollbridge.core.ctf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.code.Sex;
import org.rollbridge.core.pupil.Pupil;

/** Files as real MIS products write them: other encodings, orders, versions and extra elements. */
class TolerantReadingTest {

    static List<Pupil> read(byte[] bytes) throws CtfReadException {
        List<Pupil> pupils = new ArrayList<>();
        CtfReader.read(new ByteArrayInputStream(bytes), "school.xml", (p, where) -> pupils.add(p));
        return pupils;
    }

    static String sample() throws Exception {
        return new String(HostileCtfTest.sample(), StandardCharsets.UTF_8);
    }

    static byte[] withBom(byte[] bom, String text, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }

    @Test
    void readsUtf16WithEitherByteOrderAndUtf8WithABom() throws Exception {
        List<Pupil> expected = read(HostileCtfTest.sample());
        String utf16 = sample().replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        assertThat(read(withBom(new byte[] {(byte) 0xFE, (byte) 0xFF}, utf16, StandardCharsets.UTF_16BE)))
                .isEqualTo(expected);
        assertThat(read(withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, utf16, StandardCharsets.UTF_16LE)))
                .isEqualTo(expected);
        assertThat(read(withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, sample(), StandardCharsets.UTF_8)))
                .isEqualTo(expected);
        assertThat(expected).hasSize(2);
    }

    @Test
    void readsADeclaredEightBitEncodingAndLeadingWhitespace() throws Exception {
        String latin = "\n\n  " + sample().replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")
                .replace("Amara", "Amára");
        assertThat(read(latin.getBytes(StandardCharsets.ISO_8859_1)).get(0).forename()).isEqualTo("Amára");
    }

    @Test
    void readsElementsInAnyOrderSkippingUnknownOnesAtAnyDepth() throws Exception {
        String xml = """
                <CTfile>
                  <CTFpupilData>
                    <Pupil>
                      <Vendor><Deep><Deeper><UPN>NOT-THIS</UPN></Deeper></Deep></Vendor>
                      <Gender>F</Gender>
                      <Address><PostCode> nr6 6ly </PostCode><AddressLines><AddressLine1>1 Road</AddressLine1></AddressLines></Address>
                      <Surname>Okafor<!-- a comment --></Surname>
                      <UPN>B801200005001</UPN>
                      <Attendance><YearData><AttendSessions><AttendanceMarks>/\\I</AttendanceMarks>
                        <AttendanceStartDate>2025-09-02</AttendanceStartDate></AttendSessions><Year>2025</Year></YearData></Attendance>
                    </Pupil>
                  </CTFpupilData>
                  <Header><CTFversion>16.0</CTFversion><Unknown>x</Unknown></Header>
                </CTfile>
                """;
        List<CtfHeader> headers = new ArrayList<>();
        List<Pupil> pupils = new ArrayList<>();
        CtfHeader header = CtfReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "x.xml",
                new CtfVisitor() {
                    @Override
                    public void header(CtfHeader h) {
                        headers.add(h);
                    }

                    @Override
                    public void pupil(Pupil pupil, PupilPosition where) {
                        pupils.add(pupil);
                    }
                });
        assertThat(header.version()).isEqualTo("16.0");
        assertThat(headers).containsExactly(header);
        Pupil p = pupils.get(0);
        assertThat(p.upn()).isEqualTo("B801200005001");
        assertThat(p.surname()).isEqualTo("Okafor");
        assertThat(p.sexOrGender().code()).isEqualTo(Sex.FEMALE);
        assertThat(p.address().postcode()).isEqualTo("nr6 6ly");
        assertThat(p.address().lines()).containsExactly("1 Road");
        assertThat(p.attendance().get(0).marks()).isEqualTo("/\\I");
        assertThat(p.attendance().get(0).year()).isEqualTo(2025);
        assertThat(p.attendance().get(0).sessionMarks()).hasSize(3);
    }

    @Test
    void readsFieldsOutsideBasicDetailsAsOlderVersionsPlaceThem() throws Exception {
        String xml = "<CTfile><Header><CTFversion>16.0</CTFversion></Header><CTFpupilData><Pupil>"
                + "<UPN>B801200005001</UPN><FormerUPN>A80120000501A</FormerUPN><NCyearActual>5</NCyearActual>"
                + "<EnrolStatus>C</EnrolStatus><Sex>M</Sex><FSMinstance><FSMstartDate>2024-01-08</FSMstartDate>"
                + "</FSMinstance><SessionsPossible>x</SessionsPossible><PartTime>Y</PartTime></Pupil></CTFpupilData></CTfile>";
        Pupil p = read(xml.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(p.formerUpns()).containsExactly("A80120000501A");
        assertThat(p.ncYear().raw()).isEqualTo("5");
        assertThat(p.enrolStatus().present()).isTrue();
        assertThat(p.fsmHistory()).hasSize(1);
        assertThat(p.partTime()).isTrue();
    }
}

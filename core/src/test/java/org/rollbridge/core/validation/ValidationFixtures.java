package org.rollbridge.core.validation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.code.Ethnicity;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.code.SenNeed;
import org.rollbridge.core.code.SenProvision;
import org.rollbridge.core.code.Sex;
import org.rollbridge.core.ctf.CtfHeader;
import org.rollbridge.core.ctf.CtfWriter;
import org.rollbridge.core.pupil.Address;
import org.rollbridge.core.pupil.AttendanceYear;
import org.rollbridge.core.pupil.Contact;
import org.rollbridge.core.pupil.FsmPeriod;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RankedNeed;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.core.pupil.SenProvisionPeriod;

/** A pupil, header and CSV rows that break no rule, and a way to run the whole validator over them as files. */
final class ValidationFixtures {

    static final LocalDate FILE_DATE = LocalDate.of(2026, 3, 20);
    static final Clock CLOCK = Clock.fixed(FILE_DATE.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    static final String MARKS = "##/\\/\\/\\II####/\\N\\/\\/\\/\\";

    static final CtfHeader HEADER = header("25.0", "926", "2001");

    static final String ATTENDANCE_HEADER = "laestab,upn,date,session,code,forename,surname,nc_year";
    static final String ATTENDANCE_ROW_AM = "9262001,B801200005001,2025-09-01,AM,/,Amara,Okafor,5";
    static final String ATTENDANCE_ROW_PM = "9262001,B801200005001,2025-09-01,PM,\\,Amara,Okafor,5";
    static final String EXCLUSIONS_HEADER = "laestab,upn,category,reason,start_date,end_date,sessions";
    static final String EXCLUSION_ROW = "9262001,B801200005001,SUSP,PD,2025-10-06,2025-10-07,4";

    private ValidationFixtures() {
    }

    static CtfHeader header(String version, String la, String estab) {
        return new CtfHeader("Common Transfer File", version, "2026-03-20T18:05:11", "full", "Example MIS", la,
                estab, "120999", "Marsh Lane Primary School", "2025", "926", "MMM");
    }

    static Contact parent(boolean responsibility) {
        return new Contact(1, "Ms", "Okafor", "Ngozi", "PAR", responsibility, false, Address.sameAsPupil(),
                List.of(), null);
    }

    static AttendanceYear year(String marks, int possible, int authorised, int attended, int unauthorised) {
        return new AttendanceYear(2025, "926", "2001", "Marsh Lane Primary School", possible, authorised, attended,
                unauthorised, RecordedDate.of("2025-09-01"), marks);
    }

    static Pupil.Builder clean() {
        return Pupil.builder()
                .upn("B801200005001")
                .uln("9276308686")
                .formerUpns(List.of("A80120000501A"))
                .surname("Okafor")
                .forename("Amara")
                .middleNames("Grace")
                .preferredForename("Amy")
                .dob(LocalDate.of(2016, 5, 14))
                .sex(Sex.FEMALE)
                .ethnicity(Ethnicity.BAFR)
                .ncYear(NcYear.Y5)
                .enrolStatus(EnrolStatus.C)
                .admissionDate(LocalDate.of(2021, 9, 1))
                .fsmHistory(List.of(new FsmPeriod(RecordedDate.of("2024-01-08"), null, "ENG")))
                .senProvisions(List.of(new SenProvisionPeriod(RecordedDate.of("2025-02-03"), null,
                        Coded.of(SenProvision.K))))
                .senNeeds(List.of(new RankedNeed(Coded.of(SenNeed.SLCN), 1)))
                .address(Address.bs7666("14", "Cromer Road", "Norwich", "Norfolk", "Norwich", "NR6 6LY"))
                .contacts(List.of(parent(true)))
                .attendance(List.of(year(MARKS, 18, 2, 15, 1)));
    }

    static String ctf(CtfHeader header, List<Pupil> pupils) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CtfWriter w = new CtfWriter(out, header)) {
            pupils.forEach(w::write);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static Path write(Path dir, String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ValidationReport validate(Path... paths) {
        return new Validator(RuleSettings.defaults(), null, CLOCK).validate(List.of(paths));
    }
}

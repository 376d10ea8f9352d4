package org.rollbridge.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.core.validation.ValidationFixtures.ATTENDANCE_HEADER;
import static org.rollbridge.core.validation.ValidationFixtures.ATTENDANCE_ROW_AM;
import static org.rollbridge.core.validation.ValidationFixtures.EXCLUSIONS_HEADER;
import static org.rollbridge.core.validation.ValidationFixtures.EXCLUSION_ROW;
import static org.rollbridge.core.validation.ValidationFixtures.FILE_DATE;
import static org.rollbridge.core.validation.ValidationFixtures.HEADER;
import static org.rollbridge.core.validation.ValidationFixtures.clean;
import static org.rollbridge.core.validation.ValidationFixtures.ctf;
import static org.rollbridge.core.validation.ValidationFixtures.write;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollbridge.core.code.Coded;

/** Validating while handing records on gives the validator's findings and passes exactly the records without errors. */
class RecordScreenTest {

    static final RecordScreen ANY_SCHOOL = new RecordScreen(RuleSettings.defaults(), FILE_DATE, null);

    @Test
    void aCtfsPupilsArePassedOnWithTheVerdictTheValidatorGives(@TempDir Path dir) {
        Path file = write(dir, "school.xml", ctf(HEADER, List.of(clean().build(),
                clean().upn("B801200005002").enrolStatus(Coded.absent()).build())));
        List<String> passed = new ArrayList<>();

        FileReport screened = ANY_SCHOOL.ctf(file, file.toString(), (pupil, where, ok) ->
                passed.add(pupil.upn() + " " + ok));

        assertThat(passed).hasSize(2);
        assertThat(passed.get(0)).endsWith(" true");
        assertThat(passed.get(1)).isEqualTo("B801200005002 false");
        assertThat(screened.findings()).isEqualTo(ValidationFixtures.validate(file).files().get(0).findings());
        assertThat(screened.outcome()).isEqualTo(Outcome.HELD_BACK_IN_PART);
    }

    @Test
    void aFileForAnotherSchoolIsRefusedOrItsRowsHeld(@TempDir Path dir) {
        RecordScreen forOther = new RecordScreen(RuleSettings.defaults(), FILE_DATE, "9269999");
        Path ctf = write(dir, "school.xml", ctf(HEADER, List.of(clean().build())));
        Path csv = write(dir, "attendance.csv", ATTENDANCE_HEADER + "\n" + ATTENDANCE_ROW_AM + "\n");
        List<Boolean> rows = new ArrayList<>();

        FileReport ctfReport = forOther.ctf(ctf, "school.xml", (pupil, where, ok) -> { });
        FileReport csvReport = forOther.attendance(csv, "attendance.csv", (row, ok) -> rows.add(ok));

        assertThat(ctfReport.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(ctfReport.findings()).extracting(Finding::rule).contains(Rule.CTF_SCHOOL_MISMATCH);
        assertThat(rows).containsExactly(false);
        assertThat(csvReport.findings()).extracting(Finding::rule).containsExactly(Rule.LAESTAB_MISMATCH);
        assertThat(ANY_SCHOOL.attendance(csv, "attendance.csv", (row, ok) -> { }).findings()).isEmpty();
    }

    @Test
    void exclusionRowsArePassedOnOnceChecked(@TempDir Path dir) {
        Path csv = write(dir, "exclusions.csv", EXCLUSIONS_HEADER + "\n" + EXCLUSION_ROW + "\n"
                + EXCLUSION_ROW.replace("SUSP", "XXXX") + "\n");
        List<Boolean> rows = new ArrayList<>();

        FileReport report = ANY_SCHOOL.exclusions(csv, "exclusions.csv", (row, ok) -> rows.add(ok));

        assertThat(rows).containsExactly(true, false);
        assertThat(report.findings()).isEqualTo(ValidationFixtures.validate(csv).files().get(0).findings());
    }
}

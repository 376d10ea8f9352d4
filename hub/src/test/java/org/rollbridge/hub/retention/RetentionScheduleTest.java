package org.rollbridge.hub.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollbridge.core.code.Choice;

class RetentionScheduleTest {

    @Test
    void theCategoriesAndClocksAreNamedAsTheScheduleFileAndTheReportsNameThem() {
        assertThat(Choice.ids(RetentionCategory.class))
                .isEqualTo("education, safeguarding, child-protection, looked-after");
        assertThat(Choice.ids(RetentionClock.class)).isEqualTo("birth, case-closed, plan-ended");
    }

    @Test
    void theDefaultScheduleIsTheSharingAgreements() {
        RetentionSchedule schedule = RetentionSchedule.load(null);

        assertThat(schedule.entry(RetentionCategory.EDUCATION))
                .isEqualTo(new RetentionSchedule.Entry(RetentionClock.BIRTH, Period.ofYears(25)));
        assertThat(schedule.entry(RetentionCategory.SAFEGUARDING))
                .isEqualTo(new RetentionSchedule.Entry(RetentionClock.CASE_CLOSED, Period.ofYears(6)));
        assertThat(schedule.entry(RetentionCategory.CHILD_PROTECTION))
                .isEqualTo(new RetentionSchedule.Entry(RetentionClock.PLAN_ENDED, Period.ofYears(40)));
        assertThat(schedule.entry(RetentionCategory.LOOKED_AFTER))
                .isEqualTo(new RetentionSchedule.Entry(RetentionClock.BIRTH, Period.ofYears(75)));
    }

    @Test
    void anLasOwnFileOverridesTheDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schedule.properties");
        Files.writeString(file, """
                education.from=birth
                education.period=P26Y
                safeguarding.from=case-closed
                safeguarding.period=P7Y
                child-protection.from=birth
                child-protection.period=P40Y
                looked-after.from=birth
                looked-after.period=P75Y
                """);

        RetentionSchedule schedule = RetentionSchedule.load(file);

        assertThat(schedule.entry(RetentionCategory.EDUCATION).period()).isEqualTo(Period.ofYears(26));
        assertThat(schedule.entry(RetentionCategory.CHILD_PROTECTION).from()).isEqualTo(RetentionClock.BIRTH);
    }

    @Test
    void everyProblemIsNamedWithItsLine() {
        String text = """
                # a comment
                education.from=birth
                education.period=25 years
                safeguarding.from=birth
                safeguarding.period=P6Y
                safeguarding.period=P6Y
                child-protection.from=plan-ended
                child-protection.period=P-1Y
                looked-afterr.from=birth
                looked-after.colour=blue
                """;

        assertThatThrownBy(() -> RetentionSchedule.read("la.properties", new StringReader(text)))
                .isInstanceOf(RetentionSchedule.Invalid.class)
                .hasMessageContaining("la.properties:3: education.period '25 years' is not a positive ISO 8601 period")
                .hasMessageContaining("la.properties:4: safeguarding cannot run from 'birth'; it may run from [case-closed]")
                .hasMessageContaining("la.properties:6: safeguarding.period is given twice")
                .hasMessageContaining("la.properties:8: child-protection.period 'P-1Y'")
                .hasMessageContaining("la.properties:9: unknown category 'looked-afterr'")
                .hasMessageContaining("la.properties:10: unknown setting 'colour' for looked-after")
                .hasMessageContaining("la.properties: looked-after.from is missing")
                .hasMessageContaining("ROLLBRIDGE_RETENTION_SCHEDULE");
    }

    @Test
    void aMissingFileIsRefusedByName(@TempDir Path dir) {
        assertThatThrownBy(() -> RetentionSchedule.load(dir.resolve("nope.properties")))
                .isInstanceOf(RetentionSchedule.Invalid.class).hasMessageContaining("nope.properties")
                .hasMessageContaining("no such file");
    }

    @Test
    void theLongestPeriodGovernsAndAnOpenClockKeepsEverything() {
        LocalDate birthday25 = LocalDate.of(2030, 5, 1);
        PersonRetention pupil = new PersonRetention(1, Map.of(RetentionCategory.EDUCATION, birthday25), false);
        PersonRetention cared = new PersonRetention(2, Map.of(RetentionCategory.EDUCATION, birthday25,
                RetentionCategory.LOOKED_AFTER, LocalDate.of(2080, 5, 1)), false);
        PersonRetention openCase = new PersonRetention(3, Map.of(RetentionCategory.EDUCATION, birthday25,
                RetentionCategory.SAFEGUARDING, LocalDate.MAX), false);
        PersonRetention tie = new PersonRetention(4, Map.of(RetentionCategory.EDUCATION, birthday25,
                RetentionCategory.SAFEGUARDING, birthday25), false);

        assertThat(pupil.dueOn(birthday25)).isTrue();
        assertThat(pupil.dueOn(birthday25.minusDays(1))).isFalse();
        assertThat(cared.governing()).isEqualTo(RetentionCategory.LOOKED_AFTER);
        assertThat(cared.dueOn(birthday25.plusYears(10))).isFalse();
        assertThat(openCase.governing()).isEqualTo(RetentionCategory.SAFEGUARDING);
        assertThat(openCase.dueOn(LocalDate.of(2999, 1, 1))).isFalse();
        assertThat(tie.governing()).isEqualTo(RetentionCategory.SAFEGUARDING);
    }
}

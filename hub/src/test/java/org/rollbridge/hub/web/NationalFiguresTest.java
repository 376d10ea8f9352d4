package org.rollbridge.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollbridge.hub.NationalSettings;

/** England's figures from the national tier's output for the same as-of date, else the published year. */
class NationalFiguresTest {

    @TempDir
    Path dir;

    @Test
    void englandComesFromTheNationalOutputForTheSameDate() throws Exception {
        LocalDate asOf = LocalDate.of(2026, 3, 13);
        Files.createDirectories(dir.resolve(asOf.toString()));
        Files.write(dir.resolve(asOf + "/la_phase.csv"), List.of(
                "\"time_period\",\"geographic_level\",\"old_la_code\",\"la_name\",\"education_phase\","
                        + "\"attendance_perc\",\"overall_absence_perc\",\"authorised_absence_perc\","
                        + "\"unauthorised_absence_perc\",\"pa_perc\"",
                "\"202526\",\"National\",\"\",\"\",\"Total\",\"93.5\",\"6.54\",\"4.5\",\"2.04\",\"17.96\""));
        NationalFigures figures = new NationalFigures(new NationalSettings(dir));

        assertThat(figures.england("Total", asOf).orElseThrow().absence()).isEqualByComparingTo("6.5");
        assertThat(figures.england("Total", asOf).orElseThrow().persistentAbsence()).isEqualByComparingTo("18.0");
        BigDecimal published = new NationalFigures().englandTotal().orElseThrow().absence();
        assertThat(figures.england("Total", asOf.plusDays(1)).orElseThrow().absence())
                .isEqualByComparingTo(published);
        assertThat(published).isEqualByComparingTo("6.9");
        // Each is named with where it came from and its date.
        assertThat(figures.source(asOf)).isEqualTo("national collection to 13 March 2026");
        assertThat(figures.englandLabel(", primary", asOf))
                .isEqualTo("England, primary, national collection to 13 March 2026");
        assertThat(figures.englandLabel("", asOf.plusDays(1)))
                .isEqualTo("England (" + NationalFigures.PUBLISHED + ")");
        assertThat(figures.source(asOf.plusDays(1))).isEqualTo(NationalFigures.PUBLISHED)
                .contains("Pupil attendance in schools", "2025/26");
    }

    /** A school is compared with England's figures for its phase; a nursery school with primary schools'. */
    @Test
    void aSchoolIsComparedWithThePublishedFiguresOfItsPhase() {
        NationalFigures figures = new NationalFigures();

        assertThat(org.rollbridge.hub.attendance.SchoolPhase.of("9261001").published()).isEqualTo("Primary");
        assertThat(org.rollbridge.hub.attendance.SchoolPhase.of("9264001").published()).isEqualTo("Secondary");
        assertThat(org.rollbridge.hub.attendance.SchoolPhase.of("9267001").published()).isEqualTo("Special");
        assertThat(org.rollbridge.hub.attendance.SchoolPhase.of("9261101").published()).isEqualTo("Total");
        assertThat(figures.england(org.rollbridge.hub.attendance.SchoolPhase.of("9261001").published()))
                .isPresent().isNotEqualTo(figures.englandTotal());
    }
}

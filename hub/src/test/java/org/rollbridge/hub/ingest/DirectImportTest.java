package org.rollbridge.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DirectImportTest {

    @Test
    void theSchoolComesFromASevenDigitFolderElseTheFileName() {
        assertThat(DirectImport.schoolFromPath(Path.of("out/schools/9262001/attendance.csv"))).contains("9262001");
        assertThat(DirectImport.schoolFromPath(Path.of("in/attendance-9262002-2025.csv"))).contains("9262002");
        assertThat(DirectImport.schoolFromPath(Path.of("in/attendance.csv"))).isEmpty();
        assertThat(DirectImport.schoolFromPath(Path.of("in/92620011/attendance.csv"))).isEmpty();
    }

    @Test
    void theFeedComesFromTheFileName() {
        assertThat(BatchKind.fromFileName("pupils-ctf.xml")).contains(BatchKind.CTF);
        assertThat(BatchKind.fromFileName("Attendance_Autumn.csv")).contains(BatchKind.ATTENDANCE);
        assertThat(BatchKind.fromFileName("exclusions.csv")).contains(BatchKind.EXCLUSIONS);
        assertThat(BatchKind.fromFileName("social-care.csv")).isEmpty();
    }
}

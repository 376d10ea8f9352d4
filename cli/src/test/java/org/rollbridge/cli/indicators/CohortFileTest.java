package org.rollbridge.cli.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortFileTest {

    @TempDir
    Path dir;

    @Test
    void oneUpnALine() throws IOException {
        Path f = Files.writeString(dir.resolve("c.txt"), "\uFEFFA1\n\n  B2  \n");
        assertThat(CohortFile.read(f, LocalDate.of(2026, 3, 20))).containsExactly("A1", "B2");
    }

    @Test
    void aChildrensServicesListKeepsOnlyOpenFlaggedCases() throws IOException {
        Path f = Files.writeString(dir.resolve("social-care.csv"), """
                person_id,upn,social_worker,looked_after,child_protection,start_date,end_date
                P1,A1,true,false,false,2023-02-15,
                P2,B2,false,false,false,2024-05-07,2024-09-21
                P3,C3,false,true,false,2024-05-07,2026-04-01
                P4,D4,true,false,true,2024-05-07,2026-03-01
                P5,,true,false,false,2024-05-07,
                """);
        // A1 open; B2 closed and unflagged; C3 open until after the as-of date; D4 closed before it; P5 has no UPN.
        assertThat(CohortFile.read(f, LocalDate.of(2026, 3, 20))).containsExactly("A1", "C3");
    }
}

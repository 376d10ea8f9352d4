package org.rollbridge.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.attendance.Session;

/** The digests are the SHA-256 of the canonical text docs/agent.md gives, whatever order the marks come in. */
class PupilDigestTest {

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRecordDigestIsTheHashOfItsElevenLinesWithAbsentValuesEmptyAndValuesStripped() throws Exception {
        String digest = PupilDigest.record(Arrays.asList("A123456789012", null, " Pat ", "Pupil",
                LocalDate.of(2015, 3, 14), "F", "6", "C", LocalDate.of(2021, 9, 1), null, "NR1 1AA"));

        assertThat(digest).isEqualTo(sha256("upn=A123456789012\nuln=\nforename=Pat\nsurname=Pupil\ndob=2015-03-14\n"
                + "sex=F\nncYear=6\nenrolStatus=C\nadmissionDate=2021-09-01\nleavingDate=\npostcode=NR1 1AA\n"));
    }

    @Test
    void exclusionsAreDigestedAsSortedLinesWithAbsentValuesEmptyWhateverOrderTheyCameIn() throws Exception {
        String digest = new PupilDigest.Exclusions()
                .add(LocalDate.of(2025, 10, 6), null, "PERM", "PP", null)
                .add(LocalDate.of(2025, 9, 10), LocalDate.of(2025, 9, 11), "SUSP", "PP", 4)
                .digest();

        assertThat(digest).isEqualTo(sha256("2025-09-10|2025-09-11|SUSP|PP|4\n2025-10-06||PERM|PP|\n"));
        assertThat(new PupilDigest.Exclusions().add(LocalDate.of(2025, 9, 10), LocalDate.of(2025, 9, 11), "SUSP",
                "PP", 4).add(LocalDate.of(2025, 10, 6), null, "PERM", "PP", null).digest()).isEqualTo(digest);
    }

    @Test
    void marksAreDigestedPerAcademicYearInDateAndSessionOrderWhateverOrderTheyCameIn() throws Exception {
        var digests = new PupilDigest.Marks()
                .add(LocalDate.of(2025, 9, 9), Session.AM, "C1")
                .add(LocalDate.of(2025, 9, 8), Session.PM, "\\")
                .add(LocalDate.of(2025, 9, 8), Session.AM, "/")
                .add(LocalDate.of(2025, 7, 18), Session.AM, "N")
                .digests();

        assertThat(digests).containsOnlyKeys(2024, 2025);
        assertThat(digests.get(2025)).isEqualTo(sha256("2025-09-08 AM /\n2025-09-08 PM \\\n2025-09-09 AM C1\n"));
        assertThat(digests.get(2024)).isEqualTo(sha256("2025-07-18 AM N\n"));
    }
}

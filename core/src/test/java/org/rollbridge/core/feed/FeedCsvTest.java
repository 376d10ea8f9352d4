package org.rollbridge.core.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedCsvTest {

    private final List<AttendanceRow> rows = new ArrayList<>();
    private final List<CsvProblem> problems = new ArrayList<>();

    private CsvReadResult attendance(String text) throws Exception {
        return AttendanceCsv.read(new StringReader(text), rows::add, problems::add);
    }

    @Test
    void headersAreMatchedWithoutRegardToCaseSpacesOrderOrAByteOrderMark() throws Exception {
        CsvReadResult result = attendance("\uFEFF Code ,SESSION, Date,UPN,LAESTAB,Extra Column\n"
                + "N,PM,2025-09-02,B801200005001,9262001,ignored\n");
        assertThat(problems).isEmpty();
        assertThat(result.rows()).isEqualTo(1);
        assertThat(result.laestab()).contains("9262001");
        AttendanceRow row = rows.get(0);
        assertThat(row.code()).isEqualTo("N");
        assertThat(row.session()).isEqualTo("PM");
        assertThat(row.upn()).isEqualTo("B801200005001");
        assertThat(row.line()).isEqualTo(2);
        assertThat(row.sessionMark()).isPresent();
    }

    @Test
    void aMissingRequiredColumnStopsTheFileAndNamesTheColumn() throws Exception {
        CsvReadResult result = attendance("laestab,upn,date,session\n9262001,B801200005001,2025-09-01,AM\n");
        assertThat(result.headerComplete()).isFalse();
        assertThat(rows).isEmpty();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(CsvProblem.Kind.MISSING_COLUMN);
            assertThat(p.column()).isEqualTo("code");
        });
    }

    @Test
    void aRowWithTheWrongFieldCountIsReportedAndReadingGoesOn() throws Exception {
        attendance("laestab,upn,date,session,code\n"
                + "9262001,B801200005001,2025-09-01\n"
                + "\"9262001\",\"B801200005001\",\"2025-09-01\",\"PM\",\"line\nbreak\"\n"
                + "9262001,B801200005001,2025-09-02,AM,/\n");
        assertThat(rows).extracting(AttendanceRow::line).containsExactly(2L, 3L, 5L);
        assertThat(rows.get(0).code()).isNull();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(CsvProblem.Kind.FIELD_COUNT);
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.found()).isEqualTo(3);
            assertThat(p.expected()).isEqualTo(5);
        });
    }

    @Test
    void exclusionsRowsBecomeExclusions() throws Exception {
        List<ExclusionRow> exclusions = new ArrayList<>();
        ExclusionsCsv.read(new StringReader("LAESTAB,UPN,Category,Reason,Start Date,End_Date,Sessions,"
                + "Appeal_Received\n9262001,B801200005001,FIXD,PD,06/10/2025,2025-10-07,4,Y\n"), exclusions::add,
                problems::add);
        assertThat(problems).isEmpty();
        var e = exclusions.get(0).toExclusion();
        assertThat(e.category().code().current().code()).isEqualTo("SUSP");
        assertThat(e.start().date()).hasValueSatisfying(d -> assertThat(d).hasToString("2025-10-06"));
        assertThat(e.sessions()).isEqualTo(4);
        assertThat(e.appeal().received()).isTrue();
    }

    @Test
    void anEmptyFileIsAProblemNotACrash() throws Exception {
        CsvReadResult result = attendance("");
        assertThat(result.rows()).isZero();
        assertThat(problems).extracting(CsvProblem::kind).containsExactly(CsvProblem.Kind.EMPTY);
    }

    @Test
    void bytesThatAreNotUtf8StopTheFileAtTheirLineAndByte(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String text = "laestab,upn,date,session,code,forename\n"
                + "9262001,B801200005001,2025-09-01,AM,/,Amy\n"
                + "9262001,B801200005001,2025-09-01,PM,/,Zoë\n"
                + "9262001,B801200005001,2025-09-02,AM,/,Amy\n";
        java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("latin1.csv"),
                text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        CsvReadResult result = AttendanceCsv.read(file, rows::add, problems::add);

        assertThat(result.rows()).isEqualTo(1);
        assertThat(rows).extracting(AttendanceRow::forename).containsExactly("Amy");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(CsvProblem.Kind.ENCODING);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.found()).isEqualTo(text.indexOf('ë'));
        });
    }

    @Test
    void aControlCharacterInAFieldIsAProblemOnItsRowAndTheRowIsStillRead() throws Exception {
        attendance("laestab,upn,date,session,code,forename\n"
                + "9262001,B801200005001,2025-09-01,AM,/,A\u0000my\n"
                + "9262001,B801200005001,2025-09-01,PM,/,Amy\tJo\n");
        assertThat(rows).hasSize(2);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(CsvProblem.Kind.CONTROL_CHARACTER);
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo("forename");
            assertThat(p.found()).isEqualTo(2);
            assertThat(p.detail()).isEqualTo("A[U+0000]my");
        });
    }
}

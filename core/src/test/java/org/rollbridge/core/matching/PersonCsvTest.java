package org.rollbridge.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

class PersonCsvTest {

    private static final String HEADER =
            "id,upn,former_upns,uln,legal_forename,legal_surname,preferred_forename,preferred_surname,dob,sex,postcode\n";

    private static PersonCsv.Read read(String text) throws Exception {
        return PersonCsv.read(new StringReader(text), "incoming.csv");
    }

    @Test
    void readsRowsWithFormerUpnsAndEmptyColumns() throws Exception {
        PersonCsv.Read read = read(HEADER
                + "I1,A926200112001,B926200113002; C926200114003,,Amelia,O'Brien,Amy,,2015-03-04,F,nr6 6ly\n"
                + "I2,,,,,,,,,,\n");
        assertThat(read.problems()).isEmpty();
        assertThat(read.people()).hasSize(2);
        MatchPerson p = read.people().get(0);
        assertThat(p.formerUpns()).containsExactly("B926200113002", "C926200114003");
        assertThat(p.preferredForename()).isEqualTo("Amy");
        assertThat(p.preferredSurname()).isNull();
        assertThat(p.birthDate()).hasToString("2015-03-04");
        assertThat(read.people().get(1).birthDate()).isNull();
    }

    @Test
    void headerIsReadTolerantly() throws Exception {
        PersonCsv.Read read = read("\uFEFF POSTCODE ,Sex,DOB,Preferred_Surname,preferred_forename,legal_surname,"
                + "legal_forename,uln,former_upns,upn,ID,extra\nNR6 6LY,F,2015-03-04,,,Whitfield,Amelia,,,,I1,x\n");
        assertThat(read.problems()).isEmpty();
        assertThat(read.people()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("I1");
            assertThat(p.postcode()).isEqualTo("NR6 6LY");
            assertThat(p.legalSurname()).isEqualTo("Whitfield");
        });
    }

    @Test
    void aHeaderLackingAColumnIsRejected() {
        assertThatThrownBy(() -> read("id,upn,uln,legal_forename\nI1,,,\n"))
                .isInstanceOf(PersonCsv.FileException.class)
                .hasMessageContaining("line 1").hasMessageContaining("former_upns");
        assertThatThrownBy(() -> read("")).isInstanceOf(PersonCsv.FileException.class).hasMessageContaining("empty");
    }

    @Test
    void badRowsAreReportedWithTheirLineAndSkipped() throws Exception {
        PersonCsv.Read read = read(HEADER
                + "I1,,,,Amelia,Whitfield,,,2015-03-04,F,\n"        // line 2: fine
                + "I2,,,,Oscar,Nowak,,,2015-02-30,M,\n"            // line 3: no such date
                + "I3,,,,Oscar,Nowak\n"                            // line 4: too few fields
                + "\"I4\",,,,\"Multi\nLine\",Nowak,,,2014-01-01,M,\n" // lines 5-6: quoted line break, fine
                + "I5,,,,Zara,Khan,,,04/13/2014,F,\n"              // line 7: month 13
                + "I1,,,,Amelia,Whitfield,,,2015-03-04,F,\n"        // line 8: id seen on line 2
                + ",,,,Nobody,,,,,,\n");                           // line 9: no id
        assertThat(read.people()).extracting(MatchPerson::id).containsExactly("I1", "I4");
        assertThat(read.problems()).extracting(PersonCsv.Problem::line).containsExactly(3L, 4L, 7L, 8L, 9L);
        assertThat(read.problems().get(0).toString()).isEqualTo(
                "incoming.csv line 3: id I2: dob is not a date; expected YYYY-MM-DD; row skipped");
        assertThat(read.problems().get(1).message()).contains("expected 11 fields", "found 6");
        assertThat(read.problems().get(3).message()).contains("already used on line 2");
        assertThat(read.problems().get(4).message()).contains("id is empty");
        // Problems never repeat personal values.
        assertThat(read.problems()).noneMatch(p -> p.message().contains("Nowak") || p.message().contains("2015-02-30"));
    }

    @Test
    void anUnclosedQuoteStopsReadingWithAReport() throws Exception {
        PersonCsv.Read read = read(HEADER + "I1,,,,Amelia,Whitfield,,,2015-03-04,F,\nI2,,,,\"Oscar,Nowak,,,,M,\n");
        assertThat(read.people()).extracting(MatchPerson::id).containsExactly("I1");
        assertThat(read.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("malformed");
        });
    }
}

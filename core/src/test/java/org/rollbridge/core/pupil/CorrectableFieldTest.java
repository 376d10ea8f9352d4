package org.rollbridge.core.pupil;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rollbridge.core.pupil.CorrectableField.Accepted;
import org.rollbridge.core.pupil.CorrectableField.Rejected;

class CorrectableFieldTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            forename | '  Philippa '  | Philippa
            surname  | Wren-Feather   | Wren-Feather
            dob      | 2015-03-14     | 2015-03-14
            sex      | f              | F
            postcode | nr66ly         | NR6 6LY
            """)
    void aCorrectValueIsKeptInTheRecordsForm(String field, String given, String kept) {
        assertThat(CorrectableField.ofId(field).orElseThrow().check(given)).isEqualTo(new Accepted(kept));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            forename | ""           | Give the corrected legal forename
            dob      | 14/03/2015   | Date of birth must be a date like 2015-03-14; it was '14/03/2015'
            dob      | 1899-12-31   | Date of birth 1899-12-31 is before 1900
            sex      | U            | Sex must be M or F; it was 'U'
            postcode | NR6          | 'NR6' is not a UK postcode (e.g. NR6 6LY)
            """)
    void aWrongValueIsRefusedSayingWhatWasWrong(String field, String given, String problem) {
        assertThat(CorrectableField.ofId(field).orElseThrow().check(given)).isEqualTo(new Rejected(problem));
    }

    @Test
    void onlyTheRecordsIdentityAndAddressFieldsMayBeCorrected() {
        assertThat(CorrectableField.ids()).isEqualTo("forename, surname, dob, sex, postcode");
        assertThat(CorrectableField.ofId("nc_year")).isEmpty();
    }
}

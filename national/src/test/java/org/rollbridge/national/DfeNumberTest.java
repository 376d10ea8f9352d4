package org.rollbridge.national;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rollbridge.national.figures.DfeNumber;

class DfeNumberTest {

    @ParameterizedTest
    @CsvSource({
        "94.0766362203115, 94.0766362203115",
        "0.0000155757077523724, 1.55757077523724e-05",
        "17808.125, 17808.125",
        "0.016058554692696, 0.016058554692696",
        "64.54891304347826, 64.5489130434783",
        "0.0001, 1e-04",
        "0, 0",
        "12.0, 12"})
    void printsNumbersAsThePublishedFileDoes(double value, String printed) {
        assertThat(DfeNumber.format(value)).isEqualTo(printed);
    }
}

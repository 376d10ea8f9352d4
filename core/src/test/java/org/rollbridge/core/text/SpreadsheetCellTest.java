package org.rollbridge.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetCellTest {

    @Test
    void aValueASpreadsheetWouldTakeForAFormulaGetsAnApostrophe() {
        assertThat(SpreadsheetCell.safe("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(SpreadsheetCell.safe("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
        assertThat(SpreadsheetCell.safe("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(SpreadsheetCell.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCell.safe("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetCell.safe("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void numbersDashesAndOrdinaryTextAreLeftAlone() {
        assertThat(SpreadsheetCell.safe("-1.5")).isEqualTo("-1.5");
        assertThat(SpreadsheetCell.safe("12")).isEqualTo("12");
        assertThat(SpreadsheetCell.safe("-")).isEqualTo("-");
        assertThat(SpreadsheetCell.safe("c")).isEqualTo("c");
        assertThat(SpreadsheetCell.safe("Looked-after children (CLA)")).isEqualTo("Looked-after children (CLA)");
        assertThat(SpreadsheetCell.safe(null)).isEmpty();
    }
}

package org.rollbridge.core.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DisclosureControlTest {

    private final DisclosureControl rule = new DisclosureControl(DisclosureControl.DEFAULT_THRESHOLD);

    @Test
    void countsOfOneToNineAreSuppressedAndZeroAndTenAreShown() {
        assertThat(rule.count(0)).isEqualTo("0");
        assertThat(rule.count(1)).isEqualTo("c");
        assertThat(rule.count(9)).isEqualTo("c");
        assertThat(rule.count(10)).isEqualTo("10");
    }

    @Test
    void theThresholdIsTheLasChoice() {
        DisclosureControl five = new DisclosureControl(5);

        assertThat(five.count(4)).isEqualTo("c");
        assertThat(five.count(5)).isEqualTo("5");
        assertThat(DisclosureControl.NONE.count(1)).isEqualTo("1");
        assertThatThrownBy(() -> new DisclosureControl(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRateFromASuppressedCountIsSuppressed() {
        // The trust's looked-after children: 1 pupil, 89.6% attendance, would name the child's attendance.
        assertThat(rule.rate(new BigDecimal("89.6"), "-", 1)).isEqualTo("c");
        // 3 persistently absent out of 40 pupils: the numerator is small.
        assertThat(rule.rate(new BigDecimal("7.5"), "-", 3, 40)).isEqualTo("c");
        assertThat(rule.rate(new BigDecimal("25.0"), "-", 10, 40)).isEqualTo("25.0");
        assertThat(rule.rate(null, "-", 0)).isEqualTo("-");
    }

    @Test
    void aLoneSuppressedCellTakesTheSmallestOtherNonZeroCellWithIt() {
        // Schools of 120, 4, 0, 35 and 60 pupils, total 219: 219 - 120 - 35 - 60 = 4 if only the 4 were hidden.
        assertThat(rule.cells(219, new long[] {120, 4, 0, 35, 60}))
                .containsExactly("120", "c", "0", "c", "60");
    }

    @Test
    void twoSuppressedCellsNeedNothingMore() {
        assertThat(rule.cells(130, new long[] {120, 4, 6})).containsExactly("120", "c", "c");
    }

    @Test
    void aTableWithNothingSmallIsShownWhole() {
        assertThat(rule.cells(60, new long[] {10, 0, 50})).containsExactly("10", "0", "50");
    }

    @Test
    void aSmallTotalHidesEveryNonZeroCellByItself() {
        assertThat(rule.cells(3, new long[] {1, 2, 0})).containsExactly("c", "c", "0");
    }

    @Test
    void aTieForTheSmallestOtherCellTakesTheFirst() {
        assertThat(rule.cells(52, new long[] {2, 25, 25})).containsExactly("c", "c", "25");
    }

    @Test
    void aCellWithheldForAnotherReasonIsProtectedFromTheTotalAsWell() {
        // Phases of 400, 250 and 30 pupils, the 30 from too few schools to share: 680 - 400 - 250 would give it.
        assertThat(rule.suppressedCells(680, new long[] {400, 250, 30}, new boolean[] {false, false, true}))
                .containsExactly(false, true, true);
    }
}

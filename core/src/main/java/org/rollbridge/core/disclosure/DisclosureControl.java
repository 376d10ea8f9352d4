package org.rollbridge.core.disclosure;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The one rule for every figure shown below pupil level to someone who may not see the pupils: a count of 1 to
 * {@code threshold - 1} pupils is shown as {@link #SUPPRESSED} (primary suppression); a rate worked out from such a
 * count is suppressed with it; and where the cells of a table add up to a total that is shown, a lone suppressed
 * cell could be got back by subtraction, so the smallest other non-zero cell is suppressed too (secondary
 * suppression). Zero is shown: that nobody is in a group discloses nothing about a pupil.
 */
public final class DisclosureControl {

    /** What a suppressed figure is shown as (the DfE's symbol for confidential). */
    public static final String SUPPRESSED = "c";
    /** Counts of 1 to 9 are suppressed unless the LA sets another threshold. */
    public static final int DEFAULT_THRESHOLD = 10;
    /** Nothing suppressed: for those who may see the pupils themselves. */
    public static final DisclosureControl NONE = new DisclosureControl(1);

    private final int threshold;

    public DisclosureControl(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the smallest count shown must be 1 or more; it was " + threshold);
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /** Whether a count of pupils is too small to show. */
    public boolean small(long count) {
        return count > 0 && count < threshold;
    }

    public String count(long count) {
        return small(count) ? SUPPRESSED : String.valueOf(count);
    }

    /**
     * A rate, suppressed when any count it was worked out from is small; {@code null} (no denominator) is shown
     * as {@code none}.
     */
    public String rate(BigDecimal rate, String none, long... counts) {
        if (Arrays.stream(counts).anyMatch(this::small)) {
            return SUPPRESSED;
        }
        return rate == null ? none : rate.toPlainString();
    }

    /**
     * Which cells of one row or column to suppress when their total is shown: the small ones, and, where exactly
     * one cell is suppressed, the smallest other non-zero cell as well, so that the total less the cells shown
     * does not give the suppressed one away. A small total needs nothing more: every non-zero cell is small then.
     */
    public boolean[] suppressedCells(long total, long[] cells) {
        return suppressedCells(total, cells, new boolean[cells.length]);
    }

    /**
     * As {@link #suppressedCells(long, long[])}, where some cells are already {@code withheld} for another reason
     * (a line made up of too few schools, say): they count as suppressed, since the total would give them away too.
     */
    public boolean[] suppressedCells(long total, long[] cells, boolean[] withheld) {
        boolean[] suppressed = new boolean[cells.length];
        for (int i = 0; i < cells.length; i++) {
            suppressed[i] = withheld[i] || small(cells[i]);
        }
        if (!small(total) && IntStream.range(0, cells.length).filter(i -> suppressed[i]).count() == 1) {
            IntStream.range(0, cells.length).filter(i -> !suppressed[i] && cells[i] > 0)
                    .boxed().min((a, b) -> Long.compare(cells[a], cells[b]))
                    .ifPresent(i -> suppressed[i] = true);
        }
        return suppressed;
    }

    /** The cells as shown, with {@link #suppressedCells} applied. */
    public String[] cells(long total, long[] cells) {
        boolean[] suppressed = suppressedCells(total, cells);
        String[] shown = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            shown[i] = suppressed[i] ? SUPPRESSED : String.valueOf(cells[i]);
        }
        return shown;
    }
}

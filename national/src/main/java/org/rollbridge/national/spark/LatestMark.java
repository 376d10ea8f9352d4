package org.rollbridge.national.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.conv;
import static org.apache.spark.sql.functions.hex;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rpad;
import static org.apache.spark.sql.functions.shiftleft;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;

/**
 * A mark as one long whose maximum is the mark that wins a session: the latest delivery day first, then within one
 * delivery the greater code as text (so the result never depends on file order, and agrees with the plain pass),
 * and in the lowest bits what the code counts as ({@link CodeMap}'s ordinal, or {@link #NOT_COUNTED}).
 *
 * <p>Spark can take the maximum of a long in its hash aggregation; the maximum of a (delivery, code) struct or of
 * a string has no fixed-width buffer and sends the whole pupil-day grouping through a sort of every mark, which was
 * the largest share of the job's CPU in a profile at 100,000 pupils. Bits, from the top: delivery day since 2000
 * (15 bits, to 2089), the code's first five bytes of UTF-8 (40 bits, so byte order is text order), one bit for a
 * code longer than five bytes, and the counted ordinal (6 bits). Codes are one or two characters, so text that
 * long is a code only with four or more spaces around it; two such marks for the same session in one delivery that
 * agree in their first five bytes are told apart by what they count as, not by the rest of their text.
 */
final class LatestMark {

    /** The ordinal bits of a mark that counts for nothing: not a code, or a code that is not a possible session. */
    static final int NOT_COUNTED = 63;
    private static final int ORDINAL_BITS = 6;
    private static final int TEXT_BITS = 41;
    private static final long EPOCH_2000 = LocalDate.of(2000, 1, 1).toEpochDay();

    private LatestMark() {
    }

    /** The mark's key from the table's {@code delivery}, {@code date} and {@code code} columns. */
    static Column of() {
        Column hexText = hex(col("code"));
        Column firstBytes = conv(rpad(substring(hexText, 1, 10), 10, "0"), 16, 10).cast("long");
        Column longer = when(length(hexText).gt(10), 1L).otherwise(0L);
        Column text = coalesce(shiftleft(firstBytes, 1).plus(longer), lit(0L));
        // The partition folder names the delivery day as text (YYYY-MM-DD, as the ingest wrote it).
        Column delivery = unix_date(col("delivery").cast("date")).minus(EPOCH_2000).cast("long");
        Column ordinal = coalesce(CodeMap.lookup(col("code"), col("date")), lit(NOT_COUNTED)).cast("long");
        return shiftleft(delivery, TEXT_BITS + ORDINAL_BITS).plus(shiftleft(text, ORDINAL_BITS)).plus(ordinal);
    }

    /** What the winning mark counts as: core's ordinal of a possible-session code, or null. */
    static Column counted(Column key) {
        Column ordinal = key.bitwiseAND(lit((1L << ORDINAL_BITS) - 1)).cast("int");
        return when(ordinal.notEqual(NOT_COUNTED), ordinal);
    }
}

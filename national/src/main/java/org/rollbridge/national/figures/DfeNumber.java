package org.rollbridge.national.figures;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as the DfE's published files print them (R's {@code as.character}): fifteen significant digits, trailing
 * zeros dropped, and scientific notation ({@code 1.55757077523724e-05}) where it is the shorter form.
 */
public final class DfeNumber {

    private static final MathContext FIFTEEN = new MathContext(15, RoundingMode.HALF_EVEN);

    private DfeNumber() {
    }

    public static String format(double value) {
        if (value == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(value).round(FIFTEEN).stripTrailingZeros();
        String fixed = d.toPlainString();
        String digits = d.unscaledValue().abs().toString();
        int exponent = d.precision() - d.scale() - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String sci = (d.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + String.format("%02d", Math.abs(exponent));
        return fixed.length() <= sci.length() ? fixed : sci;
    }
}

package io.dbzlint.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers as written in configs, read in time that does not grow with their magnitude:
 * {@code 1e999999999} is eleven characters, and expanding it to an integer would take minutes.
 */
public final class Numbers {

    /** Beyond this many digits before or after the point, a number is out of every range a config uses. */
    private static final int MAX_MAGNITUDE_DIGITS = 400;
    private static final Pattern PLAIN_INTEGER = Pattern.compile("[-+]?\\d+");

    private Numbers() {
    }

    /** The number a text writes, if it is one of reasonable magnitude; empty otherwise. */
    public static Optional<BigDecimal> decimal(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty(); // not a number, or an exponent beyond what BigDecimal holds
        }
        int integerDigits = value.precision() - value.scale();
        if (integerDigits > MAX_MAGNITUDE_DIGITS || value.scale() > MAX_MAGNITUDE_DIGITS) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** True when the text writes a number at all, whatever its magnitude. */
    public static boolean isNumber(String text) {
        try {
            new BigDecimal(text.trim());
            return true;
        } catch (NumberFormatException | ArithmeticException e) {
            return text.trim().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)[eE][-+]?\\d+");
        }
    }

    /** True for a whole number written with digits only (no point, no exponent), of any length. */
    public static boolean isPlainInteger(String text) {
        return PLAIN_INTEGER.matcher(text.trim()).matches();
    }

    /** The whole number a text writes, if it is one and is of reasonable magnitude. */
    public static Optional<BigInteger> integer(String text) {
        return decimal(text).flatMap(value -> {
            try {
                return Optional.of(value.toBigIntegerExact());
            } catch (ArithmeticException e) {
                return Optional.empty(); // a fraction
            }
        });
    }
}

package io.dbzlint;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Random input for property tests, from a fixed seed: every run checks the same inputs, and a
 * failure names its try and prints its input. Sizes lean to the small and to the edges (empty,
 * the largest), as a property-testing library's do. {@code -Dgenerators.seed=N} checks others.
 */
public final class Generators {

    public static final long SEED = Long.getLong("generators.seed", 20_251_204L);

    private static final byte[] EDGE_BYTES = {0, 1, -1, 2, -2, Byte.MIN_VALUE, Byte.MAX_VALUE};
    private static final long[] EDGE_LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE};

    private Generators() {
    }

    /** Checks {@code property} on {@code tries} inputs drawn by {@code generator} from one seeded Random. */
    public static <T> void forAll(int tries, Function<Random, T> generator, ThrowingConsumer<T> property) {
        Random random = new Random(SEED);
        for (int i = 1; i <= tries; i++) {
            T input = generator.apply(random);
            try {
                property.accept(input);
            } catch (Throwable failure) {
                throw new AssertionError("try " + i + " of " + tries + " (seed " + SEED + ") failed for "
                        + show(input) + "\n" + String.valueOf(failure.getMessage()).strip(), failure);
            }
        }
    }

    /** From min to max, both included. */
    public static int between(Random random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    @SafeVarargs
    public static <T> T oneOf(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    public static <T> T oneOf(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A length or a count: the least one time in twenty, the most one in fifty, mostly within 32 of the least. */
    public static int size(Random random, int min, int max) {
        int roll = random.nextInt(100);
        if (roll < 5) {
            return min;
        } else if (roll < 7) {
            return max;
        }
        int near = Math.min(max, min + 32);
        return roll < 15 && near < max ? between(random, near + 1, max) : between(random, min, near);
    }

    public static <T> List<T> list(Random random, int maxSize, Function<Random, T> element) {
        List<T> list = new ArrayList<>();
        for (int i = size(random, 0, maxSize); i > 0; i--) {
            list.add(element.apply(random));
        }
        return list;
    }

    /** A string of the characters of {@code alphabet}. */
    public static String string(Random random, String alphabet, int minLength, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = size(random, minLength, maxLength); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** A string of any characters: {@link #anyChar}. */
    public static String string(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = size(random, 0, maxLength); i > 0; i--) {
            text.append(anyChar(random));
        }
        return text.toString();
    }

    /**
     * Any character of the Basic Multilingual Plane but surrogates, noncharacters and those for
     * private use, and often the first, U+0000.
     */
    public static char anyChar(Random random) {
        if (random.nextInt(50) == 0) {
            return '\0';
        }
        while (true) {
            char c = (char) random.nextInt(Character.MAX_VALUE + 1);
            boolean noncharacter = c >= '\uFDD0' && c <= '\uFDEF' || c >= '\uFFFE';
            if (!Character.isSurrogate(c) && !noncharacter && !(c >= '\uE000' && c <= '\uF8FF')) {
                return c;
            }
        }
    }

    /** Up to maxLength bytes of any value, 0, ±1, ±2 and the extremes often. */
    public static byte[] bytes(Random random, int maxLength) {
        byte[] bytes = new byte[size(random, 0, maxLength)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = random.nextInt(5) == 0 ? EDGE_BYTES[random.nextInt(EDGE_BYTES.length)] : (byte) random.nextInt();
        }
        return bytes;
    }

    /** Any long, small magnitudes as often as large ones, and the extremes. */
    public static long anyLong(Random random) {
        if (random.nextInt(10) == 0) {
            return EDGE_LONGS[random.nextInt(EDGE_LONGS.length)];
        }
        return random.nextLong() >> random.nextInt(64);
    }

    /** From 0 to 1 in hundredths, both ends included. */
    public static double fraction(Random random) {
        return between(random, 0, 100) / 100.0;
    }

    /** The input as a failure prints it: escaped as in a Java string literal, bytes in hex. */
    static String show(Object input) {
        if (input instanceof byte[] bytes) {
            return "bytes " + HexFormat.of().formatHex(bytes);
        }
        String text = String.valueOf(input);
        StringBuilder shown = new StringBuilder(input instanceof String ? "\"" : "");
        for (char c : text.toCharArray()) {
            if (c == '"' && input instanceof String || c == '\\') {
                shown.append('\\').append(c);
            } else if (c == '\n' || c == '\r' || c == '\t') {
                shown.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t");
            } else if (c < 0x20 || c > 0x7e) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.append(input instanceof String ? "\"" : "").toString();
    }
}

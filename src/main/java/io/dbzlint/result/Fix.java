package io.dbzlint.result;

import io.dbzlint.model.Location;
import java.util.Objects;
import java.util.Optional;

/**
 * A fix: one token of the file replaced by another. It is applied only where the file still holds
 * {@code expected} at {@code range}, so a fix computed from a range never writes over anything else.
 *
 * @param description what the fix does, as a command ("rename to topic.prefix")
 * @param range the exact characters replaced: on one line (no quotes around a key or value), or
 *     a whole line with its terminator (from column 1 to column 1 of the next line)
 * @param expected the text the range must hold for the fix to apply
 * @param newKey the config key the fix creates, or null when it changes a value; two fixes that
 *     would create one key in one connector are never both applied
 * @param safety whether {@code --fix} applies it, or only {@code --unsafe-fixes} and an editor's quick fix
 */
public record Fix(String description, Location range, String expected, String replacement, String newKey,
                  Safety safety) {

    /** How sure a fix is, as ruff grades its fixes. */
    public enum Safety {
        /** Certain: it keeps what the config means (a rename Debezium made). {@code --fix} applies it. */
        SAFE,
        /**
         * Likely, not certain: a did-you-mean (a misspelt key or value), or a rename whose meaning
         * changed. Applied with {@code --unsafe-fixes}; an editor offers it, not as the preferred fix.
         */
        UNSAFE;

        /** The name the JSON and SARIF reports give it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Fix {
        Objects.requireNonNull(description);
        Objects.requireNonNull(safety);
        Objects.requireNonNull(range);
        Objects.requireNonNull(expected);
        Objects.requireNonNull(replacement);
        boolean wholeLine = range.endLine() == range.line() + 1 && range.column() == 1 && range.endColumn() == 1;
        if (range.line() != range.endLine() && !wholeLine) {
            throw new IllegalArgumentException("a fix replaces text on one line, or a whole line");
        }
    }

    /** A safe fix. */
    public Fix(String description, Location range, String expected, String replacement, String newKey) {
        this(description, range, expected, replacement, newKey, Safety.SAFE);
    }

    /** The same fix, applied only when unsafe fixes are asked for. */
    public Fix unsafe() {
        return new Fix(description, range, expected, replacement, newKey, Safety.UNSAFE);
    }

    /** Whether a run that applies fixes up to {@code allowed} applies this one. */
    public boolean appliesUpTo(Safety allowed) {
        return safety.compareTo(allowed) <= 0;
    }

    /** A key renamed where it is written: nothing when its token holds more than the key (escapes). */
    public static Optional<Fix> renameKey(Location token, String key, String newKey) {
        return writesAsIs(newKey) ? inner(token, key).map(range -> new Fix("rename to " + newKey, range, key, newKey,
                newKey)) : Optional.empty();
    }

    /** A value replaced where it is written: nothing when its token holds more than the value. */
    public static Optional<Fix> replaceValue(Location token, String value, String newValue) {
        return writesAsIs(newValue) ? inner(token, value).map(range -> new Fix("replace with " + newValue, range,
                value, newValue, null)) : Optional.empty();
    }

    /**
     * Whether a new key or value reads back as itself in JSON strings, YAML plain scalars and
     * properties alike, so that it is written without escaping: Debezium's keys, enum values and
     * topic names with ${routedByValue}. Text from a project config's parameter (a quote, a
     * backslash, a newline, a # or spaces) could break the file or inject keys: no fix then.
     */
    static boolean writesAsIs(String text) {
        if (text == null || text.isEmpty() || text.length() > 200) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || ".-_${}/,@+".indexOf(c) >= 0;
            if (!safe) {
                return false;
            }
        }
        return true;
    }

    /**
     * The range of the text inside a token: the token itself when it is the text as written (a
     * plain YAML or properties key), or one character less on each side when quotes surround it.
     * Any other length means escapes or spaces, whose bytes a fix would have to rewrite: none then.
     */
    private static Optional<Location> inner(Location token, String text) {
        if (token.line() != token.endLine() || text.isEmpty()) {
            return Optional.empty();
        }
        int width = token.endColumn() - token.column();
        if (width == text.length()) {
            return Optional.of(token);
        }
        if (width == text.length() + 2) {
            return Optional.of(new Location(token.input(), token.line(), token.column() + 1, token.endLine(),
                    token.endColumn() - 1));
        }
        return Optional.empty();
    }
}

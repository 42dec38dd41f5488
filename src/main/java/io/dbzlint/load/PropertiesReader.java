package io.dbzlint.load;

import io.dbzlint.json.Limits;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Java properties syntax exactly as {@code java.util.Properties.load} reads it, keeping where each
 * key and value was written: logical lines joined by a backslash at the end of a line (the next
 * line's leading white space dropped), # and ! comment lines, a key ended by an unescaped =, : or
 * white space, and the escapes \t \n \r \f, backslash-u and a backslash before any other character.
 */
final class PropertiesReader {

    /**
     * @param value the value as Properties gives it, escapes resolved
     * @param raw the value as written on its lines, backslashes and all
     */
    record Property(String key, String value, String raw, Location keyLocation, Location valueLocation,
                    List<DroppedBackslash> droppedBackslashes) {

        Property(String key, String value, String raw, Location keyLocation, Location valueLocation) {
            this(key, value, raw, keyLocation, valueLocation, List.of());
        }
    }

    /** A backslash the properties syntax drops, and the character it stood before. */
    record DroppedBackslash(Location location, char before) {
    }

    /**
     * Characters a backslash escapes on purpose in a properties file: itself, the separators and
     * comment starts, and blanks. Before any other character (t, n, r, f and u aside) the syntax
     * drops the backslash.
     */
    private static final String MEANT_ESCAPES = "\\=:#! \t\f";

    private final InputId path;
    private final String text;
    private int pos;
    private int line = 1;
    private int column = 1;
    /** While a value is read: where a backslash was dropped (a backslash and the character after it). */
    private List<DroppedBackslash> dropped;

    private PropertiesReader(InputId path, String text) {
        this.path = path;
        this.text = text;
    }

    static List<Property> read(InputId path, String text) {
        return new PropertiesReader(path, text).readAll();
    }

    /** More keys than a connector config holds: read no further (900,000 keys took 16 s and 4 GB). */
    static final class TooManyKeys extends RuntimeException {
        TooManyKeys() {
            super(null, null, false, false);
        }
    }

    private List<Property> readAll() {
        List<Property> properties = new ArrayList<>();
        while (pos < text.length()) {
            if (properties.size() > Limits.MAX_KEYS) {
                throw new TooManyKeys();
            }
            skipBlanks();
            if (pos >= text.length()) {
                break;
            }
            char first = text.charAt(pos);
            // Properties.load reads an empty key and value when the input ends right after a backslash
            // or after the one line-end character that follows it (not after \r\n)
            boolean endsAfter = pos + 1 >= text.length() || pos + 2 == text.length();
            if (first == '\\' && continuation()) {
                if (pos >= text.length() && endsAfter) {
                    // a lone backslash at the very end: Properties.load reads an empty key with an empty value
                    Location here = Location.at(path, line, column);
                    properties.add(new Property("", "", "", here, here));
                }
                continue; // a logical line still empty: what follows counts as a line start (a comment, a blank)
            }
            if (isLineEnd(first)) {
                newline();
                continue;
            }
            if (first == '#' || first == '!') {
                while (pos < text.length() && !isLineEnd(text.charAt(pos))) {
                    advance();
                }
                continue;
            }
            properties.add(readProperty());
        }
        return properties;
    }

    private Property readProperty() {
        int keyLine = line;
        int keyColumn = column;
        StringBuilder key = new StringBuilder();
        int keyEndLine = line;
        int keyEndColumn = column;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (isLineEnd(c) || c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') {
                break;
            }
            if (readInto(key)) {
                keyEndLine = line;
                keyEndColumn = column;
            }
        }
        skipSeparatorBlanks();
        if (pos < text.length() && (text.charAt(pos) == '=' || text.charAt(pos) == ':')) {
            advance();
            skipSeparatorBlanks();
        }
        int valueLine = line;
        int valueColumn = column;
        int rawStart = pos;
        StringBuilder value = new StringBuilder();
        dropped = new ArrayList<>();
        while (pos < text.length() && !isLineEnd(text.charAt(pos))) {
            readInto(value);
        }
        List<DroppedBackslash> droppedInValue = List.copyOf(dropped);
        dropped = null;
        String raw = text.substring(rawStart, pos);
        Location keyLocation = new Location(path, keyLine, keyColumn, keyEndLine, keyEndColumn);
        Location valueLocation = new Location(path, valueLine, valueColumn, line, Math.max(column, valueLine == line
                ? valueColumn : 1));
        return new Property(key.toString(), value.toString(), raw, keyLocation, valueLocation, droppedInValue);
    }

    /**
     * Reads one character of a key or value into {@code into}: itself, or what its escape stands
     * for. A backslash that ends the line joins the next line instead, its leading blanks skipped:
     * false then, as nothing was read.
     */
    private boolean readInto(StringBuilder into) {
        char c = text.charAt(pos);
        if (c != '\\') {
            into.append(c);
            advance();
            return true;
        }
        if (continuation()) {
            skipBlanks();
            return false;
        }
        int escapeLine = line;
        int escapeColumn = column;
        char escaped = pos + 1 < text.length() ? text.charAt(pos + 1) : '\\';
        into.append(escape());
        if (dropped != null && "tnrfu".indexOf(escaped) < 0 && MEANT_ESCAPES.indexOf(escaped) < 0) {
            dropped.add(new DroppedBackslash(new Location(path, escapeLine, escapeColumn, escapeLine, escapeColumn + 2),
                    escaped));
        }
        return true;
    }

    /** At a backslash: true, having moved to the next line, when it ends the line (an odd count). */
    private boolean continuation() {
        int next = pos + 1;
        if (next < text.length() && !isLineEnd(text.charAt(next))) {
            return false;
        }
        advance(); // the backslash
        if (pos < text.length()) {
            newline();
        }
        return true;
    }

    /** At a backslash followed by a character: the character it stands for. */
    private char escape() {
        advance();
        if (pos >= text.length()) {
            return '\\';
        }
        char c = text.charAt(pos);
        advance();
        switch (c) {
            case 't':
                return '\t';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 'f':
                return '\f';
            case 'u':
                int value = 0;
                for (int i = 0; i < 4; i++) {
                    if (pos >= text.length() || Character.digit(text.charAt(pos), 16) < 0) {
                        return (char) value; // Properties.load refuses it; keep what was read
                    }
                    value = value * 16 + Character.digit(text.charAt(pos), 16);
                    advance();
                }
                return (char) value;
            default:
                return c;
        }
    }

    /** White space around a separator, which may run over continued lines: Properties joins them first. */
    private void skipSeparatorBlanks() {
        skipBlanks();
        while (pos < text.length() && text.charAt(pos) == '\\' && continuation()) {
            skipBlanks();
        }
    }

    private void skipBlanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t' || text.charAt(pos) == '\f')) {
            advance();
        }
    }

    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r';
    }

    private void advance() {
        pos++;
        column++;
    }

    /** At a line end: past it (\r\n counts once), at the next line's start. */
    private void newline() {
        if (text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
            pos++;
        }
        pos++;
        line++;
        column = 1;
    }
}

package io.dbzlint.debezium;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Location;
import io.dbzlint.model.Regexes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Debezium's include and exclude lists as Debezium reads them (Strings.setOfRegex,
 * Predicates.includes): regular expressions separated by commas (a comma after a backslash stays in
 * its expression, without the backslash), each trimmed, compiled case-insensitively and matched against the whole name:
 * {@code schema.table} on PostgreSQL, {@code database.table} on MySQL and MariaDB, with the column
 * name appended for the column lists.
 */
public final class FilterLists {

    /** The table lists, 2.x name first; 1.x's whitelist and blacklist are read when the new name is unset. */
    public static final List<String> TABLE_INCLUDE = List.of("table.include.list", "table.whitelist");
    public static final List<String> TABLE_EXCLUDE = List.of("table.exclude.list", "table.blacklist");
    public static final List<String> COLUMN_INCLUDE = List.of("column.include.list", "column.whitelist");
    public static final List<String> COLUMN_EXCLUDE = List.of("column.exclude.list", "column.blacklist");
    public static final List<String> DATABASE_INCLUDE = List.of("database.include.list", "database.whitelist");
    public static final List<String> DATABASE_EXCLUDE = List.of("database.exclude.list", "database.blacklist");
    public static final List<String> SCHEMA_INCLUDE = List.of("schema.include.list", "schema.whitelist");
    public static final List<String> SCHEMA_EXCLUDE = List.of("schema.exclude.list", "schema.blacklist");


    private FilterLists() {
    }

    /**
     * One expression of a list as Debezium reads it, and where it is written in the value's text
     * (offset and length). A plain dotted name, the common case, is matched without a regular
     * expression; any other is compiled when first matched.
     */
    public static final class Item {
        private final String text;
        private final int offset;
        private final int length;
        private final boolean plain;
        private Pattern pattern;
        private String error;

        Item(String text, int offset, int length) {
            this.text = text;
            this.offset = offset;
            this.length = length;
            this.plain = isPlain(text);
        }

        public String text() {
            return text;
        }

        public int offset() {
            return offset;
        }

        public int length() {
            return length;
        }

        public boolean valid() {
            return plain || compiled() != null;
        }

        /** Why the expression does not compile, or null. */
        public String error() {
            compiled();
            return error;
        }

        public boolean matches(String name) {
            if (plain) {
                return matchesPlain(name);
            }
            Pattern compiled = compiled();
            return compiled != null && compiled.matcher(Regexes.budgeted(name)).matches();
        }

        /**
         * The parts of a plain dotted name ({@code public.orders}, {@code inventory\.customers}):
         * none for an expression that uses more of the regular expression syntax than dots.
         */
        public Optional<List<String>> parts() {
            if (!plain) {
                return Optional.empty();
            }
            List<String> parts = new ArrayList<>(3);
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\' || c == '.') {
                    parts.add(text.substring(start, i));
                    i += c == '\\' ? 1 : 0;
                    start = i + 1;
                }
            }
            parts.add(text.substring(start));
            return Optional.of(List.copyOf(parts));
        }

        private Pattern compiled() {
            if (pattern == null && error == null) {
                try {
                    pattern = Pattern.compile(text, Pattern.CASE_INSENSITIVE);
                } catch (PatternSyntaxException e) {
                    error = e.getDescription();
                }
            }
            return pattern;
        }

        /** The regular expression's meaning for name characters and dots: a dot is any character, \. a dot. */
        private boolean matchesPlain(String name) {
            int at = 0;
            for (int i = 0; i < text.length(); i++, at++) {
                if (at >= name.length()) {
                    return false;
                }
                char c = text.charAt(i);
                if (c == '\\') {
                    c = text.charAt(++i); // always a dot: the only escape a plain name has
                    if (name.charAt(at) != c) {
                        return false;
                    }
                } else if (c != '.' && !sameIgnoringAsciiCase(c, name.charAt(at))) {
                    return false;
                }
            }
            return at == name.length();
        }

        /**
         * Names and dots only: name characters (letters, digits, _ and -, none of which a regular
         * expression reads as more than itself; $ is an anchor), in parts separated by . or \.
         */
        private static boolean isPlain(String text) {
            boolean partStarted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
                    partStarted = true;
                    continue;
                }
                if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '.') {
                    i++;
                } else if (c != '.') {
                    return false;
                }
                if (!partStarted) {
                    return false; // an empty part: a leading dot or two in a row
                }
                partStarted = false;
            }
            return partStarted;
        }

        /** Pattern.CASE_INSENSITIVE without UNICODE_CASE folds US-ASCII letters only. */
        private static boolean sameIgnoringAsciiCase(char plain, char other) {
            return plain == other || other < 128 && Character.toLowerCase(plain) == Character.toLowerCase(other);
        }
    }

    /** A list as it is set on a connector: its entry, and its expressions. */
    public record FilterList(ConfigEntry entry, List<Item> items) {

        public boolean allValid() {
            return items.stream().allMatch(Item::valid);
        }

        public boolean anyMatches(String name) {
            return items.stream().anyMatch(item -> item.matches(name));
        }

        /** Where an expression is written: its own characters when the value is written as is, else the value. */
        public Location locationOf(Item item) {
            Location value = entry.valueLocation();
            int width = value.endColumn() - value.column();
            int length = entry.text().length();
            if (value.line() != value.endLine() || width != length && width != length + 2) {
                return value;
            }
            int start = value.column() + (width == length ? 0 : 1) + item.offset();
            return new Location(value.input(), value.line(), start, value.line(), start + item.length());
        }
    }

    /** The list under the first of the keys that is set as plain text, if it holds any expression. */
    public static Optional<FilterList> of(Connector connector, List<String> keys) {
        for (String key : keys) {
            Optional<ConfigEntry> entry = connector.entry(key);
            if (entry.isPresent()) {
                if (!entry.get().isLiteral()) {
                    return Optional.empty(); // a reference: its expressions are known at deploy time
                }
                List<Item> items = split(entry.get().text());
                return items.isEmpty() ? Optional.empty() : Optional.of(new FilterList(entry.get(), items));
            }
        }
        return Optional.empty();
    }

    public static List<Item> split(String value) {
        List<Item> items = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i < value.length() && (value.charAt(i) != ',' || escaped(value, i))) {
                continue;
            }
            String raw = value.substring(start, i);
            String written = raw.strip();
            if (!written.isEmpty()) {
                items.add(new Item(written.replace("\\,", ","), start + raw.indexOf(written), written.length()));
            }
            start = i + 1;
        }
        return items;
    }

    /** True when the character at {@code index} follows an odd number of backslashes. */
    public static boolean escaped(String text, int index) {
        int backslashes = 0;
        for (int i = index - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** How the connector names a table: the word for the part before the table, and an example. */
    public static String containerWord(ConnectorType type) {
        return type == ConnectorType.POSTGRESQL ? "schema" : "database";
    }

    public static String tableExample(ConnectorType type) {
        return type == ConnectorType.POSTGRESQL ? "public.orders" : "inventory.orders";
    }

    /** The connectors whose names have a known form: PostgreSQL's schema.table, MySQL's and MariaDB's database.table. */
    public static boolean knowsNameForm(Connector connector) {
        return connector.type() == ConnectorType.POSTGRESQL || connector.type().isMySqlFamily();
    }

    /** The include and exclude lists of the part before the table: schemas on PostgreSQL, databases on MySQL. */
    public static List<String> containerInclude(ConnectorType type) {
        return type == ConnectorType.POSTGRESQL ? SCHEMA_INCLUDE : DATABASE_INCLUDE;
    }

    public static List<String> containerExclude(ConnectorType type) {
        return type == ConnectorType.POSTGRESQL ? SCHEMA_EXCLUDE : DATABASE_EXCLUDE;
    }

    /**
     * Whether Debezium's table filter keeps a table, judged from the lists that are set; empty when a
     * list holds a reference or an expression that does not compile, so nothing can be said.
     */
    public static Optional<Boolean> captures(Connector connector, String container, String table) {
        try {
            return capturesOrThrow(connector, container, table);
        } catch (Regexes.TooComplex e) {
            return Optional.empty();
        }
    }

    private static Optional<Boolean> capturesOrThrow(Connector connector, String container, String table) {
        String name = container + "." + table;
        List<Optional<FilterList>> lists = List.of(of(connector, containerInclude(connector.type())),
                of(connector, containerExclude(connector.type())), of(connector, TABLE_INCLUDE),
                of(connector, TABLE_EXCLUDE));
        for (Optional<FilterList> list : lists) {
            if (list.isPresent() && !list.get().allValid()) {
                return Optional.empty();
            }
        }
        boolean kept = lists.get(0).map(list -> list.anyMatches(container)).orElse(true)
                && !lists.get(1).map(list -> list.anyMatches(container)).orElse(false)
                && lists.get(2).map(list -> list.anyMatches(name)).orElse(true)
                && !lists.get(3).map(list -> list.anyMatches(name)).orElse(false);
        return Optional.of(kept);
    }

    /** True when a key of the list is set, whatever its value: the connector captures a subset. */
    public static boolean isSet(Connector connector, List<String> keys) {
        return keys.stream().anyMatch(key -> connector.entry(key)
                .filter(entry -> !entry.hasText() || !entry.text().isBlank()).isPresent());
    }
}

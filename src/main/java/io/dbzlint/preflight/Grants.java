package io.dbzlint.preflight;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The privileges the lines of MySQL's and MariaDB's {@code SHOW GRANTS} give, global and per
 * database, and the roles they grant. Never kept as text: a line may carry a password hash
 * ({@code IDENTIFIED BY PASSWORD '*...'}), so it is read here and dropped.
 */
final class Grants {

    private final Set<String> global = new HashSet<>();
    private final Set<String> databaseSelect = new HashSet<>();
    private final List<String> roles = new ArrayList<>();
    private boolean all;

    /** Adds what one line of SHOW GRANTS grants. */
    void add(String line) {
        String text = line.strip();
        if (!text.regionMatches(true, 0, "GRANT ", 0, 6)) {
            return;
        }
        text = text.substring(6);
        int on = topLevel(text, " ON ");
        int to = topLevel(text, " TO ");
        if (to < 0) {
            return;
        }
        if (on < 0 || on > to) {
            // GRANT role [, role] TO user: the roles, as SHOW GRANTS FOR and SET ROLE name them
            for (String role : split(text.substring(0, to))) {
                roles.add(role.strip());
            }
            return;
        }
        String object = text.substring(on + 4, to).strip();
        if (object.toUpperCase(Locale.ROOT).startsWith("PROCEDURE ") || object.toUpperCase(Locale.ROOT)
                .startsWith("FUNCTION ")) {
            return;
        }
        Set<String> privileges = new HashSet<>();
        for (String privilege : split(text.substring(0, on))) {
            String name = privilege.replaceAll("\\(.*\\)", "").strip().replaceAll("\\s+", " ")
                    .toUpperCase(Locale.ROOT);
            privileges.add(name.equals("ALL") ? "ALL PRIVILEGES" : name);
        }
        if (object.equals("*.*")) {
            global.addAll(privileges);
            all |= privileges.contains("ALL PRIVILEGES");
        } else if (object.endsWith(".*") && (privileges.contains("SELECT") || privileges.contains("ALL PRIVILEGES"))) {
            databaseSelect.add(unquote(object.substring(0, object.length() - 2)));
        }
    }

    /** A global privilege, by any of its names (REPLICATION SLAVE or REPLICATION REPLICA ...). */
    boolean has(String... names) {
        if (all) {
            return true;
        }
        for (String name : names) {
            if (global.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** SELECT on every table of a database, globally or on the database. */
    boolean canSelect(String database) {
        return has("SELECT") || databaseSelect.contains(database);
    }

    List<String> roles() {
        return roles;
    }

    /**
     * The positions of a grant line outside quoted names (`db`, 'user', "x") and parentheses, in
     * order: where a keyword or a separator counts. One scan for both readers below.
     */
    private static List<Integer> unquoted(String text) {
        List<Integer> positions = new ArrayList<>();
        char quote = 0;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '`' || c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0) {
                positions.add(i);
            }
        }
        return positions;
    }

    /** The index of a keyword outside quotes and parentheses, case-blind; -1 when it is not there. */
    private static int topLevel(String text, String keyword) {
        for (int i : unquoted(text)) {
            if (text.regionMatches(true, i, keyword, 0, keyword.length())) {
                return i;
            }
        }
        return -1;
    }

    /** Comma-separated parts, outside parentheses and quotes. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i : unquoted(text)) {
            if (text.charAt(i) == ',') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static String unquote(String name) {
        String text = name.strip();
        if (text.length() >= 2 && (text.charAt(0) == '`' || text.charAt(0) == '\'' || text.charAt(0) == '"')
                && text.charAt(text.length() - 1) == text.charAt(0)) {
            return text.substring(1, text.length() - 1).replace("\\_", "_");
        }
        return text;
    }
}

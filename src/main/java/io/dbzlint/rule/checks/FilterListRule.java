package io.dbzlint.rule.checks;

import io.dbzlint.debezium.FilterLists;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Printable;
import io.dbzlint.model.Regexes;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.List;
import java.util.Optional;

/**
 * Include and exclude list entries that cannot mean what they say. Debezium matches each entry,
 * a regular expression, against whole fully qualified names, so an entry without its schema or
 * database never matches (error), a glob matches something else than meant (warning), and a
 * table whose database or schema the database or schema list leaves out is never captured (error).
 */
public final class FilterListRule implements ConnectorRule {

    /** The connector's database (schema) include and exclude lists, read once per connector. */
    private record Containers(Optional<FilterLists.FilterList> include, Optional<FilterLists.FilterList> exclude) {
    }

    /** A kind of list: its keys, what its entries name, and how many dotted parts such a name has. */
    private record Kind(List<String> keys, String names, int parts) {
    }

    @Override
    public String id() {
        return "filter-list-pattern";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (!FilterLists.knowsNameForm(connector)) {
            return;
        }
        ConnectorType type = connector.type();
        String container = FilterLists.containerWord(type);
        List<Kind> kinds = List.of(
                new Kind(FilterLists.containerInclude(type), container + " names", 1),
                new Kind(FilterLists.containerExclude(type), container + " names", 1),
                new Kind(FilterLists.TABLE_INCLUDE, container + ".table names", 2),
                new Kind(FilterLists.TABLE_EXCLUDE, container + ".table names", 2),
                new Kind(FilterLists.COLUMN_INCLUDE, container + ".table.column names", 3),
                new Kind(FilterLists.COLUMN_EXCLUDE, container + ".table.column names", 3));
        Containers containers = new Containers(
                FilterLists.of(connector, FilterLists.containerInclude(type)).filter(list -> read(connector, list, context)),
                FilterLists.of(connector, FilterLists.containerExclude(type)).filter(list -> read(connector, list, context)));
        for (Kind kind : kinds) {
            FilterLists.of(connector, kind.keys()).filter(list -> read(connector, list, context)).ifPresent(list -> {
                for (FilterLists.Item item : list.items()) {
                    try {
                        checkItem(connector, kind, list, item, containers, sink);
                    } catch (Regexes.TooComplex e) {
                        // an expression too costly to match: nothing is said about this entry
                    }
                }
            });
        }
    }

    /**
     * Whether the release the connector runs reads the list's key: under an old name it no longer
     * reads (table.whitelist from 2.0), the list filters nothing, and deprecated-property says so.
     */
    private static boolean read(Connector connector, FilterLists.FilterList list, RuleContext context) {
        return CatalogLookup.isRead(connector, list.entry().key(), context);
    }

    private void checkItem(Connector connector, Kind kind, FilterLists.FilterList list, FilterLists.Item item,
                           Containers containers, FindingSink sink) {
        String key = list.entry().key();
        String shown = Printable.quote(item.text()) + " in " + key;
        if (!item.valid()) {
            return; // invalid-value reports it: Debezium refuses the connector
        }
        int glob = globStar(item.text());
        if (glob >= 0) {
            sink.report(connector, key, list.locationOf(item), shown + " looks like a glob, but the list holds"
                    + " regular expressions: \"" + item.text().charAt(glob - 1) + "*\" repeats the \""
                    + item.text().charAt(glob - 1) + "\"; write " + Printable.quote(globToRegex(item.text())));
            return;
        }
        Optional<List<String>> parts = item.parts();
        if (parts.isEmpty()) {
            return; // an expression with more than names and dots: what it matches is its author's
        }
        int count = parts.get().size();
        if (count < kind.parts()) {
            sink.asError().report(connector, key, list.locationOf(item), shown + " can never match: Debezium"
                    + " matches " + key + " against whole " + kind.names() + ", e.g. " + Printable.quote(example(connector.type(),
                    kind.parts(), parts.get())));
            return;
        }
        if (count > kind.parts()) {
            sink.report(connector, key, list.locationOf(item), shown + " has " + count + " dotted parts, but"
                    + " Debezium matches " + key + " against " + kind.names() + extraPartHint(connector.type(),
                    kind.parts()) + "; it matches only a name with a dot in it");
            return;
        }
        if (kind.parts() >= 2 && kind.keys().get(0).endsWith(".include.list")) {
            checkContainer(connector, key, list, item, parts.get().get(0), containers, sink);
        }
    }

    /** A table or column entry whose database (schema) the database (schema) lists leave out. */
    private void checkContainer(Connector connector, String key, FilterLists.FilterList list, FilterLists.Item item,
                                String container, Containers containers, FindingSink sink) {
        String word = FilterLists.containerWord(connector.type());
        Optional<FilterLists.FilterList> include = containers.include();
        Optional<FilterLists.FilterList> exclude = containers.exclude();
        String why = null;
        String fix = null;
        if (include.isPresent() && include.get().allValid() && !include.get().anyMatches(container)) {
            why = include.get().entry().key() + " does not include it";
            fix = "add " + Printable.quote(container) + " to " + include.get().entry().key();
        } else if (exclude.isPresent() && exclude.get().allValid() && exclude.get().anyMatches(container)) {
            why = exclude.get().entry().key() + " excludes it";
            fix = "take " + Printable.quote(container) + " out of " + exclude.get().entry().key();
        }
        if (why != null) {
            sink.asError().report(connector, key, list.locationOf(item), Printable.quote(item.text()) + " in " + key
                    + " names " + word + " " + Printable.quote(container) + ", but " + why + ": Debezium captures a table only"
                    + " when both lists keep it, so this entry never matches; " + fix + " or remove the entry");
        }
    }

    /** The index of a * that follows a plain name character, as in user_* (a glob's star), or -1. */
    static int globStar(String text) {
        for (int i = 1; i < text.length(); i++) {
            char previous = text.charAt(i - 1);
            if (text.charAt(i) == '*' && !FilterLists.escaped(text, i)
                    && (Character.isLetterOrDigit(previous) || previous == '_' || previous == '$')
                    && !FilterLists.escaped(text, i - 1)) {
                return i;
            }
        }
        return -1;
    }

    /** A glob as the regular expression meant: * as .*, a literal dot escaped. */
    static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && (i == 0 || glob.charAt(i - 1) != '.')) {
                regex.append(".*");
            } else if (c == '.' && i + 1 < glob.length() && glob.charAt(i + 1) != '*') {
                regex.append("\\.");
            } else {
                regex.append(c);
            }
        }
        return regex.toString();
    }

    private static String example(ConnectorType type, int parts, List<String> written) {
        String last = written.get(written.size() - 1);
        String container = type == ConnectorType.POSTGRESQL ? "public" : "inventory";
        return switch (parts) {
            case 2 -> container + "." + last;
            case 3 -> written.size() == 2 ? container + "." + written.get(0) + "." + last : container + ".orders." + last;
            default -> last;
        };
    }

    private static String extraPartHint(ConnectorType type, int parts) {
        if (type == ConnectorType.POSTGRESQL && parts >= 2) {
            return " (leave out the database: database.dbname names it)";
        }
        return parts == 1 ? " (tables belong in the table list)" : "";
    }
}

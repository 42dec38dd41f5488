package io.dbzlint.rule.checks;

import io.dbzlint.debezium.FilterLists;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Printable;
import io.dbzlint.model.Regexes;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.List;
import java.util.Optional;

/**
 * A signal table that Debezium cannot read signals from: named in another form than the connector's
 * table names, left out of the table filter by Debezium 1.x (2.x and later capture it whatever
 * the filter says), or with its columns cut off by the column lists. Signals written to it then
 * vanish without an error.
 */
public final class SignalCollectionRule implements ConnectorRule {

    private static final String KEY = "signal.data.collection";
    /** The signal table's columns, as Debezium's docs define them. */
    private static final List<String> COLUMNS = List.of("id", "type", "data");

    @Override
    public String id() {
        return "signal-data-collection";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (!FilterLists.knowsNameForm(connector)) {
            return;
        }
        Optional<ConfigEntry> entry = connector.entry(KEY).filter(ConfigEntry::isLiteral)
                .filter(e -> !e.text().isBlank());
        if (entry.isEmpty() || !sourceChannelEnabled(connector)) {
            return;
        }
        String signal = entry.get().text().trim();
        Optional<List<String>> parts = FilterLists.split(signal).stream().findFirst()
                .flatMap(FilterLists.Item::parts);
        if (parts.isEmpty()) {
            return; // quoted or unusual names: Debezium's parser is the judge
        }
        String word = FilterLists.containerWord(connector.type());
        if (parts.get().size() != 2) {
            // too few parts can never match a table; too many match only a name with a dot in it
            (parts.get().size() < 2 ? sink.asError() : sink).report(connector, KEY, entry.get().valueLocation(), KEY + " " + Printable.quote(signal) + " is not"
                    + " in the form " + word + ".table that " + connector.type().displayName() + " names its tables"
                    + " with, so no captured change is ever taken for a signal; write e.g. \""
                    + FilterLists.tableExample(connector.type()).replace("orders", "debezium_signal") + "\"");
            return;
        }
        String name = parts.get().get(0) + "." + parts.get().get(1);
        if (!context.parameters().debeziumVersion().isAtLeast("2.0")
                && FilterLists.captures(connector, parts.get().get(0), parts.get().get(1)).equals(Optional.of(false))) {
            sink.report(connector, KEY, entry.get().valueLocation(), "the signal table " + Printable.quote(name) + " is not captured:"
                    + " Debezium " + context.parameters().debeziumVersion() + " reads signals only from captured"
                    + " tables, so signals written to it are never seen; add it to table.include.list (and its "
                    + word + " to the " + word + " list, if set)");
            return;
        }
        try {
            checkColumns(connector, entry.get(), name, sink);
        } catch (Regexes.TooComplex e) {
            // a column expression too costly to match: nothing is said
        }
    }

    /** The column lists must keep the signal table's columns. */
    private static void checkColumns(Connector connector, ConfigEntry entry, String name, FindingSink sink) {
        Optional<FilterLists.FilterList> include = FilterLists.of(connector, FilterLists.COLUMN_INCLUDE)
                .filter(FilterLists.FilterList::allValid);
        Optional<FilterLists.FilterList> exclude = FilterLists.of(connector, FilterLists.COLUMN_EXCLUDE)
                .filter(FilterLists.FilterList::allValid);
        if (include.isPresent() && COLUMNS.stream().noneMatch(column -> include.get().anyMatches(name + "." + column))) {
            sink.report(connector, KEY, entry.valueLocation(), include.get().entry().key() + " keeps no column of"
                    + " the signal table " + Printable.quote(name) + ", so its changes arrive empty and signals vanish"
                    + " without an error; add " + Printable.quote(name.replace(".", "\\.") + "\\..*") + " to it");
            return;
        }
        exclude.ifPresent(list -> COLUMNS.stream().filter(column -> list.anyMatches(name + "." + column)).findFirst()
                .ifPresent(column -> sink.report(connector, KEY, entry.valueLocation(), list.entry().key()
                        + " drops the column \"" + column + "\" of the signal table " + Printable.quote(name)
                        + ", so signals vanish without an error; keep the signal table's columns out of "
                        + list.entry().key())));
    }

    /** The source channel reads the signal table; it is on unless signal.enabled.channels leaves it out. */
    private static boolean sourceChannelEnabled(Connector connector) {
        Optional<ConfigEntry> channels = connector.entry("signal.enabled.channels");
        if (channels.isEmpty()) {
            return true;
        }
        if (!channels.get().isLiteral()) {
            return false;
        }
        for (String channel : channels.get().text().split(",")) {
            if (channel.trim().equalsIgnoreCase("source")) {
                return true;
            }
        }
        return false;
    }
}

package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Printable;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chain of single message transforms as Kafka Connect builds it (ConnectorConfig: the aliases
 * of {@code transforms}, each with its {@code transforms.ALIAS.type}, and the predicates of
 * {@code predicates} they name). Connect refuses an alias listed twice or without a type, and a
 * {@code negate} without a predicate; a task whose transform names a predicate {@code predicates}
 * does not list fails at start (its {@code predicates.P.type} is no config Connect defines). Keys of
 * an alias the list does not name are never read: that transform never runs.
 */
public final class TransformChainRule implements ConnectorRule {

    private static final String TRANSFORMS = "transforms";
    private static final String PREDICATES = "predicates";

    @Override
    public String id() {
        return "transform-chain";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (connector.runsOnDebeziumEngine()) {
            return; // Debezium Server and the embedded engine build their chain from their own keys
        }
        Optional<List<String>> transforms = aliases(connector, TRANSFORMS, sink);
        Optional<List<String>> predicates = aliases(connector, PREDICATES, sink);
        if (transforms == null || predicates == null) {
            return; // a template: the lists are not known
        }
        List<String> listed = transforms.orElse(List.of());
        List<String> listedPredicates = predicates.orElse(List.of());
        for (String alias : listed) {
            String prefix = TRANSFORMS + "." + alias + ".";
            ConfigEntry list = connector.entry(TRANSFORMS).orElseThrow();
            if (connector.entry(prefix + "type").isEmpty()) {
                sink.report(connector, TRANSFORMS, list.valueLocation(), "transforms lists " + Printable.quote(alias)
                        + ", but " + prefix + "type is not set: Kafka Connect refuses the config; set the"
                        + " transform's class, or take the alias out of the list");
            }
            Optional<ConfigEntry> predicate = connector.entry(prefix + "predicate").filter(ConfigEntry::isLiteral);
            Optional<ConfigEntry> negate = connector.entry(prefix + "negate");
            if (negate.isPresent() && connector.entry(prefix + "predicate").isEmpty()) {
                sink.report(connector, negate.get().key(), negate.get().keyLocation(), negate.get().key()
                        + " is set without " + prefix + "predicate: Kafka Connect refuses the config; name the"
                        + " predicate to negate, or remove it");
            }
            if (predicate.isPresent() && predicates.isPresent()) {
                String name = predicate.get().text().trim();
                if (!name.isEmpty() && !listedPredicates.contains(name)) {
                    sink.report(connector, predicate.get().key(), predicate.get().valueLocation(), predicate.get().key()
                            + " names predicate " + Printable.quote(name) + ", which predicates does not list:"
                            + " Kafka Connect cannot build it and the task fails at start; add it to predicates");
                }
            } else if (predicate.isPresent() && connector.entry(PREDICATES).isEmpty()) {
                String name = predicate.get().text().trim();
                if (!name.isEmpty()) {
                    sink.report(connector, PREDICATES, predicate.get().valueLocation(), predicate.get().key()
                            + " names predicate " + Printable.quote(name) + ", but predicates is not set: Kafka"
                            + " Connect cannot build it and the task fails at start; set predicates to " + name);
                }
            }
        }
        for (String alias : listedPredicates) {
            String type = PREDICATES + "." + alias + ".type";
            if (connector.entry(type).isEmpty()) {
                sink.report(connector, PREDICATES, connector.entry(PREDICATES).orElseThrow().valueLocation(),
                        "predicates lists " + Printable.quote(alias) + ", but " + type + " is not set: Kafka Connect"
                                + " refuses the config; set the predicate's class, or take it out of the list");
            }
        }
        unlisted(connector, TRANSFORMS, transforms, "transform", sink.asWarning());
        unlisted(connector, PREDICATES, predicates, "predicate", sink.asWarning());
    }

    /**
     * The aliases a list key names: empty when the key is unset, null when it is a template. An
     * alias listed twice is reported: Kafka Connect's alias validator refuses the config.
     */
    private static Optional<List<String>> aliases(Connector connector, String key, FindingSink sink) {
        Optional<ConfigEntry> entry = connector.entry(key);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        if (!entry.get().isLiteral() || entry.get().text() == null) {
            return null;
        }
        List<String> aliases = new ArrayList<>();
        for (String alias : entry.get().text().split(",")) {
            String trimmed = alias.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (aliases.contains(trimmed)) {
                sink.report(connector, key, entry.get().valueLocation(), key + " lists " + Printable.quote(trimmed)
                        + " twice: Kafka Connect refuses the config (duplicate alias); list it once");
                continue;
            }
            aliases.add(trimmed);
        }
        return Optional.of(aliases);
    }

    /** Keys of aliases the list does not name, once per alias: nothing reads them. */
    private static void unlisted(Connector connector, String list, Optional<List<String>> listed, String kind,
                                 FindingSink sink) {
        Map<String, ConfigEntry> firstKeys = new LinkedHashMap<>();
        for (ConfigEntry entry : connector.config().values()) {
            String key = entry.key();
            if (!key.startsWith(list + ".")) {
                continue;
            }
            int dot = key.indexOf('.', list.length() + 1);
            if (dot < 0) {
                continue;
            }
            String alias = key.substring(list.length() + 1, dot);
            if (!listed.map(aliases -> aliases.contains(alias)).orElse(false)) {
                firstKeys.putIfAbsent(alias, entry);
            }
        }
        firstKeys.forEach((alias, entry) -> sink.report(connector, listed.isEmpty() ? list : entry.key(),
                entry.keyLocation(), listed.isEmpty()
                        ? entry.key() + " configures " + kind + " " + Printable.quote(alias) + ", but " + list
                        + " is not set: Kafka Connect never runs it; set " + list + " to " + alias
                        : entry.key() + " configures " + kind + " " + Printable.quote(alias) + ", which " + list
                        + " does not list: Kafka Connect never runs it; add it to " + list + ", or remove its keys"));
    }
}

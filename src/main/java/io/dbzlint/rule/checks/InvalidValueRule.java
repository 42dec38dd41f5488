package io.dbzlint.rule.checks;

import io.dbzlint.debezium.Catalog;
import io.dbzlint.debezium.ReleaseCatalog;
import io.dbzlint.debezium.FilterLists;
import io.dbzlint.json.Schemas;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Numbers;
import io.dbzlint.model.Printable;
import io.dbzlint.result.Fix;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.Suggestions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A value Debezium would refuse: the wrong type for its property (boolean, integer, number), a
 * value outside its allowed set (snapshot.mode, plugin.name, SSL modes ...), or a list of regular
 * expressions that does not compile. Keys the house JSON Schema in rules/schemas/ describes (such
 * as database.port) are left to config-schema, which says more about them.
 */
public final class InvalidValueRule implements ConnectorRule {

    /**
     * Keys a dedicated rule checks with more to say (server-id-range, plugin-name): one value, one
     * finding, there. plugin-name reports a plugin Debezium refuses with this rule's words.
     */
    private static final Set<String> OWNED_ELSEWHERE = Set.of(Keys.SERVER_ID, Keys.PLUGIN_NAME);


    @Override
    public String id() {
        return "invalid-value";
    }

    /** A value one "did you mean" from an allowed one gets an unsafe fix. */
    @Override
    public boolean fixable() {
        return true;
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        JsonNode houseSchema = Schemas.tree(ConfigSchemaRule.schemaFile(connector.type())).path("properties");
        for (ConfigEntry entry : connector.config().values()) {
            if (!entry.isLiteral() || houseSchema.has(entry.key()) || OWNED_ELSEWHERE.contains(entry.key())
                    || context.catalog().valueRename(entry.key(), entry.text()).isPresent()) {
                continue;
            }
            Optional<Catalog.Property> property = propertyFor(connector, entry.key(), context);
            property.flatMap(p -> problem(p, entry.text().trim()))
                    .ifPresent(problem -> sinkFor(connector, entry, context, sink).report(connector, entry.key(),
                            entry.valueLocation(), entry.key() + (entry.isSecret() ? "" : " "
                                    + Printable.quote(entry.text())) + " " + problem,
                            property.flatMap(p -> typoFix(p, entry))));
        }
    }

    /** What Debezium (the target release) refuses in a literal value, or empty when it takes it. */
    static Optional<String> refusal(Connector connector, ConfigEntry entry, RuleContext context) {
        return propertyFor(connector, entry.key(), context).flatMap(property -> problem(property, entry.text().trim()));
    }

    /**
     * The value a did-you-mean offers, as an unsafe fix: one allowed value nearest to what is written
     * (snapshot.mode inital: initial). Allowed values come from the target release's definition, so
     * the fix never writes one it refuses.
     */
    private static Optional<Fix> typoFix(Catalog.Property property, ConfigEntry entry) {
        List<String> nearest = nearest(property, entry.text().trim());
        return nearest.size() == 1 ? Fix.replaceValue(entry.valueLocation(), entry.text(), nearest.get(0)).map(Fix::unsafe)
                : Optional.empty();
    }

    /** The allowed values nearest to a value that is not one of them; none when it is, or when none is near. */
    private static List<String> nearest(Catalog.Property property, String value) {
        if (property.allowed().isEmpty() || value.isEmpty() || property.allowed().contains(value.toLowerCase(Locale.ROOT))) {
            return List.of();
        }
        return Suggestions.allNearest(value.toLowerCase(Locale.ROOT), property.allowed());
    }

    /**
     * A value that an older release takes (it accepts it, or does not read the key at all), where no
     * one says which release runs, is reported as what it is: refused by the release assumed.
     */
    static FindingSink sinkFor(Connector connector, ConfigEntry entry, RuleContext context,
                                       FindingSink sink) {
        if (context.parameters().debeziumVersionKnown()) {
            return sink;
        }
        String value = entry.text().trim().toLowerCase(Locale.ROOT);
        ReleaseCatalog releases = context.debezium().releases();
        if (!releases.knows(connector.type(), entry.key())) {
            return sink;
        }
        for (int r = releases.releaseFor(context.target()) - 1; r >= 0; r--) {
            Optional<ReleaseCatalog.Definition> older = releases.definition(connector.type(), entry.key(), r);
            if (older.isEmpty() || problem(asProperty(entry.key(), older.get(), false), value).isEmpty()) {
                return context.releaseBound(sink);
            }
        }
        return sink;
    }

    /** The property as the target version defines it: its type and allowed values may differ from today's. */
    private static Optional<Catalog.Property> propertyFor(Connector connector, String key, RuleContext context) {
        Optional<Catalog.Property> current = CatalogLookup.property(context.catalog(), connector, key);
        Optional<ReleaseView> view = ReleaseView.of(connector, context);
        if (view.isEmpty()) {
            return current;
        }
        return view.get().releases().definition(connector.type(), key, view.get().release())
                .map(def -> asProperty(key, def, current.map(Catalog.Property::regexList).orElse(false)))
                .or(() -> view.get().releases().knows(connector.type(), key) ? Optional.empty() : current);
    }

    private static Catalog.Property asProperty(String key, ReleaseCatalog.Definition definition, boolean regexList) {
        return new Catalog.Property(key, definition.type(), definition.defaultValue(), false, definition.allowed(),
                List.of(), regexList, "");
    }

    /** What is wrong with a value, or empty when Debezium would accept it. */
    static Optional<String> problem(Catalog.Property property, String value) {
        switch (property.type()) {
            case "boolean" -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    return Optional.of("is not a boolean: use true or false");
                }
            }
            case "short", "int", "long" -> {
                if (!fits(value, property.type())) {
                    String range = switch (property.type()) {
                        case "short" -> "the short range (-32768 to 32767)";
                        case "int" -> "the int range (-2147483648 to 2147483647)";
                        default -> "the long range (-9223372036854775808 to 9223372036854775807)";
                    };
                    return Optional.of(Numbers.isPlainInteger(value) ? "is outside " + range
                            : "is not a whole number in " + range);
                }
            }
            case "double" -> {
                try {
                    Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    return Optional.of("is not a number");
                }
            }
            default -> {
                // strings, lists, classes: checked by allowed values and regular expressions below
            }
        }
        if (!property.allowed().isEmpty() && !value.isEmpty()
                && !property.allowed().contains(value.toLowerCase(Locale.ROOT))) {
            List<String> nearest = nearest(property, value);
            String suggestion = nearest.isEmpty() ? "" : "; did you mean " + Suggestions.either(nearest) + "?";
            return Optional.of("is not one of " + String.join(", ", property.allowed()) + suggestion);
        }
        if (property.regexList()) {
            for (FilterLists.Item item : FilterLists.split(value)) {
                if (!item.valid()) {
                    String glob = item.text().startsWith("*") ? "; it looks like a glob, but the list holds regular"
                            + " expressions: write " + Printable.quote(FilterListRule.globToRegex(item.text())) : "";
                    return Optional.of("holds an invalid regular expression " + Printable.quote(item.text()) + ": "
                            + item.error() + glob);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean fits(String value, String type) {
        try {
            long number = Long.parseLong(value);
            return switch (type) {
                case "short" -> number >= Short.MIN_VALUE && number <= Short.MAX_VALUE;
                case "int" -> number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE;
                default -> true;
            };
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

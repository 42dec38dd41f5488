package io.dbzlint.rule.checks;

import io.dbzlint.model.Connector;
import io.dbzlint.model.PostgresDatabase;
import io.dbzlint.model.Printable;
import io.dbzlint.rule.Claim;
import io.dbzlint.rule.ClaimGroups;
import io.dbzlint.rule.CrossConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two PostgreSQL connectors on one database sharing a publication (default dbz_publication) with
 * different table filters, where Debezium rewrites the publication to a connector's own tables:
 * the other silently stops receiving changes of the tables it lost. A publication exists only
 * with plugin.name=pgoutput, and Debezium rewrites it only in publication.autocreate.mode=filtered
 * (the default all_tables creates it once for every table; disabled never touches it).
 */
public final class PublicationNameUniqueRule implements CrossConnectorRule<PublicationNameUniqueRule.Publication> {

    static final String KEY = "publication.name";
    static final String MODE = "publication.autocreate.mode";
    static final String DEFAULT = "dbz_publication";
    private static final List<String> FILTERS = List.of("schema.include.list", "schema.exclude.list",
            "table.include.list", "table.exclude.list");

    /**
     * @param filters the connector's table filters, by key: what it would rewrite the publication to
     */
    record Publication(PostgresDatabase database, String name, boolean explicit, Map<String, String> filters,
                       boolean rewrites, Site site) implements Claim {

        String shown() {
            return explicit ? "publication.name " + Printable.quote(name)
                    : "publication.name (unset, so Debezium's default \"" + DEFAULT + "\")";
        }
    }

    @Override
    public String id() {
        return "publication-name-unique";
    }

    @Override
    public Optional<Publication> claim(Connector connector, RuleContext context) {
        boolean pgoutput = connector.literal("plugin.name").map(p -> p.trim().equalsIgnoreCase("pgoutput")).orElse(false);
        if (!pgoutput) {
            return Optional.empty(); // decoderbufs (the default) and wal2json use no publication
        }
        boolean filtered = connector.literal(MODE).map(m -> m.trim().equalsIgnoreCase("filtered")).orElse(false);
        return PostgresDatabase.of(connector).map(database -> {
            Optional<String> name = connector.value(KEY).map(String::trim);
            Map<String, String> filters = new LinkedHashMap<>();
            for (String filter : FILTERS) {
                connector.value(filter).ifPresent(value -> filters.put(filter, value.trim()));
            }
            return new Publication(database, name.orElse(DEFAULT), name.isPresent(), filters, filtered,
                    Claim.Site.of(connector, KEY, connector.locationOf(KEY)));
        });
    }

    @Override
    public void finish(List<Publication> claims, RuleContext context, FindingSink sink) {
        for (List<Publication> group : ClaimGroups.sharing(claims,
                claim -> new ClaimGroups.Key(claim.database(), claim.name()))) {
            if (group.stream().map(Publication::filters).distinct().count() < 2
                    || group.stream().noneMatch(Publication::rewrites)) {
                continue; // one set of filters, or nobody rewrites it: the connectors agree on what it holds
            }
            for (Publication claim : group) {
                List<Publication> others = group.stream()
                        .filter(other -> other != claim && !other.site().connector().equals(claim.site().connector())
                                && !context.alternatives().versionsOfOne(claim.site(), other.site())
                                && !other.filters().equals(claim.filters())
                                && (other.rewrites() || claim.rewrites()))
                        .toList();
                if (others.isEmpty()) {
                    continue;
                }
                String who = others.stream().allMatch(Publication::rewrites) && !claim.rewrites()
                        ? "; the other rewrites it to its own tables in publication.autocreate.mode=filtered, so this"
                                + " connector silently loses changes"
                        : "; in publication.autocreate.mode=filtered each start rewrites it to that connector's tables,"
                                + " so the other silently loses changes";
                sink.report(claim.site(), claim.shown() + " on " + claim.database() + " is also the publication of "
                        + Claim.describe(others) + ", with other table filters" + who
                        + ": give each connector its own publication.name", Claim.locations(others));
            }
        }
    }
}

package io.dbzlint.rule.checks;

import io.dbzlint.model.Connector;
import io.dbzlint.model.PostgresDatabase;
import io.dbzlint.model.Keys;
import io.dbzlint.rule.Claim;
import io.dbzlint.rule.CrossConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two PostgreSQL connectors on one database sharing a publication (default dbz_publication) with
 * different table filters: each connector rewrites the publication to its own tables, so the
 * other silently stops receiving changes of the tables it lost.
 */
public final class PublicationNameUniqueRule implements CrossConnectorRule {

    static final String KEY = "publication.name";
    static final String DEFAULT = "dbz_publication";
    private static final String[] FILTERS = {"schema.include.list", "schema.exclude.list", "table.include.list",
        "table.exclude.list"};

    record Publication(PostgresDatabase database, String name) {
    }

    @Override
    public String id() {
        return "publication-name-unique";
    }

    @Override
    public Optional<Claim> claim(Connector connector, RuleContext context) {
        return PostgresDatabase.of(connector).map(database -> {
            Optional<String> name = connector.value(KEY).map(String::trim);
            StringBuilder filters = new StringBuilder();
            for (String filter : FILTERS) {
                connector.value(filter).ifPresent(value -> filters.append(filter).append('=').append(value.trim())
                        .append(';'));
            }
            String shown = name.isPresent() ? "publication.name \"" + name.get() + "\""
                    : "publication.name (unset, so Debezium's default \"" + DEFAULT + "\")";
            return new Claim(new Publication(database, name.orElse(DEFAULT)), connector.name(), KEY,
                    connector.locationOf(KEY), shown, filters.toString());
        });
    }

    @Override
    public void finish(List<Claim> claims, RuleContext context, FindingSink sink) {
        Map<Object, List<Claim>> byPublication = new LinkedHashMap<>();
        claims.forEach(claim -> byPublication.computeIfAbsent(claim.value(), k -> new ArrayList<>()).add(claim));
        for (List<Claim> group : byPublication.values()) {
            if (group.stream().map(Claim::hint).distinct().count() < 2) {
                continue; // one set of filters: the connectors agree on what the publication holds
            }
            for (Claim claim : group) {
                List<Claim> others = group.stream().filter(c -> c != claim && !c.hint().equals(claim.hint())).toList();
                Publication publication = (Publication) claim.value();
                sink.report(claim.location(), claim.connector(), claim.configKey(), claim.shown() + " on "
                        + publication.database() + " is also the publication of " + describe(others) + ", with other table filters;"
                        + " each would rewrite it to its own tables: give each connector its own publication.name",
                        others.stream().map(Claim::location).toList());
            }
        }
    }

    private static String describe(List<Claim> others) {
        return String.join(" and ", others.stream()
                .map(c -> "connector \"" + c.connector() + "\" (" + c.location() + ")").toList());
    }
}

package io.dbzlint.rule.checks;

import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Printable;
import io.dbzlint.rule.Claim;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.UniquenessRule;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * topic.prefix (2.x+) and database.server.name (1.x) are one namespace: both name the topics a
 * Debezium connector writes. Two connectors of one type under one name collide; of different
 * types, only on a topic both write (see {@link PrefixTopics}).
 */
public final class ServerNameUniqueRule extends UniquenessRule<ServerNameUniqueRule.LogicalName> {

    /**
     * @param router the class of a topic-routing SMT the connector lists, or null
     * @param tables the tables a PostgreSQL connector captures, as its table.include.list (1.x
     *     table.whitelist) names them;
     *     null for every table, or for other connectors (MySQL's schema change topic is the prefix itself)
     */
    record LogicalName(String name, String router, Set<String> tables, String qualifier, PrefixTopics topics,
                       boolean namesTopicsOnly, Site site) implements Claim {
    }

    /** SMTs that rename a connector's topics: with one, the topics may no longer collide. */
    private static final List<String> ROUTERS = List.of("org.apache.kafka.connect.transforms.RegexRouter",
            "io.debezium.transforms.ByLogicalTableRouter");

    @Override
    public String id() {
        return "server-name-unique";
    }

    @Override
    public Optional<LogicalName> claim(Connector connector, RuleContext context) {
        if (!connector.isDebezium()) {
            return Optional.empty(); // other connectors' topic.prefix (JDBC source ...) is a mere prefix
        }
        return connector.firstEntry(context.logicalNameKeys())
                .filter(entry -> !entry.text().isBlank() && !entry.hasTemplate())
                .map(entry -> new LogicalName(entry.text().trim(), router(connector), tables(connector),
                        qualifier(connector), PrefixTopics.of(connector, entry.text().trim()), namesTopicsOnly(connector),
                        Claim.Site.of(connector, entry.key(), entry.valueLocation())));
    }

    /**
     * A PostgreSQL connector before 0.10 without heartbeats: its logical name names its change topics
     * and nothing else (no metrics before the change event source framework of 0.10, no transaction
     * topics before 1.1), so under one name with another over different tables it costs nothing.
     */
    private static boolean namesTopicsOnly(Connector connector) {
        return connector.type() == ConnectorType.POSTGRESQL && connector.deployment().runsOlderThan(0, 10)
                && connector.literal("heartbeat.interval.ms").map(v -> v.trim().equals("0")).orElse(true);
    }

    /**
     * Connectors of one type under one name collide (change topics, metrics); of different types
     * (MySQL and PostgreSQL), only when they write a topic both: their metrics carry the type.
     */
    @Override
    protected boolean collide(LogicalName claim, LogicalName other) {
        if (claim.namesTopicsOnly() && other.namesTopicsOnly() && disjoint(claim, List.of(other))) {
            return false; // different tables, so different topics, and nothing else the name names
        }
        return claim.topics().kind().equals(other.topics().kind()) || !claim.topics().shared(other.topics()).isEmpty();
    }

    /** Where every member is of one type, each collides with every other: the default counting holds. */
    @Override
    protected java.util.function.Predicate<LogicalName> aloneIn(List<LogicalName> group) {
        String kind = group.get(0).topics().kind();
        for (LogicalName claim : group) {
            if (!claim.topics().kind().equals(kind) || claim.namesTopicsOnly()) {
                return null;
            }
        }
        return super.aloneIn(group);
    }

    @Override
    protected Object sharedValue(LogicalName claim) {
        return claim.name();
    }

    /**
     * The tables a connector's change topics are named for, where they are all the topics it writes
     * under its name besides heartbeats and transactions: PostgreSQL's, and those of a connector that
     * keeps a schema history with include.schema.changes=false (no schema change topic named by the
     * prefix); else null.
     */
    private static Set<String> tables(Connector connector) {
        boolean noSchemaChangeTopic = connector.type() == ConnectorType.POSTGRESQL || connector.keepsSchemaHistory()
                && connector.literal("include.schema.changes").map(v -> v.trim().equalsIgnoreCase("false")).orElse(false);
        if (!noSchemaChangeTopic) {
            return null;
        }
        return connector.literal("table.include.list").or(() -> connector.literal("table.whitelist"))
                .filter(list -> !list.isBlank()).map(list -> {
            Set<String> tables = new HashSet<>();
            for (String table : list.split(",")) {
                tables.add(table.trim().toLowerCase(Locale.ROOT));
            }
            return tables;
        }).orElse(null);
    }

    /**
     * Connectors that capture different tables under one name and write no schema change topic
     * (PostgreSQL has none; others with include.schema.changes=false): their change topics differ, and
     * what the name still names (metrics, heartbeat and transaction topics) costs less than lost data.
     */
    @Override
    protected boolean lesser(LogicalName claim, List<LogicalName> others) {
        return disjoint(claim, others);
    }

    private static boolean disjoint(LogicalName claim, List<LogicalName> others) {
        if (claim.tables() == null || claim.router() != null || others.size() > MAX_DISJOINT) {
            // thousands under one name: not told apart one by one (a quadratic step), and an error either way
            return false;
        }
        for (LogicalName other : others) {
            if (other.tables() == null || other.router() != null
                    || other.tables().stream().anyMatch(claim.tables()::contains)) {
                return false;
            }
        }
        return true;
    }

    /** Beyond this many others under one name, a connector's tables are not compared with each of theirs. */
    private static final int MAX_DISJOINT = 1_000;

    private static String router(Connector connector) {
        return CatalogLookup.transforms(connector).values().stream().filter(ROUTERS::contains).findFirst().orElse(null);
    }

    /**
     * What tells this connector apart within its environment, as a name part: the database it reads
     * (PostgreSQL's database.dbname, the first plain name of a MySQL database.include.list), else
     * its own name; lower-case letters and digits only, as the house scheme's parts are.
     */
    private static String qualifier(Connector connector) {
        String source = connector.literal(Keys.DBNAME).orElse(null);
        if (source == null) {
            source = connector.literal("database.include.list").map(list -> list.split(",")[0].trim())
                    .filter(first -> !first.isEmpty() && first.chars().allMatch(c -> c < 128
                            && (Character.isLetterOrDigit(c) || c == '_'))).orElse(connector.name());
        }
        StringBuilder letters = new StringBuilder();
        if (source != null) {
            // lower-case letters and digits (a compiled pattern per connector cost more than the rest of its claim)
            source.toLowerCase(Locale.ROOT).chars().filter(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9')
                    .forEach(c -> letters.append((char) c));
        }
        String part = letters.toString();
        return part.isEmpty() ? "2" : part.length() > 30 ? part.substring(0, 30) : part;
    }

    /** A logical name for this connector that no other connector of its scope claims, kept from the group's next members. */
    private static String freeName(LogicalName claim, Set<Object> taken) {
        String base = claim.name().endsWith("_" + claim.qualifier()) ? claim.name() : claim.name() + "_" + claim.qualifier();
        String candidate = base;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = base + n;
        }
        taken.add(candidate);
        return candidate;
    }

    @Override
    protected String message(LogicalName claim, List<LogicalName> others, RuleContext context, Set<Object> taken) {
        String message = message(claim, others, context);
        return message.endsWith("its own topic.prefix") && !claim.name().contains("${")
                ? message + ", e.g. " + Printable.cut(freeName(claim, taken), Printable.MAX_VALUE) + " for this one"
                : message;
    }

    @Override
    protected String message(LogicalName claim, List<LogicalName> others, RuleContext context) {
        String head = claim.site().configKey() + " " + Printable.quote(claim.name()) + " is also the logical server"
                + " name of " + Claim.describe(others) + Claim.sameReference(claim.name());
        if (others.stream().noneMatch(other -> other.topics().kind().equals(claim.topics().kind()))) {
            Set<String> shared = new LinkedHashSet<>();
            Set<String> kinds = new LinkedHashSet<>(List.of(claim.topics().kindName()));
            for (LogicalName other : others) {
                shared.addAll(claim.topics().shared(other.topics()));
                kinds.add(other.topics().kindName());
            }
            List<String> topics = shared.stream().map(Printable::quote).toList();
            return head + "; the connectors are of different types (" + String.join(", ", kinds) + "), so their"
                    + " metrics differ, but both write " + (topics.size() == 1 ? "topic " : "topics ")
                    + String.join(", ", topics.subList(0, Math.min(3, topics.size())))
                    + (topics.size() > 3 ? " and more" : "") + ": give each connector its own topic.prefix";
        }
        List<LogicalName> routing = Stream.concat(Stream.of(claim), others.stream())
                .filter(c -> c.router() != null).limit(Claim.MAX_NAMED).toList();
        if (disjoint(claim, others)) {
            return head + "; they capture different tables, so their change topics differ, but the name still"
                    + " names their metrics (on one worker the second connector's are not registered) and their"
                    + " heartbeat and transaction topics: give each connector its own topic.prefix";
        }
        if (routing.isEmpty()) {
            return head + "; their topics collide: give each connector its own topic.prefix";
        }
        String who = routing.stream().map(c -> c == claim ? "this connector" : "connector "
                + Printable.quote(c.site().connector())).reduce((a, b) -> a + " and " + b).orElseThrow();
        String router = routing.get(0).router();
        return head + "; " + who + (routing.size() == 1 ? " re-routes" : " re-route")
                + " topics with " + router.substring(router.lastIndexOf('.') + 1) + ", so whether their change topics"
                + " collide depends on its pattern, but the logical name still names both connectors' metrics and,"
                + " unless those are routed too, their heartbeat, transaction and schema change topics: give each"
                + " connector its own topic.prefix";
    }
}

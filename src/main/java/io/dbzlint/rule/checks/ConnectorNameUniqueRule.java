package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Printable;
import io.dbzlint.model.References;
import io.dbzlint.rule.Claim;
import io.dbzlint.rule.ClaimGroups;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.UniquenessRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class ConnectorNameUniqueRule extends UniquenessRule<ConnectorNameUniqueRule.Name> {

    /**
     * @param config what the connector is, as a fingerprint of its keys and values: equal for a copy
     * @param database which database it connects to ({@link Connector#databaseIdentity()})
     * @param connectorClass its connector.class, or ""
     * @param standalone the file a Kafka Connect standalone worker runs it from (a connector's
     *     .properties file), or null for a connector posted to a cluster
     * @param put whether it is sent with PUT /connectors/NAME/config: a new version of NAME's config
     * @param logical the logical name its topics start with (topic.prefix, database.server.name), or ""
     */
    record Name(String name, long config, long database, String connectorClass, String standalone, boolean put,
                String logical, Site site) implements Claim {
    }

    /**
     * A copy of the same config (a quote, an echo, a file copied) is the same connector, compared
     * once; so is another version of it, of the same class on the same database (an update body, a
     * later revision, one lesson's repeat, a file under the name of a connector a live cluster
     * runs, a body PUT to the name's config that moves the connector, see {@link #reconfigured}):
     * deploying it replaces the other as intended. Only connectors of one name on different databases, or of
     * different classes, clash.
     */
    @Override
    protected boolean sameConnector(Name claim, Name other) {
        if (claim.config() == other.config() || claim.site().deployment().mirror()
                || other.site().deployment().mirror() || (claim.put() || other.put()) && reconfigured(claim, other)) {
            // a file under the name of a connector a cluster runs updates it: drift, not a clash
            return true;
        }
        if (claim.database() != 0 && other.database() != 0) {
            return claim.database() == other.database();
        }
        // one of them says nothing of its database: of one class, a version of the same connector
        return !claim.connectorClass().isEmpty() && claim.connectorClass().equals(other.connectorClass());
    }

    /** A version PUT by the script or page that applies the other: one connector only if reconfigured, not replaced. */
    @Override
    protected boolean versionsOfOne(Name claim, Name other, RuleContext context) {
        return super.versionsOfOne(claim, other, context) && reconfigured(claim, other);
    }

    /**
     * Whether a config PUT under a connector's name reconfigures that connector rather than puts
     * another in its place: of the same class, writing under the same logical name (a failover to
     * a replica keeps its topics; an outbox connector of another service under its name does not).
     */
    private static boolean reconfigured(Name claim, Name other) {
        return !claim.connectorClass().isEmpty() && claim.connectorClass().equals(other.connectorClass())
                && claim.logical().equals(other.logical());
    }

    /**
     * The members no other member is the same connector as, by counts of what {@link #sameConnector}
     * compares: a fingerprint nobody else has, and a database nobody else names (nor a config of its
     * class that names none), or no database and a class nobody else has.
     */
    @Override
    protected java.util.function.Predicate<Name> aloneIn(List<Name> group) {
        java.util.Map<Long, Integer> configs = new java.util.HashMap<>();
        java.util.Map<Long, Integer> databases = new java.util.HashMap<>();
        java.util.Map<String, Integer> classes = new java.util.HashMap<>();
        java.util.Map<String, Integer> classesWithoutDatabase = new java.util.HashMap<>();
        for (Name name : group) {
            if (name.put()) {
                return null; // a version PUT under the name is the same connector by what it keeps: compared pair by pair
            }
            configs.merge(name.config(), 1, Integer::sum);
            if (name.database() != 0) {
                databases.merge(name.database(), 1, Integer::sum);
            } else {
                classesWithoutDatabase.merge(name.connectorClass(), 1, Integer::sum);
            }
            classes.merge(name.connectorClass(), 1, Integer::sum);
        }
        return name -> configs.get(name.config()) == 1 && (name.database() != 0
                ? databases.get(name.database()) == 1 && (name.connectorClass().isEmpty()
                        || !classesWithoutDatabase.containsKey(name.connectorClass()))
                : name.connectorClass().isEmpty() || classes.get(name.connectorClass()) == 1);
    }

    /**
     * Names are per Kafka Connect cluster: the deployment itself. A connector's .properties file is
     * run by a standalone worker of its own (connect-standalone worker.properties connector.properties),
     * whose names are its own too.
     */
    @Override
    protected Object scope(Name claim) {
        return claim.standalone() == null ? claim.site().deployment()
                : claim.site().deployment().name() + " standalone " + claim.standalone();
    }

    @Override
    public String id() {
        return "connector-name-unique";
    }

    /**
     * A connector class as the plugin Kafka Connect loads: its full name, its simple name, or the
     * simple name without "Connector" (FileStreamSource for
     * org.apache.kafka.connect.file.FileStreamSourceConnector) name one plugin, so all three
     * compare as the last.
     */
    static String plugin(String connectorClass) {
        String simple = connectorClass.trim().substring(connectorClass.trim().lastIndexOf('.') + 1);
        return simple.endsWith("Connector") && simple.length() > "Connector".length()
                ? simple.substring(0, simple.length() - "Connector".length()) : simple;
    }

    @Override
    public Optional<Name> claim(Connector connector, RuleContext context) {
        if (References.hasTemplate(connector.name())) {
            return Optional.empty(); // filled in per deploy, as the other uniqueness rules take templates
        }
        return Optional.of(new Name(connector.name(), fingerprint(connector), connector.knownDatabaseIdentity(),
                connector.literal(Keys.CONNECTOR_CLASS).map(ConnectorNameUniqueRule::plugin).orElse(""), standaloneFile(connector),
                connector.isPut(), connector.firstEntry(Keys.LOGICAL_NAME)
                        .map(entry -> entry.text().trim()).orElse(""), Claim.Site.of(connector, Keys.NAME, connector.nameLocation())));
    }

    /**
     * A 64-bit fingerprint of the keys and their trimmed values, whatever their order (a copy in
     * YAML lists them as it likes): a sum of each entry's mixed hash. String hashes are the JDK's
     * own, as a loop over every character of every value was measurable at 10,000 configs.
     */
    static long fingerprint(Connector connector) {
        long sum = 0;
        for (ConfigEntry entry : connector.config().values()) {
            long key = entry.key().hashCode();
            long value = entry.hasText() ? entry.text().trim().hashCode() : 0;
            sum += mix(key << 32 ^ value & 0xFFFFFFFFL);
        }
        return sum;
    }

    /** SplitMix64's finalizer: every bit of the entry's hash moves every bit of the result. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Two connectors of one name that are not versions of one another: different classes or databases. */
    @Override
    public List<Claim.Site[]> clashes(List<Name> claims) {
        List<Claim.Site[]> clashes = new ArrayList<>();
        for (List<Name> group : ClaimGroups.sharing(claims, claim -> new ClaimGroups.Key(scope(claim),
                sharedValue(claim)))) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size() && j < i + MAX_PAIRS; j++) {
                    if (!sameConnector(group.get(i), group.get(j))) {
                        clashes.add(new Claim.Site[] {group.get(i).site(), group.get(j).site()});
                    }
                }
            }
        }
        return clashes;
    }

    /** Pairs looked at per claim: one clash between two folders is evidence enough; a huge group is not quadratic. */
    private static final int MAX_PAIRS = 16;

    @Override
    protected Object sharedValue(Name claim) {
        return claim.name();
    }

    @Override
    protected String message(Name claim, List<Name> others, RuleContext context) {
        return "connector name " + Printable.quote(claim.name()) + " is also used by " + Claim.describe(others)
                + ", which connects elsewhere or is another connector class; deploying one replaces the other: give"
                + " each connector its own name" + (lesser(claim, others) ? ", unless they are alternatives never"
                + " applied to one cluster together" : "");
    }

    /**
     * Two files under one name are more often alternatives of one connector (a variant per
     * environment, a lesson's template and its solution, a superseded trial) than two connectors
     * applied together: measured on public repositories, about one pair in twenty clashed. A warning
     * then; an error where one file, a script or an array posted as a whole, holds both.
     */
    @Override
    protected boolean lesser(Name claim, List<Name> others) {
        // thousands under one name are not looked through one by one, for each of them: an error either way
        return others.size() <= 1_000 && others.stream().noneMatch(other -> other.site().location().input().equals(claim.site().location().input()));
    }

    private static String standaloneFile(Connector connector) {
        return connector.location().input().format() == InputFormat.PROPERTIES && !connector.runsOnDebeziumEngine()
                ? connector.location().input().stablePath() : null;
    }
}

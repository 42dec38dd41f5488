package io.dbzlint.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.debezium.Catalog;
import io.dbzlint.debezium.Debezium;
import io.dbzlint.engine.LintSession;
import io.dbzlint.engine.SessionException;
import io.dbzlint.json.Json;
import io.dbzlint.load.ConfigLoader;
import io.dbzlint.load.LoadedFile;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.InputId;
import io.dbzlint.model.References;
import io.dbzlint.result.Finding;
import io.dbzlint.source.Input;
import io.debezium.config.Configuration;
import io.debezium.config.Field;
import io.debezium.connector.mariadb.MariaDbConnectorConfig;
import io.debezium.connector.mysql.MySqlConnectorConfig;
import io.debezium.connector.postgresql.PostgresConnectorConfig;
import io.debezium.storage.kafka.history.KafkaSchemaHistory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JsonGenerator;

/**
 * dbzlint against Debezium 3.6.1 itself. Every config in examples/ and a generated set of broken
 * variants (wrong types, bad enum values, bad topic prefixes and slot names, bad regular
 * expressions, missing required keys) go through Debezium's field-only validation
 * ({@code Configuration.validate(ALL_FIELDS)}, which needs no database) and through dbzlint.
 * Every key Debezium flags, dbzlint must flag too. dbzlint may flag more, but only through the
 * rules listed in {@link #BEYOND_DEBEZIUM}, each with the reason Debezium does not see it.
 */
class DebeziumAgreementTest {

    /** At the release the agreement is with: configs given as bytes name none. */
    private static final LintSession SESSION = session();

    private static LintSession session() {
        try {
            return LintSession.open(new LintSession.Options(Path.of("").toAbsolutePath(), null, true, null,
                    Debezium.LATEST.toString(), null, null, false, null));
        } catch (SessionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rules that flag what Debezium's validation lets through, and why. */
    static final Map<String, String> BEYOND_DEBEZIUM = Map.ofEntries(
            Map.entry("unknown-property", "Debezium ignores keys it does not know, typos included"),
            Map.entry("deprecated-property", "Debezium 3.x does not know 1.x names at all, so it ignores them"),
            Map.entry("conflicting-properties", "with a 1.x and a 2.x name both set, Debezium 3.x reads one and ignores the other"),
            Map.entry("server-id-range", "the 184000-184999 range is a house convention"),
            Map.entry("server-name-pattern", "the {database_type}_{environment} naming scheme is a house convention"),
            Map.entry("topic-naming", "the outbox topic scheme is a house convention"),
            Map.entry("plugin-name", "decoderbufs is valid, but needs a server extension"),
            Map.entry("plaintext-secret", "a literal password is valid, but leaks"),
            Map.entry("strimzi-resource", "Strimzi's resource fields are not Debezium's concern"),
            Map.entry("strict-json", "Kafka Connect, not Debezium, refuses comments in a body"),
            Map.entry("template-not-rendered", "a template is not a config until its tool renders it"),
            Map.entry("config-provider-reference", "an unresolvable reference reaches Debezium as text, which a"
                    + " string key accepts"),
            Map.entry("history-on-postgres", "PostgreSQL ignores schema history keys"),
            Map.entry("hostname-localhost", "localhost is a valid host name; inside a Connect worker it is the worker"),
            Map.entry("producer-key-at-top-level", "Debezium ignores the key; producer settings are Kafka Connect's"),
            Map.entry("tasks-max-single", "Debezium accepts any tasks.max and starts one task"),
            Map.entry("slot-drop-on-stop", "a valid setting, meant for testing only"),
            Map.entry("converter-registry-url", "converters are Kafka Connect's, not Debezium's"),
            Map.entry("heartbeat-query-without-interval", "Debezium accepts a query it will never run"),
            Map.entry("filter-list-pattern", "Debezium accepts a list entry that can never match"),
            Map.entry("signal-data-collection", "Debezium accepts a signal table it will never read signals from"),
            Map.entry("heartbeat-missing", "heartbeats are optional; the WAL they save is the database's"),
            Map.entry("heartbeat-table-not-captured", "Debezium runs the query whether or not its table is published"),
            Map.entry("decimal-precise-json", "a valid combination whose output consumers rarely expect"),
            Map.entry("topic-creation-default", "Kafka Connect, not Debezium, requires the default group's keys"),
            Map.entry("transform-chain", "Kafka Connect, not Debezium, builds the chain of transforms and predicates"),
            Map.entry("properties-backslash", "the properties syntax drops the backslash before Debezium sees the value"),
            Map.entry("config-schema", "the house schemas are stricter (a port must be 1-65535, keys must not be blank)"),
            Map.entry("invalid-value", "Debezium reads some keys leniently (a boolean with a typo is false) where dbzlint insists"));

    /** Keys Debezium flags that dbzlint does not, each with its reason; none today. */
    static final Map<String, String> DEBEZIUM_ONLY = Map.of();

    /** @param broken the key a generated variant broke, which dbzlint must flag; null for an example */
    record Case(String name, ConnectorType type, Map<String, String> config, String broken) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        List<Case> examples = examples();
        cases.addAll(examples);
        for (Case base : examples.stream().filter(c -> c.name().startsWith("examples/capstone") || c.name().startsWith("examples/mariadb")).toList()) {
            cases.addAll(brokenVariants(base));
        }
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void should_flag_every_key_debezium_flags(Case example) {
        Set<String> debezium = debeziumFlags(example);
        Map<String, Set<String>> dbzlint = dbzlintFlags(example);

        if (example.broken() != null) {
            assertThat(dbzlint).as("dbzlint flags the key broken in %s", example).containsKey(example.broken());
        }
        Set<String> missed = new TreeSet<>(debezium);
        missed.removeAll(dbzlint.keySet());
        missed.removeAll(DEBEZIUM_ONLY.keySet());
        // Kafka Connect resolves references before Debezium sees the config; the value is unknown here
        missed.removeIf(key -> References.contains(example.config().get(key)));
        assertThat(missed).as("keys Debezium flags in %s that dbzlint does not (dbzlint: %s)", example, dbzlint)
                .isEmpty();

        Map<String, Set<String>> beyond = new TreeMap<>(dbzlint);
        beyond.keySet().removeAll(debezium);
        beyond.forEach((key, rules) -> assertThat(BEYOND_DEBEZIUM.keySet())
                .as("rules flagging %s in %s, which Debezium accepts", key, example)
                .containsAll(rules));
    }

    /**
     * Every key Debezium defines for a connector, read from Debezium's classes here rather than from
     * the catalog: its ALL_FIELDS, its config class's own fields, the common and binlog configs' and
     * the signal and notification channels'. dbzlint must report none of them as unknown.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("connectorKeys")
    void should_know_every_key_debezium_reads(ConnectorType type, String connectorClass, List<String> keys) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", connectorClass);
        keys.forEach(key -> config.put(key, "x"));
        Case all = new Case(type + " keys", type, config, null);

        Map<String, Set<String>> flagged = dbzlintFlags(all);

        assertThat(flagged.entrySet().stream().filter(e -> e.getValue().contains("unknown-property")).map(Map.Entry::getKey))
                .as("keys Debezium reads that dbzlint calls unknown").isEmpty();
        assertThat(keys).as("a sample of keys beyond ALL_FIELDS").contains("signal.kafka.topic", "skip.messages.without.change");
    }

    static Stream<Arguments> connectorKeys() {
        return Stream.of(
                Arguments.of(ConnectorType.MYSQL, "io.debezium.connector.mysql.MySqlConnector", names(
                        CatalogGenerator.connectorFields(MySqlConnectorConfig.class, MySqlConnectorConfig.ALL_FIELDS))),
                Arguments.of(ConnectorType.MARIADB, "io.debezium.connector.mariadb.MariaDbConnector", names(
                        CatalogGenerator.connectorFields(MariaDbConnectorConfig.class, MariaDbConnectorConfig.ALL_FIELDS))),
                Arguments.of(ConnectorType.POSTGRESQL, "io.debezium.connector.postgresql.PostgresConnector", names(
                        CatalogGenerator.connectorFields(PostgresConnectorConfig.class,
                                PostgresConnectorConfig.ALL_FIELDS))));
    }

    private static List<String> names(List<Field> fields) {
        return fields.stream().map(Field::name).filter(name -> !name.contains("(")).toList();
    }

    /** The keys Debezium's own field validation complains about. */
    private static Set<String> debeziumFlags(Case example) {
        Configuration config = Configuration.from(example.config());
        List<Field> fields = new ArrayList<>();
        switch (example.type()) {
            case MYSQL -> {
                MySqlConnectorConfig.ALL_FIELDS.forEach(fields::add);
                KafkaSchemaHistory.ALL_FIELDS.forEach(fields::add);
            }
            case MARIADB -> {
                MariaDbConnectorConfig.ALL_FIELDS.forEach(fields::add);
                KafkaSchemaHistory.ALL_FIELDS.forEach(fields::add);
            }
            default -> PostgresConnectorConfig.ALL_FIELDS.forEach(fields::add);
        }
        Set<String> flagged = new TreeSet<>();
        config.validate(fields, (field, value, problem) -> flagged.add(field.name()));
        return flagged;
    }

    /** The keys dbzlint reports, each with the rules that report it. */
    private static Map<String, Set<String>> dbzlintFlags(Case example) {
        byte[] json = restBody(example).getBytes(StandardCharsets.UTF_8);
        List<Finding> findings = SESSION.lint(List.of(Input.ofBytes(InputId.named(example.name() + ".json"), json)))
                .findings();
        Map<String, Set<String>> flagged = new TreeMap<>();
        for (Finding finding : findings) {
            if (finding.key() == null) {
                continue;
            }
            flagged.computeIfAbsent(finding.key(), k -> new TreeSet<>()).add(finding.ruleId());
            // a 1.x key reported as renamed answers for its replacement, which Debezium finds missing
            Debezium.bundled().catalog().rename(finding.key()).ifPresent(rename -> flagged
                    .computeIfAbsent(rename.replacementFor(finding.key()), k -> new TreeSet<>()).add(finding.ruleId()));
        }
        return flagged;
    }

    private static List<Case> examples() throws IOException {
        List<Case> cases = new ArrayList<>();
        ConfigLoader loader = new ConfigLoader();
        for (Input source : SESSION.find(SESSION.sources(List.of("examples"), InputStream.nullInputStream(), null)).inputs()) {
            LoadedFile file = loader.load(source.id(), source.read());
            for (Connector connector : file.connectors()) {
                if (connector.type() == ConnectorType.OTHER) {
                    continue;
                }
                Map<String, String> config = new LinkedHashMap<>();
                for (ConfigEntry entry : connector.config().values()) {
                    if (entry.hasText()) {
                        config.put(entry.key(), entry.text());
                    }
                }
                cases.add(new Case(source.id().displayPath() + "#" + connector.name(), connector.type(), config, null));
            }
        }
        return cases;
    }

    /** One broken copy of a clean config per kind of mistake Debezium's validation can see. */
    private static List<Case> brokenVariants(Case base) {
        List<Case> variants = new ArrayList<>();
        Map<String, Catalog.Property> properties = new TreeMap<>(Debezium.bundled().catalog().properties(base.type()));
        for (Catalog.Property property : properties.values()) {
            String wrong = switch (property.type()) {
                case "boolean" -> "maybe";
                case "int", "long", "short", "double" -> "12x";
                default -> property.allowed().isEmpty() ? null : "bogus_value";
            };
            if (wrong != null) {
                variants.add(variant(base, property.name() + "=" + wrong, property.name(), wrong));
            }
            if (property.regexList()) {
                variants.add(variant(base, property.name() + "=inventory[", property.name(), "inventory["));
            }
            if (property.required() && base.config().containsKey(property.name())) {
                variants.add(variant(base, "without " + property.name(), property.name(), null));
            }
        }
        variants.add(variant(base, "topic.prefix with a space", "topic.prefix", "shop prod"));
        if (base.type() == ConnectorType.POSTGRESQL) {
            variants.add(variant(base, "slot.name with capitals", "slot.name", "Debezium-Orders"));
            variants.add(variant(base, "slot.name too long", "slot.name", "s".repeat(64)));
        }
        return variants;
    }

    private static Case variant(Case base, String what, String key, String value) {
        Map<String, String> config = new LinkedHashMap<>(base.config());
        if (value == null) {
            config.remove(key);
        } else {
            config.put(key, value);
        }
        return new Case(base.name() + " / " + what, base.type(), config, key);
    }

    private static String restBody(Case example) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.pretty(text)) {
            json.writeStartObject();
            json.writeStringProperty("name", example.name());
            json.writeName("config");
            json.writeStartObject();
            for (Map.Entry<String, String> entry : example.config().entrySet()) {
                json.writeStringProperty(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        return text.toString();
    }
}

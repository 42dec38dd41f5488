package io.dbzlint.rule.checks;

import static io.dbzlint.Generators.forAll;
import static io.dbzlint.Generators.oneOf;
import static io.dbzlint.Generators.size;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.engine.LintSession;
import io.dbzlint.source.Source;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import io.dbzlint.model.ValueKind;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The fast path may only say "passes" where the JSON Schema validator finds nothing: checked on
 * generated configs whose keys are the ones the house schemas name, with values of every kind,
 * valid and not, and on every example.
 */
class SchemaFastPathTest {

    private static final Location HERE = Location.at(InputId.named("t.json"), 1, 1);
    private static final List<String> KEYS = List.of("database.hostname", "database.port", "database.user",
            "database.dbname", "topic.prefix", "database.server.name", "tasks.max", "connector.class", "snapshot.mode",
            "include.schema.changes");

    record Value(String text, ValueKind kind) {
    }

    record Sample(ConnectorType type, Map<String, Value> values) {
    }

    /** 2000 tries, as they are cheap: 400 let a fast path that took 1.5 for an integer pass. */
    @Test
    void should_say_passes_only_where_the_validator_finds_nothing() {
        int tries = 2000;
        AtomicInteger passed = new AtomicInteger();
        forAll(tries, random -> new Sample(oneOf(random, ConnectorType.values()), config(random)), sample -> {
            ConnectorType type = sample.type();
            Map<String, ConfigEntry> config = new LinkedHashMap<>();
            config.put("connector.class", new ConfigEntry("connector.class", type.connectorClass() == null ? "x.Other"
                    : type.connectorClass(), ValueKind.STRING, HERE, HERE));
            // a valid base, so that most tries pass or fail by the one value changed
            for (String key : List.of("database.hostname", "database.user", "database.dbname", "topic.prefix")) {
                config.put(key, new ConfigEntry(key, "v", ValueKind.STRING, HERE, HERE));
            }
            sample.values().forEach((key, value) -> config.put(key,
                    new ConfigEntry(key, value.text(), value.kind(), HERE, HERE)));
            Connector connector = new Connector("c", HERE, HERE, type, config);
            String file = ConfigSchemaRule.schemaFile(type);

            if (SchemaFastPath.passes(file, connector)) {
                passed.incrementAndGet();
                assertThat(ConfigSchemaRule.validatorErrors(connector)).isEmpty();
            }
        });
        // the property says nothing about the tries the fast path leaves to the validator
        assertThat(passed.get()).as("tries the fast path answers").isGreaterThan(tries / 4);
    }

    /** Up to three of the keys, with values of every kind, valid and not. */
    private static Map<String, Value> config(Random random) {
        Map<String, Value> config = new LinkedHashMap<>();
        int size = size(random, 0, 3);
        while (config.size() < size) {
            config.put(oneOf(random, KEYS), value(random));
        }
        return config;
    }

    private static Value value(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new Value(oneOf(random, "", " ", "mysql", "5432", " 5432 ", "0", "65535", "65536", "-1", "1",
                    "2147483647", "2147483648", "TRUE", "false", "yes", "\t", "a b", "\u00a0", "01"), ValueKind.STRING);
            case 1 -> new Value(oneOf(random, "0", "1", "5432", "65535", "65536", "-3", "2147483647", "2147483648",
                    "1.0", "1.5", "3306.0", "1e3", "1e999999999"), ValueKind.NUMBER);
            case 2 -> new Value(oneOf(random, "true", "false"), ValueKind.BOOLEAN);
            default -> new Value(null, oneOf(random, ValueKind.NULL, ValueKind.OBJECT, ValueKind.ARRAY));
        };
    }

    @Test
    void should_agree_with_the_validator_on_every_example_and_pass_the_clean_ones() throws Exception {
        LintSession session = LintSession.bundled(Path.of("").toAbsolutePath());
        Source.Found found = session.find(session.sources(List.of("examples"), InputStream.nullInputStream(), null));
        int passed = 0;
        for (var source : found.inputs()) {
            for (Connector connector : new io.dbzlint.load.ConfigLoader().load(source.id(), source.read()).connectors()) {
                if (SchemaFastPath.passes(ConfigSchemaRule.schemaFile(connector.type()), connector)) {
                    passed++;
                    assertThat(ConfigSchemaRule.validatorErrors(connector)).as(source.id().displayPath()).isEmpty();
                }
            }
        }
        assertThat(passed).as("examples the fast path answers").isGreaterThan(20);
    }
}

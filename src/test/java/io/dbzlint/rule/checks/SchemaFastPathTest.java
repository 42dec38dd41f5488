package io.dbzlint.rule.checks;

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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
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

    @Property(tries = 400)
    void should_say_passes_only_where_the_validator_finds_nothing(
            @ForAll("types") ConnectorType type, @ForAll("configs") Map<String, Value> values) {
        Map<String, ConfigEntry> config = new LinkedHashMap<>();
        config.put("connector.class", new ConfigEntry("connector.class", type.connectorClass() == null ? "x.Other"
                : type.connectorClass(), ValueKind.STRING, HERE, HERE));
        // a valid base, so that most tries pass or fail by the one value changed
        for (String key : List.of("database.hostname", "database.user", "database.dbname", "topic.prefix")) {
            config.put(key, new ConfigEntry(key, "v", ValueKind.STRING, HERE, HERE));
        }
        values.forEach((key, value) -> config.put(key, new ConfigEntry(key, value.text(), value.kind(), HERE, HERE)));
        Connector connector = new Connector("c", HERE, HERE, type, config);
        String file = ConfigSchemaRule.schemaFile(type);

        boolean passes = SchemaFastPath.passes(file, connector);
        Statistics.label("fast path").collect(passes ? "passes" : "asks the validator");
        if (passes) {
            assertThat(ConfigSchemaRule.validatorErrors(connector)).as("%s %s", type, values).isEmpty();
        }
    }

    @Provide
    Arbitrary<ConnectorType> types() {
        return Arbitraries.of(ConnectorType.values());
    }

    @Provide
    Arbitrary<Map<String, Value>> configs() {
        Arbitrary<Value> value = Arbitraries.oneOf(
                Arbitraries.of("", " ", "mysql", "5432", " 5432 ", "0", "65535", "65536", "-1", "1", "2147483647",
                        "2147483648", "TRUE", "false", "yes", "\t", "a b", "\u00a0", "01").map(t -> new Value(t, ValueKind.STRING)),
                Arbitraries.of("0", "1", "5432", "65535", "65536", "-3", "2147483647", "2147483648", "1.0", "1.5",
                        "3306.0", "1e3", "1e999999999").map(t -> new Value(t, ValueKind.NUMBER)),
                Arbitraries.of("true", "false").map(t -> new Value(t, ValueKind.BOOLEAN)),
                Arbitraries.of(ValueKind.NULL, ValueKind.OBJECT, ValueKind.ARRAY).map(kind -> new Value(null, kind)));
        return Arbitraries.maps(Arbitraries.of(KEYS), value).ofMaxSize(3);
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

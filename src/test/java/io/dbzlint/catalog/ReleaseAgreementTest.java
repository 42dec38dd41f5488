package io.dbzlint.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.debezium.Debezium;
import io.dbzlint.engine.LintSession;
import io.dbzlint.load.ConfigLoader;
import io.dbzlint.load.LoadedFile;
import io.dbzlint.source.Input;
import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.ConnectorType;
import io.dbzlint.model.References;
import io.dbzlint.result.Finding;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each release of the release catalog, Debezium's own field validation of that release, loaded
 * in its own class loader, next to dbzlint with that release as its target: over the examples and
 * broken copies of them, every key the release flags, dbzlint flags too. Tagged slow: on a clean build
 * Maven resolves ten releases for it, over half the suite's time. {@code mvn -Pquick test} leaves it
 * out, {@code mvn verify} runs it.
 */
@Tag("slow")
class ReleaseAgreementTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Map<ConnectorType, String> CONFIGS = Map.of(
            ConnectorType.MYSQL, "io.debezium.connector.mysql.MySqlConnectorConfig",
            ConnectorType.POSTGRESQL, "io.debezium.connector.postgresql.PostgresConnectorConfig");

    /** The exact renames, new name by old: for a 2.x key flagged at a 1.x target. */
    private static final Map<String, String> OLD_NAMES = Map.of(
            "database.server.name", "topic.prefix",
            "database.history.kafka.topic", "schema.history.internal.kafka.topic",
            "database.history.kafka.bootstrap.servers", "schema.history.internal.kafka.bootstrap.servers");

    record Case(String name, ConnectorType type, Map<String, String> config) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> releases() {
        return ReleaseCatalogGenerator.RELEASES.stream().map(r -> Arguments.of(r.version()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void should_flag_every_key_the_release_flags(String version) throws Exception {
        ReleaseCatalogGenerator.Release release = ReleaseCatalogGenerator.RELEASES.stream()
                .filter(r -> r.version().equals(version)).findFirst().orElseThrow();
        LintSession session = LintSession.open(new LintSession.Options(ROOT, null, true, null, release.line(), null,
                null, false, null));
        try (URLClassLoader loader = ReleaseCatalogGenerator.loader(release)) {
            for (Case example : cases(session)) {
                Set<String> debezium = debeziumFlags(loader, example);
                Set<String> dbzlint = dbzlintFlags(session, example);
                Set<String> missed = new TreeSet<>(debezium);
                missed.removeAll(dbzlint);
                missed.removeIf(key -> References.contains(example.config().get(key)));
                assertThat(missed).as("keys Debezium %s flags in %s that dbzlint with target %s does not (dbzlint: %s)",
                        version, example, release.line(), dbzlint).isEmpty();
            }
        }
    }

    /** The examples, and copies with a value each release refuses: a bad enum, a word for a number. */
    private static List<Case> cases(LintSession session) throws Exception {
        List<Case> cases = new ArrayList<>();
        ConfigLoader loader = new ConfigLoader();
        for (String folder : List.of("examples/capstone", "examples/upgrade")) {
            for (Input source : session.find(session.sources(List.of(folder), InputStream.nullInputStream(), null)).inputs()) {
                LoadedFile file = loader.load(source.id(), source.read());
                for (Connector connector : file.connectors()) {
                    if (!CONFIGS.containsKey(connector.type())) {
                        continue;
                    }
                    Map<String, String> config = new LinkedHashMap<>();
                    for (ConfigEntry entry : connector.config().values()) {
                        if (entry.hasText()) {
                            config.put(entry.key(), entry.text());
                        }
                    }
                    String name = source.id().displayPath();
                    cases.add(new Case(name, connector.type(), config));
                    Map<String, String> badMode = new LinkedHashMap<>(config);
                    badMode.put("snapshot.mode", "inital");
                    cases.add(new Case(name + " with snapshot.mode inital", connector.type(), badMode));
                    Map<String, String> badNumber = new LinkedHashMap<>(config);
                    badNumber.put("max.batch.size", "lots");
                    cases.add(new Case(name + " with max.batch.size lots", connector.type(), badNumber));
                }
            }
        }
        return cases;
    }

    /** The release's own validation, called by reflection on its classes: Configuration.validate. */
    private static Set<String> debeziumFlags(ClassLoader loader, Case example) throws Exception {
        Class<?> configuration = Class.forName("io.debezium.config.Configuration", true, loader);
        Object config = configuration.getMethod("from", Map.class).invoke(null, example.config());
        Object fields = Class.forName(CONFIGS.get(example.type()), true, loader).getField("ALL_FIELDS").get(null);
        Class<?> output = Class.forName("io.debezium.config.Field$ValidationOutput", true, loader);
        Set<String> flagged = new TreeSet<>();
        Object collector = Proxy.newProxyInstance(loader, new Class<?>[] {output}, (proxy, method, args) -> {
            if (method.getName().equals("accept")) {
                Method name = args[0].getClass().getMethod("name");
                flagged.add((String) name.invoke(args[0]));
            }
            return null;
        });
        Method validate = configuration.getMethod("validate", Iterable.class, output);
        validate.invoke(config, fields, collector);
        return flagged;
    }

    private static Set<String> dbzlintFlags(LintSession session, Case example) throws Exception {
        StringBuilder json = new StringBuilder("{");
        example.config().forEach((key, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(key)
                .append("\":\"").append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        json.append('}');
        Set<String> keys = new TreeSet<>();
        for (Finding finding : session.lint(List.of(Input.ofBytes(io.dbzlint.model.InputId.named("c.json"),
                json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)))).findings()) {
            if (finding.key() != null) {
                keys.add(finding.key());
                // a key flagged as renamed, or as too new for the target, answers for its other name,
                // which Debezium finds missing: database.server.name and topic.prefix are one setting
                Debezium.bundled().catalog().rename(finding.key()).ifPresent(r -> keys.add(r.replacementFor(finding.key())));
                OLD_NAMES.forEach((oldName, newName) -> {
                    if (newName.equals(finding.key())) {
                        keys.add(oldName);
                    }
                });
            }
        }
        return keys;
    }
}

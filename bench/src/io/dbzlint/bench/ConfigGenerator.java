package io.dbzlint.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes N realistic connector configs with a known set of planted collisions.
 *
 * <p>Half MySQL, half PostgreSQL; every fifth in Debezium 1.x names (reported as gone in 3.6, a
 * known number of findings); every third with an outbox
 * EventRouter; every seventh a bare config map instead of a REST body. Everything is unique except,
 * in each full block of 100 configs, one planted pair that shares a server id, a logical name, a
 * schema history topic, a replication slot or a connector name (in turn). Each pair yields two
 * findings. Server ids run from 184000 upwards, past the house range for large N, so the benchmark
 * lints with a rules file that widens the range (written beside the configs).
 *
 * <p>Usage: {@code java bench/src/io/dbzlint/bench/ConfigGenerator.java N OUT_DIR [mixed]}; it writes
 * OUT_DIR/configs/*.json, OUT_DIR/rules.json and OUT_DIR/expected.txt (rule id and count a line).
 * With {@code mixed}, the same configs come in five formats in turn: a REST body, a Strimzi
 * KafkaConnector, a Kafka Connect standalone .properties file, a shell script posting the body with a
 * heredoc, and a Markdown page with the body in a code block; the expected findings are the same.
 * With {@code groupsG} (say {@code groups50}), nothing is planted: instead every G MySQL connectors in
 * turn run on one MySQL server with one server id, a collision group of G whose every member gets its
 * own server-id-unique finding (a fleet generated from one template, or a hostile pull request).
 * No dependencies beyond the JDK, so it also runs as a single-file program.
 */
public final class ConfigGenerator {

    private static final String[] PLANTED = {
        "server-id-unique", "server-name-unique", "schema-history-topic-unique", "slot-name-unique",
        "connector-name-unique"};

    /** One generated file. */
    public record GeneratedFile(String name, String json) {
    }

    private ConfigGenerator() {
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        String variant = args.length > 2 ? args[2] : "";
        boolean mixed = variant.equals("mixed");
        int group = variant.startsWith("groups") ? Integer.parseInt(variant.substring("groups".length())) : 0;
        Path configs = out.resolve("configs");
        Files.createDirectories(configs);
        for (GeneratedFile file : generate(n, mixed, group)) {
            Files.writeString(configs.resolve(file.name()), file.json(), StandardCharsets.UTF_8);
        }
        Files.writeString(out.resolve("rules.json"), rulesFile(n), StandardCharsets.UTF_8);
        StringBuilder expected = new StringBuilder();
        expected(n, group).forEach((rule, count) -> expected.append(rule).append(' ').append(count).append('\n'));
        Files.writeString(out.resolve("expected.txt"), expected.toString(), StandardCharsets.UTF_8);
    }

    /** Widens the server id range to fit N connectors; everything else stays the house default. */
    public static String rulesFile(int n) {
        return "{\"parameters\": {\"serverIdRange\": {\"min\": 184000, \"max\": " + (184000 + n + 100) + "}}}\n";
    }

    /**
     * Findings per rule that linting {@link #generate}(n) must report, and no others: two per
     * planted pair, and one deprecated-property error per Debezium 1.x key (Debezium 3.6 no
     * longer reads them): three in a 1.x MySQL config, one in a 1.x PostgreSQL config.
     */
    public static Map<String, Integer> expected(int n) {
        return expected(n, 0);
    }

    /** With groups of G: every MySQL connector in a group of two or more, and the 1.x keys. */
    public static Map<String, Integer> expected(int n, int group) {
        Map<String, Integer> counts = new TreeMap<>();
        if (group > 0) {
            int mysql = (n + 1) / 2;
            int grouped = mysql / group * group + (mysql % group > 1 ? mysql % group : 0);
            if (group > 1 && grouped > 0) {
                counts.put("server-id-unique", grouped);
            }
        }
        for (int block = 0; group == 0 && block < n / 100; block++) {
            counts.merge(PLANTED[block % PLANTED.length], 2, Integer::sum);
        }
        for (int i = 0; i < n; i += 5) {
            counts.merge("deprecated-property", i % 2 == 0 ? 3 : 1, Integer::sum);
        }
        return counts;
    }

    public static List<GeneratedFile> generate(int n) {
        return generate(n, false, 0);
    }

    public static List<GeneratedFile> generate(int n, boolean mixed, int group) {
        List<Map<String, Object>> configs = new ArrayList<>(n);
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(String.format("connector-%06d", i));
            configs.add(i % 2 == 0 ? mysql(i) : postgres(i));
        }
        for (int i = 0; group > 0 && i < n; i += 2) {
            int shared = i / 2 / group;
            configs.get(i).put("database.hostname", "mysql-fleet-" + shared + ".internal");
            configs.get(i).put("database.server.id", String.valueOf(184000 + shared));
        }
        for (int block = 0; group == 0 && block < n / 100; block++) {
            int base = block * 100;
            switch (PLANTED[block % PLANTED.length]) {
                // a server id is unique per MySQL server: the pair shares the server too
                case "server-id-unique" -> copy(configs, base + 96, base + 98, "database.hostname", "database.port",
                        "database.server.id");
                case "server-name-unique" -> copyLogicalName(configs, base + 97, base + 99);
                case "schema-history-topic-unique" -> copyHistoryTopic(configs, base + 96, base + 98);
                case "slot-name-unique" -> copy(configs, base + 97, base + 99,
                        "database.hostname", "database.port", "database.dbname", "slot.name");
                case "connector-name-unique" -> names.set(base + 99, names.get(base + 97));
                default -> throw new IllegalStateException();
            }
        }
        List<GeneratedFile> files = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = names.get(i);
            Map<String, Object> config = configs.get(i);
            String stem = String.format("%06d", i);
            files.add(switch (mixed ? i % 5 : 0) {
                case 1 -> new GeneratedFile(stem + ".yaml", strimzi(name, config));
                case 2 -> new GeneratedFile(stem + ".properties", properties(name, config));
                case 3 -> new GeneratedFile(stem + ".sh", "#!/bin/sh\n# registers " + name + "\n"
                        + "curl -sS -X POST -H 'Content-Type: application/json' \"$CONNECT/connectors\" --data @- <<'JSON'\n"
                        + render(name, config, false) + "JSON\n");
                case 4 -> new GeneratedFile(stem + ".md", "# " + name + "\n\nPost this body to Kafka Connect:\n\n```json\n"
                        + render(name, config, false) + "```\n");
                default -> new GeneratedFile(stem + ".json", render(name, config, i % 7 == 3));
            });
        }
        return files;
    }

    private static Map<String, Object> mysql(int i) {
        boolean v1 = i % 5 == 0;
        String prefix = "mysql_e" + i;
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("connector.class", "io.debezium.connector.mysql.MySqlConnector");
        c.put("tasks.max", "1");
        c.put("database.hostname", "mysql-" + i + ".internal");
        c.put("database.port", i % 4 == 0 ? 3306 : "3306");
        c.put("database.user", "debezium");
        c.put("database.password", "${file:/opt/kafka/secrets/mysql-" + i + ".properties:password}");
        c.put("database.server.id", i % 4 == 0 ? 184000 + i : String.valueOf(184000 + i));
        c.put("database.include.list", "app" + i);
        c.put(v1 ? "database.server.name" : "topic.prefix", prefix);
        c.put(v1 ? "database.history.kafka.bootstrap.servers" : "schema.history.internal.kafka.bootstrap.servers",
                "kafka-1:9092,kafka-2:9092,kafka-3:9092");
        c.put(v1 ? "database.history.kafka.topic" : "schema.history.internal.kafka.topic", "schemahistory." + prefix);
        c.put("include.schema.changes", "false");
        common(c, i, "mysql");
        return c;
    }

    private static Map<String, Object> postgres(int i) {
        boolean v1 = i % 5 == 0;
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("connector.class", i % 6 == 1 ? "PostgresConnector" : "io.debezium.connector.postgresql.PostgresConnector");
        c.put("tasks.max", "1");
        c.put("database.hostname", "postgres-" + i + ".internal");
        c.put("database.port", "5432");
        c.put("database.user", "debezium");
        c.put("database.password", "${file:/opt/kafka/secrets/postgres-" + i + ".properties:password}");
        c.put("database.dbname", "app" + i);
        c.put(v1 ? "database.server.name" : "topic.prefix", "postgres_e" + i);
        c.put("plugin.name", "pgoutput");
        c.put("slot.name", "debezium_app" + i);
        c.put("publication.name", "dbz_app" + i);
        c.put("publication.autocreate.mode", "filtered");
        c.put("heartbeat.interval.ms", "10000"); // a subset of tables is captured: heartbeat-missing otherwise
        common(c, i, "postgres");
        return c;
    }

    private static void common(Map<String, Object> c, int i, String type) {
        c.put("table.include.list", (type.equals("mysql") ? "app" + i : "public") + ".orders,"
                + (type.equals("mysql") ? "app" + i : "public") + ".outbox");
        c.put("tombstones.on.delete", false);
        if (i % 3 == 0) {
            c.put("transforms", "outbox");
            c.put("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
            c.put("transforms.outbox.route.by.field", "aggregatetype");
            c.put("transforms.outbox.route.topic.replacement", "outbox.event." + type + ".${routedByValue}");
            c.put("transforms.outbox.table.field.event.key", "aggregateid");
        }
        c.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        c.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        c.put("value.converter.schemas.enable", "false");
        c.put("errors.tolerance", "none");
    }

    private static void copy(List<Map<String, Object>> configs, int from, int to, String... keys) {
        for (String key : keys) {
            configs.get(to).put(key, configs.get(from).get(key));
        }
    }

    private static void copyLogicalName(List<Map<String, Object>> configs, int from, int to) {
        Object name = configs.get(from).containsKey("topic.prefix")
                ? configs.get(from).get("topic.prefix") : configs.get(from).get("database.server.name");
        Map<String, Object> target = configs.get(to);
        target.put(target.containsKey("topic.prefix") ? "topic.prefix" : "database.server.name", name);
    }

    private static void copyHistoryTopic(List<Map<String, Object>> configs, int from, int to) {
        Map<String, Object> source = configs.get(from);
        Object topic = source.containsKey("schema.history.internal.kafka.topic")
                ? source.get("schema.history.internal.kafka.topic") : source.get("database.history.kafka.topic");
        Map<String, Object> target = configs.get(to);
        target.put(target.containsKey("schema.history.internal.kafka.topic")
                ? "schema.history.internal.kafka.topic" : "database.history.kafka.topic", topic);
    }

    private static String render(String name, Map<String, Object> config, boolean bare) {
        StringBuilder json = new StringBuilder();
        String indent = bare ? "  " : "    ";
        json.append("{\n");
        if (bare) {
            json.append("  \"name\": ").append(quote(name)).append(",\n");
        } else {
            json.append("  \"name\": ").append(quote(name)).append(",\n  \"config\": {\n");
        }
        int left = config.size();
        for (Map.Entry<String, Object> entry : config.entrySet()) {
            Object value = entry.getValue();
            json.append(indent).append(quote(entry.getKey())).append(": ")
                    .append(value instanceof String s ? quote(s) : String.valueOf(value))
                    .append(--left > 0 ? ",\n" : "\n");
        }
        json.append(bare ? "}\n" : "  }\n}\n");
        return json.toString();
    }

    private static String strimzi(String name, Map<String, Object> config) {
        StringBuilder yaml = new StringBuilder("apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaConnector\nmetadata:\n");
        yaml.append("  name: ").append(name).append("\n  labels:\n    strimzi.io/cluster: connect\nspec:\n");
        yaml.append("  class: ").append(config.get("connector.class")).append("\n  tasksMax: 1\n  config:\n");
        for (Map.Entry<String, Object> entry : config.entrySet()) {
            if (entry.getKey().equals("connector.class") || entry.getKey().equals("tasks.max")) {
                continue;
            }
            Object value = entry.getValue();
            yaml.append("    ").append(entry.getKey()).append(": ")
                    .append(value instanceof String text ? quote(text) : String.valueOf(value)).append('\n');
        }
        return yaml.toString();
    }

    private static String properties(String name, Map<String, Object> config) {
        StringBuilder text = new StringBuilder("# Kafka Connect standalone connector\nname=").append(name).append('\n');
        config.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

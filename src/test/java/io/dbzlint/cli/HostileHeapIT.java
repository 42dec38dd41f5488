package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The largest hostile inputs of the security issue, each linted by the shipped jar in a heap of
 * 512 MB, as a small CI runner gives it, in every output format: no case runs out of memory or
 * ends in an internal error, and each ends well inside the hang bound. How long each takes is
 * measured by {@code bench/hostile.sh}, not here.
 */
class HostileHeapIT {

    private static final Path JAR = Path.of(System.getProperty("dbzlint.jar", "target/dbzlint.jar"));
    private static final String MYSQL = "io.debezium.connector.mysql.MySqlConnector";

    @TempDir
    Path project;

    @ParameterizedTest
    @ValueSource(strings = {"alias-bomb", "yaml-keys", "properties-keys", "colliding-connectors",
        "unclosed-json-after-curl", "asciidoc-callouts", "backtracking-glob"})
    void should_lint_each_hostile_input_in_a_512_mb_heap_in_every_format(String name) throws Exception {
        Path dir = Files.createDirectories(project.resolve(name));
        write(dir, name);

        for (String format : List.of("text", "json", "sarif")) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-XX:+ExitOnOutOfMemoryError", "-jar", JAR.toAbsolutePath().toString(), "lint", "--format", format,
                    "."));
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s in %s ends", name, format).isTrue();

            assertThat(process.exitValue()).as("%s in %s: %s", name, format, err).isIn(0, 1, 2);
            assertThat(err).as("%s in %s", name, format).doesNotContain("OutOfMemoryError", "Exception");
        }
    }

    private static void write(Path dir, String name) throws IOException {
        switch (name) {
            case "alias-bomb" -> {
                StringBuilder bomb = new StringBuilder("a0: &a0 {k0: x, k1: x}\n");
                for (int i = 1; i < 48; i++) {
                    bomb.append("a").append(i).append(": &a").append(i).append(" {k0: *a").append(i - 1)
                            .append(", k1: *a").append(i - 1).append("}\n");
                }
                bomb.append("debezium:\n  source:\n    connector.class: ").append(MYSQL).append("\n    database: *a47\n");
                Files.writeString(dir.resolve("application.yaml"), bomb);
            }
            case "yaml-keys" -> {
                StringBuilder yaml = new StringBuilder("debezium:\n  source:\n    connector.class: " + MYSQL + "\n");
                for (int i = 0; i < 600_000; i++) {
                    yaml.append("    k").append(i).append(": v\n");
                }
                Files.writeString(dir.resolve("application.yaml"), yaml);
            }
            case "properties-keys" -> {
                StringBuilder properties = new StringBuilder("connector.class=" + MYSQL + "\n");
                for (int i = 0; i < 900_000; i++) {
                    properties.append("k").append(i).append("=v\n");
                }
                Files.writeString(dir.resolve("many.properties"), properties);
            }
            case "colliding-connectors" -> {
                for (int i = 0; i < 500; i++) {
                    Files.writeString(dir.resolve("c" + i + ".json"), mysql("inventory-" + i));
                }
            }
            case "unclosed-json-after-curl" -> {
                StringBuilder script = new StringBuilder("#!/bin/sh\n");
                while (script.length() < 1_000_000) {
                    script.append("curl -X POST $CONNECT/connectors -d '{\"name\": \"x\", \"config\": {\n")
                            .append("echo '{' '{' '{' '{' '{' '{' '{' '{'\n".repeat(4));
                }
                Files.writeString(dir.resolve("deploy.sh"), script);
            }
            case "asciidoc-callouts" -> Files.writeString(dir.resolve("page.adoc"), "[source,json]\n----\n"
                    + mysql("inventory").replace("\"topic.prefix\"", " <1>".repeat(2_000) + "\n\"topic.prefix\"")
                    + "----\n" + " ".repeat(100_000) + "\n");
            case "backtracking-glob" -> {
                Files.writeString(dir.resolve(".dbzlint.yaml"), "include: [\"*a*a*a*a*a*a*a*a*a*a*a*ab\"]\n");
                Files.writeString(dir.resolve("a".repeat(60) + ".json"), mysql("inventory"));
            }
            default -> throw new IllegalArgumentException(name);
        }
    }

    private static String mysql(String name) {
        return """
                {"name": "%s", "config": {
                  "connector.class": "%s",
                  "database.hostname": "mysql", "database.port": "3306",
                  "database.user": "debezium", "database.password": "${file:/s.properties:pw}",
                  "database.server.id": "184054",
                  "topic.prefix": "mysql_prod",
                  "schema.history.internal.kafka.topic": "schemahistory.mysql_prod",
                  "schema.history.internal.kafka.bootstrap.servers": "kafka:9092"
                }}
                """.formatted(name, MYSQL);
    }
}

package io.dbzlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No output format ever shows the value of a password, secret, token or credential key. */
class SecretsTest {

    private static final String SECRET = "hunter2-Sup3rSecret";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text", "json"})
    void should_never_print_a_secret_value_in_any_finding(String format) throws IOException {
        // each file puts the secret where a careless message would repeat it
        Files.writeString(dir.resolve("duplicate.json"), """
                {"connector.class": "MySqlConnector", "database.password": "%s", "database.password": "%s-rotated"}
                """.formatted(SECRET, SECRET));
        Files.writeString(dir.resolve("unquoted.json"), """
                {"connector.class": "MySqlConnector", "database.password": %s}
                """.formatted(SECRET));
        Files.writeString(dir.resolve("wrong-type.json"), """
                {"connector.class": "PostgresConnector", "ssl.truststore.password": ["%s"],
                 "database.password": null, "auth.token": {"value": "%s"}}
                """.formatted(SECRET, SECRET));
        Files.writeString(dir.resolve("secret-in-name.json"), """
                {"name": "orders", "connector.class": "X", "client.secret": {"v": "%s"}, "api.credential": []}
                """.formatted(SECRET));

        Cli run = Cli.run("lint", "--format", format, dir.toString()).expectExit(1);

        assertThat(run.out()).contains("duplicate-key", "parse-error", "config-schema")
                .contains("ssl.truststore.password", "client.secret");
        assertThat(run.out() + run.err()).doesNotContain(SECRET).doesNotContain("hunter2");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text", "json", "sarif", "github", "junit"})
    void should_warn_about_a_literal_password_without_printing_it(String format) {
        Cli run = Cli.run("lint", "--format", format, "examples/mistakes/plaintext-secret").expectExit(0);

        assertThat(run.out()).contains("plaintext-secret").doesNotContain("Inv3ntory-Pa55word!");
    }
}

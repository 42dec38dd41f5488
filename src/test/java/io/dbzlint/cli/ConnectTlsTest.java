package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import io.dbzlint.connect.FakeConnect;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster behind TLS with a private CA, and one that asks for a client certificate (mutual
 * TLS), with certificates the JDK's keytool makes for the test; and a bearer token.
 */
class ConnectTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path keys;

    private static SSLContext serverTls;

    private static final String CONNECTOR = "\"connector.class\":\"io.debezium.connector.postgresql.PostgresConnector\","
            + "\"database.hostname\":\"pg.internal\",\"database.dbname\":\"inventory\",\"slot.name\":\"s\","
            + "\"topic.prefix\":\"postgres_prod\"";

    @BeforeAll
    static void makeCertificates() throws Exception {
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", "server.p12");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", "server.p12", "-file", "ca.pem");
        keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-dname", "CN=ci", "-validity", "2",
                "-keystore", "client.p12");
        keytool("-exportcert", "-rfc", "-alias", "client", "-keystore", "client.p12", "-file", "client.pem");
        keytool("-importcert", "-noprompt", "-alias", "client", "-file", "client.pem", "-keystore", "server.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys.resolve("server.p12"))) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, PASSWORD);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        // a file to lint beside the cluster: a directory of none is a usage error of its own
        Files.writeString(keys.resolve("orders.json"), "{\"name\": \"orders\", \"config\": {" + CONNECTOR
                .replace("\"s\"", "\"orders_slot\"").replace("postgres_prod", "postgres_orders") + "}}");
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", new String(PASSWORD), "-storetype", "PKCS12"));
        Process process = new ProcessBuilder(command).directory(keys.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void should_trust_a_private_ca_given_with_connect_ca_and_refuse_without_it_in_one_line() throws Exception {
        try (FakeConnect connect = new FakeConnect(serverTls, false).running("inventory", CONNECTOR)) {
            Cli untrusted = Cli.runIn(keys, Map.of(), "lint", "--no-config", "--connect-url", connect.url(), "-f",
                    "json", "--connect-timeout", "3", ".").expectExit(2);
            assertThat(untrusted.err().lines()).singleElement().asString().contains("TLS handshake failed",
                    "--connect-ca");

            Cli trusted = Cli.runIn(keys, Map.of(), "lint", "--no-config", "--connect-url", connect.url(),
                    "--connect-ca", "ca.pem", "-f", "json", ".");
            assertThat(trusted.err()).isEmpty();
            assertThat(trusted.out()).contains("connect://127.0.0.1:");
        }
    }

    @Test
    void should_show_a_client_certificate_from_a_pkcs12_key_store_for_mutual_tls() throws Exception {
        try (FakeConnect connect = new FakeConnect(serverTls, true).running("inventory", CONNECTOR)) {
            Cli without = Cli.runIn(keys, Map.of(), "lint", "--no-config", "--connect-url", connect.url(),
                    "--connect-ca", "ca.pem", "--connect-timeout", "3", ".").expectExit(2);
            assertThat(without.err().lines()).hasSize(1);

            Cli with = Cli.runIn(keys, Map.of("DBZLINT_CONNECT_KEYSTORE_PASSWORD", new String(PASSWORD)), "lint",
                    "--no-config", "--connect-url", connect.url(), "--connect-ca", "ca.pem", "--connect-keystore",
                    "client.p12", "-f", "json", ".");
            assertThat(with.err()).isEmpty();
            assertThat(with.out()).contains("connect://127.0.0.1:").doesNotContain(new String(PASSWORD));
        }
    }

    @Test
    void should_send_a_bearer_token_from_the_environment_or_a_file() throws Exception {
        try (FakeConnect connect = new FakeConnect().running("inventory", CONNECTOR).requiring("Bearer t0ken")) {
            Files.writeString(keys.resolve("token"), "t0ken\n");
            Cli byEnv = Cli.runIn(keys, Map.of("DBZLINT_CONNECT_TOKEN", "t0ken"), "lint", "--no-config",
                    "--connect-url", connect.url(), "-f", "json", ".");
            Cli byFile = Cli.runIn(keys, Map.of(), "lint", "--no-config", "--connect-url", connect.url(),
                    "--connect-token-file", "token", "-f", "json", ".");
            for (Cli run : List.of(byEnv, byFile)) {
                assertThat(run.err()).isEmpty();
                assertThat(run.out()).contains("connect://127.0.0.1:").doesNotContain("t0ken");
            }
        }
    }
}

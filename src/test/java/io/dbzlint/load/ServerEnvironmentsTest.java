package io.dbzlint.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerEnvironmentsTest {

    private static final InputId COMPOSE = new InputId("cdc/docker-compose.yml", "cdc/docker-compose.yml",
            InputFormat.YAML);
    private static final InputId PROPERTIES = new InputId("cdc/conf/application.properties",
            "cdc/conf/application.properties", InputFormat.PROPERTIES);

    private static LoadedFile load(ConfigLoader loader, InputId input, String text) {
        return loader.load(input, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void should_read_a_variable_as_debezium_server_spells_it_out_unless_the_file_names_the_property() {
        assertThat(ServerEnvironments.propertyName("DEBEZIUM_SOURCE_DATABASE_HOSTNAME", Map.of()))
                .contains("debezium.source.database.hostname");
        assertThat(ServerEnvironments.propertyName("DEBEZIUM_TRANSFORMS_UNWRAP__ALL_TYPE", Map.of()))
                .as("__ is an underscore").contains("debezium.transforms.unwrap_all.type");
        String camel = "debezium.source.database.tcpKeepAlive";
        assertThat(ServerEnvironments.propertyName("DEBEZIUM_SOURCE_DATABASE_TCPKEEPALIVE",
                Map.of(ServerEnvironments.environmentForm(camel), camel)))
                .as("Quarkus finds the variable under the property another source names").contains(camel);
        assertThat(ServerEnvironments.propertyName("DEBEZIUM", Map.of())).isEmpty();
    }

    @Test
    void should_read_a_server_configured_by_its_environment_alone_with_each_value_in_place() {
        LoadedFile file = load(new ConfigLoader(), COMPOSE, """
                services:
                  cdc:
                    image: quay.io/debezium/server:3.1
                    environment:
                      DEBEZIUM_SOURCE_CONNECTOR_CLASS: io.debezium.connector.postgresql.PostgresConnector
                      DEBEZIUM_SOURCE_DATABASE_PORT: 5432
                      DEBEZIUM_SINK_TYPE: kafka
                  listed:
                    image: debezium/server
                    environment:
                      - "DEBEZIUM_SOURCE_CONNECTOR_CLASS=io.debezium.connector.mysql.MySqlConnector"
                      - DEBEZIUM_SOURCE_DATABASE_HOSTNAME=mysql
                      - DEBEZIUM_SOURCE_DATABASE_PASSWORD
                  mounted:
                    image: debezium/server
                    environment:
                      DEBEZIUM_SOURCE_DATABASE_HOSTNAME: other
                    volumes:
                      - ./conf:/debezium/conf
                  app:
                    image: shop
                    environment:
                      DEBEZIUM_SOURCE_DATABASE_HOSTNAME: not-debezium
                """);

        assertThat(file.connectors()).extracting(Connector::name).containsExactly("cdc", "listed");
        Connector cdc = file.connectors().get(0);
        assertThat(cdc.runsOnDebeziumServer()).isTrue();
        assertThat(cdc.config()).containsOnlyKeys("connector.class", "database.port");
        ConfigEntry port = cdc.entry("database.port").orElseThrow();
        assertThat(port.text()).isEqualTo("5432");
        assertThat(port.keyLocation()).isEqualTo(new Location(COMPOSE, 6, 7, 6, 36));
        assertThat(port.valueLocation()).isEqualTo(new Location(COMPOSE, 6, 38, 6, 42));
        Connector listed = file.connectors().get(1);
        ConfigEntry hostname = listed.entry("database.hostname").orElseThrow();
        assertThat(hostname.keyLocation()).isEqualTo(new Location(COMPOSE, 12, 9, 12, 42));
        assertThat(hostname.valueLocation()).isEqualTo(new Location(COMPOSE, 12, 43, 12, 48));
        assertThat(listed.entry("connector.class").orElseThrow().valueLocation())
                .as("inside the quotes").isEqualTo(new Location(COMPOSE, 11, 42, 11, 84));
        assertThat(listed.value("database.password")).as("passed through from the shell: a reference")
                .contains("${DEBEZIUM_SOURCE_DATABASE_PASSWORD}");
    }

    @Test
    void should_merge_a_services_variables_into_the_config_it_mounts_over_the_files_values() {
        String compose = """
                services:
                  debezium:
                    image: debezium/server:3.0.0.Final
                    environment:
                      DEBEZIUM_SOURCE_DATABASE_HOSTNAME: postgres
                      DEBEZIUM_SOURCE_DATABASE_USER: insight
                    volumes:
                      - type: bind
                        source: ./conf
                        target: /debezium/config/
                """;
        ServerEnvironments environments = ServerEnvironments.of(Map.of(COMPOSE, compose),
                Set.of(COMPOSE.projectPath(), PROPERTIES.projectPath()));
        LoadedFile file = load(new ConfigLoader(environments), PROPERTIES, """
                debezium.source.connector.class=io.debezium.connector.postgresql.PostgresConnector
                debezium.source.database.hostname=localhost
                debezium.source.database.dbname=insight
                """);

        Connector connector = file.connectors().get(0);
        assertThat(connector.config()).containsOnlyKeys("connector.class", "database.dbname", "database.hostname",
                "database.user");
        assertThat(connector.value("database.hostname")).as("the environment beats the file").contains("postgres");
        assertThat(connector.entry("database.hostname").orElseThrow().valueLocation())
                .isEqualTo(new Location(COMPOSE, 5, 42, 5, 50));
        assertThat(connector.entry("database.dbname").orElseThrow().valueLocation().input()).isEqualTo(PROPERTIES);

        LoadedFile alone = load(new ConfigLoader(), PROPERTIES, "debezium.source.database.dbname=insight\n");
        assertThat(alone.connectors().get(0).config()).as("without the compose file").containsOnlyKeys(
                "database.dbname");
        assertThat(load(new ConfigLoader(environments), COMPOSE, compose).connectors())
                .as("the mounted service is read with its file, not again from the compose file").isEmpty();
    }

    @Test
    void should_read_no_service_whose_configuration_is_partly_elsewhere() {
        String compose = """
                services:
                  with-env-file:
                    image: debezium/server
                    env_file: debezium.env
                    environment:
                      DEBEZIUM_SOURCE_CONNECTOR_CLASS: io.debezium.connector.postgresql.PostgresConnector
                  mounted-from-outside:
                    image: debezium/server
                    environment:
                      DEBEZIUM_SOURCE_CONNECTOR_CLASS: io.debezium.connector.postgresql.PostgresConnector
                    volumes:
                      - /etc/debezium/application.properties:/debezium/conf/application.properties
                """;
        assertThat(load(new ConfigLoader(), COMPOSE, compose).connectors()).isEmpty();
        assertThat(ServerEnvironments.of(Map.of(COMPOSE, compose), Set.of(COMPOSE.projectPath(),
                "etc/debezium/application.properties"))).isSameAs(ServerEnvironments.NONE);
    }
}

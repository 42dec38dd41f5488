package io.dbzlint.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.model.Connector;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KsqlConnectorsTest {

    private static final InputId SQL = new InputId("ksql/connectors.sql", "ksql/connectors.sql", InputFormat.KSQL);

    private static LoadedFile load(String text) {
        return new ConfigLoader().load(SQL, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void should_name_a_connector_as_ksqldb_does() {
        LoadedFile file = load("""
                CREATE SOURCE CONNECTOR orders_source WITH ('connector.class' = 'io.debezium.connector.mysql.MySqlConnector');
                create sink connector if not exists `Orders-Sink` with ("connector.class" = 'io.confluent.connect.jdbc.JdbcSinkConnector');
                """);

        assertThat(file.connectors()).extracting(Connector::name).containsExactly("ORDERS_SOURCE", "Orders-Sink");
        assertThat(file.problems()).isEmpty();
    }

    @Test
    void should_read_values_as_ksqldb_hands_them_to_kafka_connect() {
        Connector connector = load("""
                CREATE SOURCE CONNECTOR c WITH (
                  'connector.class' = 'io.debezium.connector.mysql.MySqlConnector', -- the source
                  'database.port' = 3306,
                  'database.password' = 'it''s',
                  'snapshot.locking.mode' = 'none'
                );
                """).connectors().get(0);

        assertThat(connector.value("database.port")).contains("3306");
        assertThat(connector.value("database.password")).contains("it's");
        assertThat(connector.entry("database.password").orElseThrow().valueLocation().column()).isEqualTo(25);
        assertThat(connector.config()).hasSize(4);
    }

    @Test
    void should_not_take_a_statement_that_does_not_close_or_names_no_class_for_a_connector() {
        assertThat(load("CREATE SOURCE CONNECTOR name WITH ('connector.class' = ..., and so on).").connectors()).isEmpty();
        assertThat(load("CREATE SOURCE CONNECTOR name WITH ('tasks.max' = '1'); -- connector.class comes later")
                .connectors()).isEmpty();
    }

    @Test
    void should_leave_a_database_dump_in_another_encoding_alone() {
        byte[] latin1 = "INSERT INTO film VALUES (1, 'Caf\u00e9', 'connector.class');\n".getBytes(StandardCharsets.ISO_8859_1);

        LoadedFile file = new ConfigLoader().load(SQL, latin1);

        assertThat(file.connectors()).isEmpty();
        assertThat(file.problems()).isEmpty();
    }
}

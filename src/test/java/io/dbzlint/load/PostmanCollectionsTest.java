package io.dbzlint.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A collection's request bodies are read at the places the file writes them, escapes and all. */
class PostmanCollectionsTest {

    private static final String SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

    private static LoadedFile load(String text) {
        return new ConfigLoader().load(new InputId("c.json", null, InputFormat.JSON), text.getBytes(StandardCharsets.UTF_8));
    }

    /** The file's text at a location: what an editor shows there. */
    private static String at(String text, io.dbzlint.model.Location location) {
        String line = text.split("\n", -1)[location.line() - 1];
        return line.substring(location.column() - 1, location.endColumn() - 1);
    }

    @Test
    void should_place_each_key_and_value_where_the_file_writes_it_escapes_counted_as_written() {
        String raw = "{\\r\\n\\t\\\"name\\\": \\\"caf\\u00e9\\\",\\r\\n\\t\\\"config\\\": {\\r\\n"
                + "\\t\\t\\\"connector.class\\\": \\\"io.debezium.connector.postgresql.PostgresConnector\\\",\\r\\n"
                + "\\t\\t\\\"slot.name\\\": \\\"caf\\u00e9_slot\\\",\\r\\n\\t\\t\\\"topic.prefix\\\": \\\"postgres_prod\\\"\\r\\n\\t}\\r\\n}";
        String text = "{\n \"info\": {\"name\": \"c\", \"schema\": \"" + SCHEMA + "\"},\n \"item\": [\n"
                + "  {\"name\": \"status\", \"request\": {\"method\": \"GET\", \"url\": \"{{connect}}/connectors\"}},\n"
                + "  {\"name\": \"register\", \"request\": {\"method\": \"POST\", \"url\": {\"raw\": \"{{connect}}/connectors\"},\n"
                + "   \"body\": {\"mode\": \"raw\", \"raw\": \"" + raw + "\"}}}\n ]\n}\n";

        LoadedFile file = load(text);

        assertThat(file.problems()).isEmpty();
        Connector connector = file.connectors().get(0);
        assertThat(file.connectors()).hasSize(1);
        assertThat(connector.name()).isEqualTo("caf\u00e9");
        ConfigEntry slot = connector.config().get("slot.name");
        assertThat(slot.text()).isEqualTo("caf\u00e9_slot");
        assertThat(at(text, slot.keyLocation())).isEqualTo("\\\"slot.name\\\"");
        assertThat(at(text, slot.valueLocation())).isEqualTo("\\\"caf\\u00e9_slot\\\"");
        assertThat(at(text, connector.config().get("topic.prefix").valueLocation())).isEqualTo("\\\"postgres_prod\\\"");
        assertThat(slot.keyLocation().line()).isEqualTo(6);
    }

    @Test
    void should_name_a_bare_config_put_to_its_connector_by_the_url() {
        String raw = "{\\\"connector.class\\\": \\\"io.debezium.connector.mysql.MySqlConnector\\\", \\\"topic.prefix\\\": \\\"mysql_prod\\\"}";
        String text = "{\"info\": {\"schema\": \"" + SCHEMA + "\"}, \"item\": [{\"request\": {\"method\": \"PUT\",\n"
                + " \"body\": {\"mode\": \"raw\", \"raw\": \"" + raw + "\"},\n"
                + " \"url\": {\"raw\": \"http://localhost:8083/connectors/inventory/config\"}}}]}";

        Connector connector = load(text).connectors().get(0);

        assertThat(connector.name()).isEqualTo("inventory");
        assertThat(connector.isPut()).isTrue();
        assertThat(at(text, connector.nameLocation())).isEqualTo("inventory");
    }

    @Test
    void should_leave_a_collection_without_a_connector_and_any_other_json_alone() {
        assertThat(load("{\"info\": {\"schema\": \"" + SCHEMA + "\"}, \"item\": [{\"request\": {\"method\": \"POST\","
                + " \"body\": {\"mode\": \"raw\", \"raw\": \"{\\\"connector.class\\\": {{cls}}}\"}}}]}").connectors()).isEmpty();
        assertThat(load("{\"info\": {\"schema\": \"" + SCHEMA + "\"}, \"item\": [], \"note\": \"connector.class\"}")
                .connectors()).isEmpty();
    }
}

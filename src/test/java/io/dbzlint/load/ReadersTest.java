package io.dbzlint.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every format has its reader, and what a directory search picks up is what the formats declare. */
class ReadersTest {

    @ParameterizedTest
    @EnumSource(value = InputFormat.class, names = {"PROPERTIES", "KSQL"}, mode = EnumSource.Mode.EXCLUDE)
    void should_read_every_format_and_place_bytes_that_are_not_utf8(InputFormat format) {
        byte[] bytes = {'x', '\n', 'y', (byte) 0xC3, '('};

        LoadedFile file = new ConfigLoader().load(new InputId("f", null, format), bytes);

        assertThat(file.connectors()).isEmpty();
        assertThat(file.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.ruleId()).isEqualTo(LoadProblem.PARSE_ERROR);
            assertThat(problem.location().line()).isEqualTo(2);
            assertThat(problem.location().column()).isEqualTo(2);
            assertThat(problem.message()).startsWith("not valid UTF-8: byte 0xC3");
        });
    }

    @Test
    void should_search_directories_for_exactly_the_extensions_the_formats_declare() {
        Set<InputFormat> covered = EnumSet.noneOf(InputFormat.class);
        for (String pattern : InputFormat.patterns().split(", ")) {
            assertThat(pattern).startsWith("*.");
            String name = "connector" + pattern.substring(1);
            covered.add(InputFormat.forFileName(name).orElseThrow());
            assertThat(InputFormat.forFileName(name.toUpperCase())).as("case does not matter").isPresent();
        }
        assertThat(covered).containsExactlyInAnyOrder(InputFormat.values());
        assertThat(InputFormat.forFileName("connector.txt")).isEmpty();
        assertThat(InputFormat.forFileName("json")).as("no extension").isEmpty();
    }

    @Test
    void should_read_properties_that_are_not_utf8_as_iso_8859_1_as_java_does() {
        byte[] bytes = "connector.class=io.debezium.connector.postgresql.PostgresConnector\ndatabase.dbname=caf\u00e9\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        LoadedFile file = new ConfigLoader().load(new InputId("c.properties", null, InputFormat.PROPERTIES), bytes);

        assertThat(file.problems()).isEmpty();
        assertThat(file.connectors()).singleElement()
                .satisfies(connector -> assertThat(connector.value("database.dbname")).hasValue("caf\u00e9"));
    }
}

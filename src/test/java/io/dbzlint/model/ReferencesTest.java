package io.dbzlint.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Documentation placeholders are unknown values, like templates; everything else is a value. */
class ReferencesTest {

    @ParameterizedTest
    @ValueSource(strings = {"<password>", " <your db host> ", "{port}", "{database.name}", "your-db-host",
        "YOUR_PASSWORD", "your.kafka:9092", "{{ .Values.port }}", "jdbc:{{ host }}:5432", "TODO", "# TODO",
        "#FIXME: the prefix", "CHANGEME", " TBD "})
    void should_take_a_placeholder_for_an_unknown_value_and_never_a_secret(String value) {
        assertThat(References.contains(value)).isTrue();
        assertThat(References.hasTemplate(value)).as("not comparable").isTrue();
        assertThat(References.find(value)).singleElement()
                .satisfies(found -> assertThat(found.kind()).isEqualTo(References.Kind.PLACEHOLDER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "yours", "your", "<>", "{}", "{a b}", "a<b>", "<a><b>", "{\"k\": 1}",
        "outbox.event.mysql.${routedByValue}", "x > 3 and y < 4", "PG_PORT", "NR_TASKS", "TODOS", "changeme", "Todo list", "not TODO", "__init__x", "a@b.c", "user@host@"})
    void should_take_anything_else_for_a_value(String value) {
        assertThat(References.contains(value)).isFalse();
        assertThat(References.hasTemplate(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NR_TASKS", "PG_SLOT_NAME", "SSL_MODE", "A1_B2"})
    void should_take_capitals_with_an_underscore_for_a_placeholder_on_documentation_pages(String value) {
        assertThat(References.isCapitalsPlaceholder(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INITIAL", "PG_", "_X", "Pg_PORT", "PG-PORT", "1_A", ""})
    void should_not_take_other_capitals_for_a_placeholder(String value) {
        assertThat(References.isCapitalsPlaceholder(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${connector.database.password}", "__DEBEZIUM_PASSWORD__", "@db.password@", "${db-password}", "jdbc:${db.host}:5432", "${a.b:-x}"})
    void should_take_a_dotted_variable_or_a_scripts_token_for_a_template(String value) {
        assertThat(References.hasTemplate(value)).isTrue();
        assertThat(References.find(value)).singleElement()
                .satisfies(found -> assertThat(found.kind()).isEqualTo(References.Kind.TEMPLATE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%s", "%d", " %1$s ", "jdbc:clickhouse://%s:%d/default", "%s.%s"})
    void should_take_a_format_specifier_for_a_template_code_fills_in(String value) {
        assertThat(References.contains(value)).isTrue();
        assertThat(References.hasTemplate(value)).isTrue();
        assertThat(References.find(value)).allSatisfy(found -> assertThat(found.kind())
                .isEqualTo(References.Kind.TEMPLATE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"100%", "my%20database", "%sales", "50%d", "a%", "%%"})
    void should_take_other_percent_signs_for_a_value(String value) {
        assertThat(References.contains(value)).isFalse();
        assertThat(References.hasTemplate(value)).isFalse();
    }
}

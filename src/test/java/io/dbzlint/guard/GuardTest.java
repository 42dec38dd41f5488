package io.dbzlint.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.TestFiles;
import io.dbzlint.engine.LintSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guard's decision on the requests Kafka Connect takes, without a cluster (see LiveGuardTest). */
class GuardTest {

    private final List<String> logged = new ArrayList<>();
    private final Guard.Log log = new Guard.Log() {
        @Override
        public void info(String message) {
            logged.add("INFO " + message);
        }

        @Override
        public void warn(String message) {
            logged.add("WARN " + message);
        }
    };

    private static Map<String, String> postgres(String slot, String prefix) {
        return TestFiles.postgres("pg.internal", 5432, "debezium", "${file:/s.properties:pw}", "inventory", slot, prefix);
    }

    private Guard guard(boolean enforce) {
        return new Guard(LintSession.bundled(Path.of("").toAbsolutePath()), enforce, log);
    }

    @Test
    void should_read_post_put_and_patch_as_the_config_the_cluster_will_hold() throws Exception {
        Guard.Request post = Guard.request("POST", "connectors", "{\"name\": \"a\", \"config\": {\"slot.name\": \"s\"}}",
                name -> null);
        Guard.Request put = Guard.request("PUT", "connectors/a%20b/config", "{\"slot.name\": \"s\"}", name -> null);
        Guard.Request patch = Guard.request("PATCH", "/connectors/a/config", "{\"slot.name\": \"t\", \"x\": null}",
                name -> Map.of("slot.name", "s", "x", "1", "y", "2"));

        assertThat(post).isEqualTo(new Guard.Request("a", Map.of("slot.name", "s")));
        assertThat(put).isEqualTo(new Guard.Request("a b", Map.of("slot.name", "s")));
        assertThat(patch).isEqualTo(new Guard.Request("a", Map.of("slot.name", "t", "y", "2")));
        assertThat(Guard.request("POST", "connectors/a/restart", "", name -> null)).isNull();
        assertThat(Guard.request("PUT", "connectors/a/pause", "", name -> null)).isNull();
    }

    @Test
    void should_refuse_a_slot_a_running_connector_holds_naming_rule_key_and_connector() {
        Guard.Decision decision = guard(true).check(new Guard.Request("orders", postgres("inventory_slot", "postgres_orders")),
                Map.of("inventory", postgres("inventory_slot", "postgres_prod")));

        assertThat(decision.refused()).isTrue();
        assertThat(decision.message()).startsWith("dbzlint refused connector \"orders\": slot-name-unique: slot.name"
                + " \"inventory_slot\"").contains("connector \"inventory\" (connectors/inventory:");
    }

    @Test
    void should_compare_a_connector_that_replaces_itself_without_itself() {
        Guard.Decision decision = guard(true).check(new Guard.Request("inventory", postgres("inventory_slot",
                "postgres_prod")), Map.of("inventory", postgres("inventory_slot", "postgres_prod")));

        assertThat(decision.refused()).isFalse();
    }

    @Test
    void should_only_log_in_warn_mode_and_log_warnings_in_both() {
        Map<String, String> withSecret = postgres("inventory_slot", "postgres_orders");
        withSecret.put("database.password", "S3cr3tPw");

        Guard.Decision decision = guard(false).check(new Guard.Request("orders", withSecret),
                Map.of("inventory", postgres("inventory_slot", "postgres_prod")));

        assertThat(decision.refused()).isFalse();
        assertThat(logged).anySatisfy(line -> assertThat(line).startsWith("WARN dbzlint guard (warn mode) would refuse"
                + " connector \"orders\": slot-name-unique"));
        assertThat(logged).anySatisfy(line -> assertThat(line).startsWith("INFO").contains("plaintext-secret"));
        assertThat(String.join("\n", logged)).doesNotContain("S3cr3tPw");
    }

    @Test
    void should_write_kafka_connects_error_body() {
        assertThat(GuardFilter.errorBody("a \"b\" \\ c\n")).isEqualTo(
                "{\"error_code\":400,\"message\":\"a \\\"b\\\" \\\\ c\\n\"}");
    }
}

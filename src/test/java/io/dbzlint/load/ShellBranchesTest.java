package io.dbzlint.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dbzlint.model.ScriptBranches;
import org.junit.jupiter.api.Test;

class ShellBranchesTest {

    /** The line (1-based) of the first line of text that contains the marker. */
    private static int lineOf(String script, String marker) {
        String before = script.substring(0, script.indexOf(marker));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }

    private static boolean exclusive(String script, String a, String b) {
        return ShellBranches.of(script).exclusive(lineOf(script, a), lineOf(script, b));
    }

    @Test
    void should_tell_the_arms_of_an_if_apart() {
        String script = """
                if [[ $1 == "postgres" ]]; then
                  echo A
                elif [ "$1" = mysql ]; then
                  echo B
                else
                  echo C
                fi
                echo D
                """;
        assertThat(exclusive(script, "echo A", "echo B")).isTrue();
        assertThat(exclusive(script, "echo B", "echo C")).isTrue();
        assertThat(exclusive(script, "echo A", "echo D")).as("after the fi, every arm ran before").isFalse();
    }

    @Test
    void should_tell_the_arms_of_a_case_apart() {
        String script = """
                case "$DB" in
                  (mysql) echo A ;;
                  postgres|pg)
                    echo B
                    ;;
                  *) echo C ;;
                esac
                """;
        assertThat(exclusive(script, "echo A", "echo B")).isTrue();
        assertThat(exclusive(script, "echo B", "echo C")).isTrue();
    }

    @Test
    void should_keep_what_follows_an_exiting_arm_apart_from_it_only() {
        String script = """
                if [ "$1" = legacy ]; then
                  echo A
                  exit 0
                fi
                if [ -n "$VERBOSE" ]; then
                  echo B
                fi
                echo C
                """;
        assertThat(exclusive(script, "echo A", "echo C")).isTrue();
        assertThat(exclusive(script, "echo A", "echo B")).isTrue();
        assertThat(exclusive(script, "echo B", "echo C")).as("the second if does not exit").isFalse();
    }

    @Test
    void should_not_count_an_exit_nested_deeper_or_in_a_substitution() {
        String script = """
                if [ "$1" = a ]; then
                  echo A
                  if [ -z "$2" ]; then
                    exit 1
                  fi
                  out=$(exit 3)
                fi
                echo B
                """;
        assertThat(exclusive(script, "echo A", "echo B")).isFalse();
    }

    @Test
    void should_take_keywords_in_heredocs_quotes_and_comments_as_text() {
        String script = """
                # if this were code, fi would close it
                if true; then
                  cat <<EOF
                fi
                else
                EOF
                  echo 'fi
                  case'
                  echo A
                else
                  echo B
                fi
                """;
        ScriptBranches branches = ShellBranches.of(script);
        assertThat(branches.isEmpty()).isFalse();
        assertThat(exclusive(script, "echo A", "echo B")).isTrue();
    }

    @Test
    void should_know_nothing_of_a_script_whose_structure_does_not_close() {
        assertThat(ShellBranches.of("if true; then\n  echo A\nelse\n  echo B\n").isEmpty()).isTrue();
        assertThat(ShellBranches.of("echo A\nfi\n").isEmpty()).isTrue();
        assertThat(ShellBranches.of("echo A\necho B\n").isEmpty()).as("no branch at all").isTrue();
    }

    @Test
    void should_read_one_line_conditionals_functions_and_loops() {
        String script = """
                register() {
                  for f in a b; do echo "$f"; done
                  if [ "$1" = x ]; then echo A; else echo B; fi
                }
                function other {
                  while true; do break; done
                }
                if [ -f x ]; then echo C
                else echo D; fi
                """;
        assertThat(ShellBranches.of(script).isEmpty()).isFalse();
        assertThat(exclusive(script, "echo C", "echo D")).isTrue();
    }

    @Test
    void should_find_the_files_curl_posts_and_the_arm_each_is_posted_in() {
        String script = """
                if [ "$1" = apicurio ]; then
                  curl -X POST "$URL" --data @payload.json
                else
                  curl -X POST "$URL" -d@'other.json'
                fi
                curl -X PUT "$URL/config" --data-binary @./configs/third.json
                curl -X POST "$URL" -d @- <<EOF
                {}
                EOF
                curl -X POST "$URL" -d @"$FILE"
                """;
        ScriptBranches branches = ShellBranches.of(script);
        assertThat(branches.posts()).extracting(ScriptBranches.Post::file, ScriptBranches.Post::line)
                .containsExactly(tuple("payload.json", 2),
                        tuple("other.json", 4),
                        tuple("./configs/third.json", 6));
        assertThat(branches.exclusive(branches.posts().get(0).path(), branches.posts().get(1).path())).isTrue();
        assertThat(branches.exclusive(branches.posts().get(0).path(), branches.posts().get(2).path())).isFalse();
    }

    @Test
    void should_tell_arms_apart_on_one_line() {
        String script = "if [ \"$1\" = a ]; then curl -d @a.json \"$U\"; else curl -d @b.json \"$U\"; fi\n";
        ScriptBranches branches = ShellBranches.of(script);
        assertThat(branches.posts()).hasSize(2);
        assertThat(branches.exclusive(branches.posts().get(0).path(), branches.posts().get(1).path())).isTrue();
    }

    @Test
    void should_name_the_connector_a_put_to_its_config_sends_a_file_to() {
        String script = """
                curl -X PUT http://connect:8083/connectors/inventory/config -H 'Content-Type: application/json' \\
                  --data-binary @primary.json
                curl -d @replica.json -X PUT "$CONNECT/connectors/inventory/config"; curl -X POST "$CONNECT/connectors" -d @new.json
                curl -X PUT "$CONNECT/connectors/$NAME/config" -d @named-elsewhere.json
                """;
        assertThat(ShellBranches.of(script).posts())
                .extracting(ScriptBranches.Post::file, ScriptBranches.Post::line, ScriptBranches.Post::connector)
                .containsExactly(tuple("primary.json", 2, "inventory"),
                        tuple("replica.json", 3, "inventory"),
                        tuple("new.json", 3, null),
                        tuple("named-elsewhere.json", 4, null));
    }

    @Test
    void should_find_what_a_pages_curl_commands_upload_and_nothing_in_its_prose() {
        String page = """
                # Failover

                Send the config with curl and `-d @file`, as the mail to support@example.com says.

                ```shell
                $ curl -i -X PUT -H "Content-Type:application/json" \\
                    http://localhost:8083/connectors/inventory-connector/config \\
                    -d @connector-config-replica.json
                ```

                Or `curl -X POST http://localhost:8083/connectors -d @register.json` for a new one.
                """;
        assertThat(ShellBranches.uploadsOf(page).posts())
                .extracting(ScriptBranches.Post::file, ScriptBranches.Post::line, ScriptBranches.Post::connector)
                .containsExactly(tuple("connector-config-replica.json", 8, "inventory-connector"),
                        tuple("register.json", 11, null));
    }

    @Test
    void should_find_the_files_httpie_posts_from_a_redirect_or_a_cat_pipe() {
        String script = """
                http POST http://localhost:8083/connectors < redirected.json
                cat piped.json | http POST :8083/connectors/
                cat filtered.json | jq '.config' | curl -X PUT -d @- http://connect:8083/connectors/orders/config
                cat |
                  http POST :8083/connectors
                cat shown.json
                http POST :8083/connectors
                sort < names.txt > sorted.txt
                cat notes.json | grep connectors
                cat "$BODY" | http POST :8083/connectors
                """;
        assertThat(ShellBranches.of(script).posts())
                .extracting(ScriptBranches.Post::file, ScriptBranches.Post::line, ScriptBranches.Post::connector)
                .containsExactly(tuple("redirected.json", 1, null),
                        tuple("piped.json", 2, null),
                        tuple("filtered.json", 3, "orders"));
    }

    @Test
    void should_find_what_a_pages_httpie_commands_upload() {
        String page = """
                - cat register-hiking-connector.json | http POST http://localhost:8083/connectors/
                - http localhost:8083/connectors/hiking-connector/status
                - the cat sat on register.json
                """;
        assertThat(ShellBranches.uploadsOf(page).posts()).extracting(ScriptBranches.Post::file, ScriptBranches.Post::line)
                .containsExactly(tuple("register-hiking-connector.json", 1));
    }

    @Test
    void should_name_the_files_a_script_appends_to() {
        String script = """
                cat >> conf/application.properties <<EOF
                debezium.source.topic.prefix=${DB_NAME}
                EOF
                echo "debezium.sink.type=kafka" >>"settings/server.properties"
                echo done >> "$LOG"
                some-command 2>>/dev/null >> /dev/null
                cat register.json > copy.json
                """;
        assertThat(ShellBranches.of(script).appends()).containsExactlyInAnyOrder("application.properties",
                "server.properties");
    }
}

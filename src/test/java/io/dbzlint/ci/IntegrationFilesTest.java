package io.dbzlint.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The CI and pre-commit files users copy: well-formed, and consistent with the CLI they call. */
class IntegrationFilesTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern FORMAT_FILE = Pattern.compile("--format (\\w+)=(\\S+)");

    private static JsonNode read(String path) throws IOException {
        return YAML.readTree(Files.readString(Path.of(path)));
    }

    private static List<String> runLines(JsonNode steps) {
        List<String> lines = new ArrayList<>();
        steps.forEach(step -> lines.add(step.path("run").asString("")));
        return lines;
    }

    @Test
    void should_define_a_composite_action_that_runs_the_launcher_and_uploads_its_sarif() throws IOException {
        JsonNode action = read("action.yml");

        assertThat(action.path("runs").path("using").asString()).isEqualTo("composite");
        assertThat(action.path("inputs").propertyNames()).contains("paths", "args", "sarif-file", "upload-sarif");
        assertThat(String.join("\n", runLines(action.path("runs").path("steps"))))
                .contains("\"$DBZLINT\" lint --format github", "sarif=$DBZLINT_SARIF",
                        "DBZLINT=$GITHUB_ACTION_PATH/bin/dbzlint");
        assertThat(action.toString()).contains("github/codeql-action/upload-sarif");
    }

    @Test
    void should_point_the_pre_commit_hook_at_an_executable_launcher() throws IOException {
        JsonNode hook = read(".pre-commit-hooks.yaml").get(0);
        Path entry = Path.of(hook.path("entry").asString().split(" ")[0]);

        assertThat(hook.path("id").asString()).isEqualTo("dbzlint");
        assertThat(entry).exists().isExecutable();
        assertThat(hook.path("pass_filenames").asBoolean()).as("cross-file rules need the whole repository").isFalse();
    }

    @Test
    void should_release_what_dist_builds_after_running_it_with_checksums() throws IOException {
        JsonNode workflow = read(".github/workflows/release.yml");
        String runs = String.join("\n", runLines(workflow.path("jobs").path("dist").path("steps")));

        assertThat(workflow.path("on").path("push").path("tags").toString()).contains("v*");
        assertThat(runs).contains("mvn -B verify", "dist/build.sh", "dist/check.sh", "*.sha256", "*.tar.gz", "*.deb");
        assertThat(runs.indexOf("dist/check.sh")).as("checked before it is attached").isLessThan(runs.indexOf("gh release upload"));
        assertThat(Path.of("dist/build.sh")).isExecutable();
        assertThat(Path.of("dist/check.sh")).isExecutable();
    }

    @Test
    void should_run_a_released_version_checked_against_its_checksum_or_the_built_checkout() throws IOException {
        JsonNode action = read("action.yml");
        String runs = String.join("\n", runLines(action.path("runs").path("steps")));

        assertThat(action.path("inputs").has("version")).isTrue();
        assertThat(runs).contains("releases/download/v$DBZLINT_VERSION", "sha256sum -c", "-linux-x64\"", ".tar.gz",
                "\"$DBZLINT\" lint");
        assertThat(runs.indexOf("sha256sum -c")).as("verified before it is unpacked").isLessThan(runs.indexOf("tar -xzf"));
        assertThat(runs).contains("DBZLINT=$GITHUB_ACTION_PATH/bin/dbzlint");
    }

    @Test
    void should_keep_the_actions_maven_dependencies_between_runs_keyed_on_its_pom() throws IOException {
        JsonNode steps = read("action.yml").path("runs").path("steps");
        JsonNode cache = null;
        for (JsonNode step : steps) {
            if (step.path("uses").asString("").startsWith("actions/cache@")) {
                cache = step;
            }
        }

        assertThat(cache).as("a cache step").isNotNull();
        assertThat(cache.path("with").path("path").asString()).isEqualTo("~/.m2/repository");
        assertThat(cache.path("with").path("key").asString()).contains("hashFiles(", "pom.xml", "github.action_path");
        assertThat(steps.toString().indexOf("actions/cache@")).as("restored before the build")
                .isLessThan(steps.toString().indexOf("Build dbzlint"));
    }

    @Test
    void should_run_the_pre_commit_hook_for_every_format_lint_reads_and_leave_colour_alone() throws IOException {
        JsonNode hook = read(".pre-commit-hooks.yaml").get(0);
        // pre-commit matches `files` with Python's re.search; these patterns mean the same in Java
        Pattern files = Pattern.compile(hook.path("files").asString());

        for (String extension : io.dbzlint.model.InputFormat.extensions()) {
            assertThat(files.matcher("connectors/prod/inventory." + extension).find()).as(extension).isTrue();
            assertThat(files.matcher("docs/CONNECTOR." + extension.toUpperCase(java.util.Locale.ROOT)).find())
                    .as(extension + " in capitals").isTrue();
        }
        assertThat(files.matcher(".dbzlint.yaml").find()).as("the project config").isTrue();
        assertThat(files.matcher("src/Main.java").find()).isFalse();
        assertThat(hook.path("args").toString()).doesNotContain("--color");
    }

    @Test
    void should_upload_the_same_sarif_file_the_workflow_writes() throws IOException {
        JsonNode steps = read("examples/ci/github-workflow-without-action.yml").path("jobs").path("dbzlint").path("steps");
        Matcher written = FORMAT_FILE.matcher(String.join("\n", runLines(steps)));

        assertThat(written.find()).isTrue();
        assertThat(written.group(1)).isEqualTo("sarif");
        assertThat(steps.findValue("sarif_file").asString()).isEqualTo(written.group(2));
    }

    @Test
    void should_report_to_gitlab_the_junit_file_the_job_writes() throws IOException {
        JsonNode job = read("examples/ci/gitlab-ci.yml").path("dbzlint");
        Matcher written = FORMAT_FILE.matcher(job.path("script").toString());

        assertThat(written.find()).isTrue();
        assertThat(written.group(1)).isEqualTo("junit");
        assertThat(job.path("artifacts").path("reports").path("junit").asString()).isEqualTo(written.group(2));
        assertThat(job.path("artifacts").path("when").asString()).isEqualTo("always");
    }
}

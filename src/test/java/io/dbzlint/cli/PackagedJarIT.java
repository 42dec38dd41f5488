package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the shaded jar as a user does, in its own JVM: it must start from nothing but itself, and
 * keep stderr free of library noise (SLF4J's "no providers" warning, for one).
 */
class PackagedJarIT {

    private static final Path JAR = Path.of(System.getProperty("dbzlint.jar", "target/dbzlint.jar"));

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return start(new ProcessBuilder(command), stdin);
    }

    private static Run start(ProcessBuilder builder, String stdin) throws IOException, InterruptedException {
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err);
    }

    @Test
    void should_lint_the_capstone_clean_with_nothing_on_stderr() throws Exception {
        assertThat(JAR).exists();

        Run run = run("", "lint", "examples/capstone");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("0 errors, 0 warnings in 2 connectors (2 files)\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void should_exit_1_on_a_mistake_with_nothing_on_stderr() throws Exception {
        Run run = run("", "lint", "--format", "json", "examples/mistakes/config-schema");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"rule\": \"config-schema\"");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void should_exit_2_with_one_line_for_a_missing_path() throws Exception {
        Run run = run("", "lint", "does-not-exist");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("dbzlint: does-not-exist: no such file or directory\n");
    }

    @Test
    void should_run_through_the_launcher_with_its_class_data_archive_and_no_jvm_messages() throws Exception {
        assertThat(Path.of("target/dbzlint.jsa")).as("archive recorded at package time").exists();
        ProcessBuilder launcher = new ProcessBuilder("bash", "bin/dbzlint", "lint", "examples/capstone");
        launcher.environment().put("JAVA_HOME", System.getProperty("java.home"));

        Run run = start(launcher, "");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("0 errors, 0 warnings in 2 connectors (2 files)\n");
        assertThat(run.err()).isEmpty();
    }

    /**
     * Start-up: a call site that links through a bootstrap method other than the lambda factory
     * (a record's generated equals or hashCode, string concatenation compiled to invokedynamic)
     * spins method-handle classes on a lint's critical path, which no class-data archive holds.
     */
    @Test
    void should_link_no_record_methods_or_string_concatenation_while_linting_every_example() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true", "-jar", JAR.toString(),
                "lint", "--format", "sarif", "examples");

        Run run = start(new ProcessBuilder(command), "");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).as("the trace is on").contains("linkCallSite io.dbzlint.");
        assertThat((run.out() + run.err()).lines()
                .filter(line -> line.startsWith("linkCallSite io.dbzlint.") && !line.contains("LambdaMetafactory")))
                .isEmpty();
    }

    /**
     * Start-up: what a clean lint of the current Debezium version must not load, each once a
     * measured part of every start (see docs/performance.md): the JSON Schema
     * validator (configs that pass the fast path never validate), the release catalog, and
     * java.time or java.sql (picocli's converters for them are excluded).
     */
    @Test
    void should_load_none_of_what_a_clean_lint_does_not_need() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:stdout", "-jar", JAR.toString(), "lint", "examples/capstone");

        Run run = start(new ProcessBuilder(command), "");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> loaded = run.out().lines().filter(line -> line.contains("[class,load]"))
                .map(line -> line.replaceFirst("^.*\\[class,load\\] (\\S+).*$", "$1")).toList();
        assertThat(loaded).as("the trace is on").contains("io.dbzlint.cli.Main", "io.dbzlint.debezium.CatalogData");
        assertThat(loaded).noneMatch(name -> name.startsWith("com.networknt.")
                || name.startsWith("io.dbzlint.debezium.ReleaseCatalog$")
                || name.startsWith("java.time.format.") || name.startsWith("java.sql."));
    }

    @Test
    void should_lint_standard_input() throws Exception {
        String config = Files.readString(Path.of("examples/mistakes/server-id-range/inventory-mysql.json"));

        Run run = run(config, "lint", "--color", "never", "-");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("<stdin>:10:27: error server-id-range");
    }

    @Test
    void should_build_the_guards_own_jar_with_its_service_entry_and_nothing_the_worker_provides() throws Exception {
        Path guard = JAR.resolveSibling("dbzlint-guard.jar");
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(guard.toFile())) {
            java.util.zip.ZipEntry service = jar.getEntry("META-INF/services/org.apache.kafka.connect.rest.ConnectRestExtension");
            assertThat(service).as("the worker finds the extension by its service entry").isNotNull();
            assertThat(new String(jar.getInputStream(service).readAllBytes(), StandardCharsets.UTF_8).trim())
                    .isEqualTo("io.dbzlint.guard.DbzlintGuard");
            assertThat(jar.getEntry("io/dbzlint/guard/DbzlintGuard.class")).isNotNull();
            assertThat(jar.getEntry("rules/catalog/kafka-connect.json")).as("the rule set travels with it").isNotNull();
            assertThat(jar.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(name -> name.startsWith("org/apache/kafka/") || name.startsWith("jakarta/ws/")
                            || name.startsWith("org/eclipse/lsp4j/")))
                    .as("provided by the worker, or the editor's only").isEmpty();
        }
    }
}

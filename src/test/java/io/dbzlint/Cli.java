package io.dbzlint;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs dbzlint in-process with captured streams, as a user would from a shell. */
public record Cli(int exitCode, String out, String err) {

    public static Cli run(String... args) {
        return runWith("", Map.of(), args);
    }

    public static Cli runWith(String stdin, Map<String, String> env, String... args) {
        return runIn(Path.of("").toAbsolutePath(), stdin, env, args);
    }

    /** Runs as if started in another working directory (where the project config is looked for). */
    public static Cli runIn(Path cwd, String... args) {
        return runIn(cwd, "", Map.of(), args);
    }

    /** Runs in another working directory, with this environment. */
    public static Cli runIn(Path cwd, Map<String, String> env, String... args) {
        return runIn(cwd, "", env, args);
    }

    /** Runs in another working directory, with this text piped to standard input. */
    public static Cli piped(Path cwd, String stdin, String... args) {
        return runIn(cwd, stdin, Map.of(), args);
    }

    private static Cli runIn(Path cwd, String stdin, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), env, cwd);
        return new Cli(code, out.toString(), err.toString());
    }

    /** Asserts the exit code, showing both streams when it is wrong. */
    public Cli expectExit(int expected) {
        assertThat(exitCode)
                .as("exit code%n--- stdout ---%n%s%n--- stderr ---%n%s", out, err)
                .isEqualTo(expected);
        return this;
    }
}

package io.dbzlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.Cli;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lint --watch}: a change on disk is linted again, in the same process, until interrupted. */
class WatchTest {

    @TempDir
    Path repo;

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void should_lint_again_when_a_file_changes_and_stop_when_interrupted() throws Exception {
        Files.createDirectories(repo.resolve(".git"));
        Files.copy(Path.of("examples/capstone/inventory-mysql-outbox.json"), repo.resolve("inventory.json"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread watching = new Thread(() -> code.set(Main.run(new String[] {"lint", "--watch", "--color", "never", "."},
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true), new PrintWriter(err, true), Map.of(),
                repo)));
        watching.start();
        try {
            await(() -> err.toString().contains("watching for changes"), "the first lint");
            assertThat(out.toString()).contains("0 errors, 0 warnings in 1 connector (1 file)");

            // a second MySQL connector on the same server id and server: a collision the next lint finds
            Files.writeString(repo.resolve("billing.json"), Files.readString(repo.resolve("inventory.json"))
                    .replace("inventory-mysql-outbox", "billing-mysql").replace("mysql_prod", "mysql_billing"));

            await(() -> out.toString().contains("error server-id-unique"), "the lint after the change");
            assertThat(err.toString()).contains("files changed; linting again");
        } finally {
            watching.interrupt();
            watching.join(10_000);
        }
        assertThat(watching.isAlive()).as("stops when interrupted").isFalse();
        assertThat(code.get()).as("the last lint's exit code").isEqualTo(1);
    }

    @Test
    void should_refuse_watch_with_fix_or_standard_input() {
        assertThat(Cli.runIn(repo, "lint", "--watch", "--fix", ".").expectExit(2).err()).contains("--watch");
        assertThat(Cli.runIn(repo, "lint", "--watch", "-").expectExit(2).err()).contains("--watch");
    }
}

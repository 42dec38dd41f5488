package io.dbzlint.engine;

import io.dbzlint.rule.Catalog;
import io.dbzlint.rule.RuleSetLoader;
import io.dbzlint.rule.Schemas;

/**
 * What every lint reads before its first finding, read on a second thread while the main thread
 * builds the command line: the bundled rules, the property catalog and the house schemas of the
 * two connector families. Each is initialised once, under the JVM's class and map locks, so the
 * main thread either finds it ready or waits for it: the result is the same, only sooner on a
 * machine with a core to spare.
 */
public final class Warmup {

    private Warmup() {
    }

    public static void start() {
        Thread thread = new Thread(Warmup::load, "dbzlint-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void load() {
        try {
            RuleSetLoader.bundled();
            Catalog.get();
            Schemas.get("postgresql.schema.json");
            Schemas.get("mysql.schema.json");
        } catch (RuntimeException | LinkageError e) {
            // the main thread meets the same failure where it reads the data, and reports it there
        }
    }
}

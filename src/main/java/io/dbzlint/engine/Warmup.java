package io.dbzlint.engine;

import io.dbzlint.debezium.Catalog;
import io.dbzlint.debezium.Debezium;
import io.dbzlint.ruleset.RuleSetLoader;

/**
 * What every lint reads before its first finding, read on a second thread while the main thread
 * builds the command line: the bundled rules and the property catalog. (The JSON Schema validator
 * is left out: most configs pass the house schemas' fast path and never need it.) Each is
 * initialised once, under the JVM's class locks, so the main thread either finds it ready or
 * waits for it: the result is the same, only sooner on a machine with a core to spare.
 */
public final class Warmup implements Runnable {

    private Warmup() {
    }

    public static void start() {
        // a Runnable, not a method reference: the JVM's first lambda links the method-handle
        // machinery (about 15 ms), which would delay the thread's start by as much
        Thread thread = new Thread(new Warmup(), "dbzlint-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            RuleSetLoader.bundled();
            Debezium.bundled().catalog();
        } catch (RuntimeException | LinkageError e) {
            // the main thread meets the same failure where it reads the data, and reports it there
        }
    }
}

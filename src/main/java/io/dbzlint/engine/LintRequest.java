package io.dbzlint.engine;

import io.dbzlint.source.Input;
import io.dbzlint.source.Source;
import java.util.List;

/**
 * One run: what to read, the git ref to compare with (null for none), and what to do with fixes.
 * The session it runs in holds the rest (project config, rules, baseline).
 */
public record LintRequest(List<Source> sources, String baseRef, FixMode fix) {

    public LintRequest {
        sources = List.copyOf(sources);
    }

    /** A plain lint of inputs in memory: an editor's documents, a benchmark's, a test's. */
    public static LintRequest of(List<Input> inputs) {
        return new LintRequest(List.of(Source.of(inputs)), null, FixMode.NONE);
    }
}

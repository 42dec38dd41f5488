package io.dbzlint.engine;

import io.dbzlint.result.Fix;
import io.dbzlint.source.Input;
import io.dbzlint.source.Source;
import java.util.List;
import java.util.Objects;

/**
 * One run: what to read, the git ref to compare with (null for none), what to do with fixes, and
 * which fixes: the safe ones ({@code --fix}), or the unsafe ones too ({@code --unsafe-fixes}).
 * The session it runs in holds the rest (project config, rules, baseline).
 */
public record LintRequest(List<Source> sources, String baseRef, FixMode fix, Fix.Safety fixes) {

    public LintRequest {
        sources = List.copyOf(sources);
        Objects.requireNonNull(fixes);
    }

    /** A request that applies or shows the safe fixes only. */
    public LintRequest(List<Source> sources, String baseRef, FixMode fix) {
        this(sources, baseRef, fix, Fix.Safety.SAFE);
    }

    /** A plain lint of inputs in memory: an editor's documents, a benchmark's, a test's. */
    public static LintRequest of(List<Input> inputs) {
        return new LintRequest(List.of(Source.of(inputs)), null, FixMode.NONE);
    }
}

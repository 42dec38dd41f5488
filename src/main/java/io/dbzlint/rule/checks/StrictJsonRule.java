package io.dbzlint.rule.checks;

import io.dbzlint.load.LoadProblem;
import io.dbzlint.rule.FileRule;

/** A // or /* comment, or a trailing comma, in a JSON body. Found by the loader, which reads past them. */
public final class StrictJsonRule implements FileRule {

    @Override
    public String id() {
        return LoadProblem.STRICT_JSON;
    }

    /** Fixable: a comment or a trailing comma is removed. */
    @Override
    public boolean fixable() {
        return true;
    }
}

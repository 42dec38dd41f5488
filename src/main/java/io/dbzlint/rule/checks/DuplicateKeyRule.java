package io.dbzlint.rule.checks;

import io.dbzlint.load.LoadProblem;
import io.dbzlint.rule.FileRule;

/** The same key twice in one object. Found by the loader, which alone sees both. */
public final class DuplicateKeyRule implements FileRule {

    @Override
    public String id() {
        return LoadProblem.DUPLICATE_KEY;
    }
}

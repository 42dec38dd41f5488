package io.dbzlint.rule.checks;

import io.dbzlint.rule.FileRule;

/**
 * The findings of 'lint --diff-base REF': changes to a deployed connector that are dangerous
 * relative to the base. Not run on its own; registered so that its findings have an id, metadata
 * and a severity that a project config can change.
 */
public final class ChangedFromBaseRule implements FileRule {

    public static final String ID = "changed-from-base";

    @Override
    public String id() {
        return ID;
    }
}

package io.dbzlint.rule.checks;

import io.dbzlint.load.LoadProblem;
import io.dbzlint.rule.FileRule;

/**
 * A backslash in a .properties value that the properties syntax drops: {@code \.} reads as
 * {@code .}, {@code \d} as {@code d}. Found by the loader, which sees the escapes as written.
 */
public final class PropertiesBackslashRule implements FileRule {

    @Override
    public String id() {
        return LoadProblem.PROPERTIES_BACKSLASH;
    }

    /** Fixable: the dropped backslashes are doubled. */
    @Override
    public boolean fixable() {
        return true;
    }
}

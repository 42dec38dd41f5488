package io.dbzlint.engine;

/** What a run does with the fixes its findings carry. */
public enum FixMode {
    /** Report them; change nothing. */
    NONE,
    /** Plan them as patches (--diff); change nothing. */
    DIFF,
    /** Apply them (--fix): files in place, standard input's text to the report's stdout; then lint again. */
    APPLY
}

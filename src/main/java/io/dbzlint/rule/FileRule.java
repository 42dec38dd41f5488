package io.dbzlint.rule;

/**
 * A problem with a file itself (invalid JSON, a duplicate key). The loader finds these, because
 * only the parser sees them; the rule exists so they have an id, metadata and a severity.
 */
public non-sealed interface FileRule extends Rule {
}

package io.dbzlint.rule;

/**
 * A check of the database a connector points at, run by {@code dbzlint preflight} against the
 * server itself, never by lint. Its metadata is data in {@code rules/preflight.json}, by this id.
 */
public non-sealed interface DatabaseCheck extends Rule {
}

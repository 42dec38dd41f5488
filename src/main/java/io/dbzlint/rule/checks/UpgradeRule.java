package io.dbzlint.rule.checks;

import io.dbzlint.rule.FileRule;

/**
 * The findings of 'dbzlint upgrade': what must change from one Debezium release to another. Not
 * run by lint; registered so that its findings have an id, metadata and a place in every report.
 */
public final class UpgradeRule implements FileRule {

    public static final String ID = "upgrade";

    @Override
    public String id() {
        return ID;
    }
}

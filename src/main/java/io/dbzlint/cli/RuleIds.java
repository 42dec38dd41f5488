package io.dbzlint.cli;

import io.dbzlint.rule.checks.RuleRegistry;
import java.util.Iterator;

/** Every rule id, for the shell completion of --select, --extend-select and --ignore. */
final class RuleIds implements Iterable<String> {

    static final RuleIds INSTANCE = new RuleIds();

    private RuleIds() {
    }

    @Override
    public Iterator<String> iterator() {
        return RuleRegistry.ids().iterator();
    }
}

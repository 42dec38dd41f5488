package io.dbzlint.ruleset;

import io.dbzlint.rule.checks.RuleRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rules run, as the command line says it, composed over every other layer the way ruff
 * composes its options: {@code select} replaces the set of rules switched on (a listed rule that is
 * off comes on), {@code extendSelect} adds to it, and {@code ignore} takes rules out, winning over
 * both. Unset parts leave the layers below as they are.
 *
 * @param select the only rules to run, or null when not given
 * @param extendSelect rules to run besides those switched on
 * @param ignore rules to switch off
 */
public record RuleSelection(List<String> select, List<String> extendSelect, List<String> ignore) {

    /** No selection: the rules the layers switch on. */
    public static final RuleSelection NONE = new RuleSelection(null, List.of(), List.of());

    public RuleSelection {
        select = select == null ? null : List.copyOf(select);
        extendSelect = List.copyOf(extendSelect);
        ignore = List.copyOf(ignore);
    }

    /**
     * Whether this selects nothing: checked by hand, as a record's equals links through
     * invokedynamic on its first call, which every lint's start-up would pay (PackagedJarIT).
     */
    public boolean isNone() {
        return select == null && extendSelect.isEmpty() && ignore.isEmpty();
    }

    /** One line per rule id no rule has, naming the option and the nearest id. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        check("--select", select == null ? List.of() : select, problems);
        check("--extend-select", extendSelect, problems);
        check("--ignore", ignore, problems);
        return problems;
    }

    private static void check(String option, List<String> ids, List<String> problems) {
        for (String id : ids) {
            if (RuleRegistry.find(id).isEmpty()) {
                problems.add(option + ": " + RuleRegistry.unknown(id));
            }
        }
    }

    /** Whether the rule runs, given whether the layers below switch it on. */
    boolean runs(String id, boolean onBelow) {
        if (ignore.contains(id)) {
            return false;
        }
        return (select == null ? onBelow : select.contains(id)) || extendSelect.contains(id);
    }
}

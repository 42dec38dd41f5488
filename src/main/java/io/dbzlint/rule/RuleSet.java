package io.dbzlint.rule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rule in registry order with its effective metadata and severity, and the house parameters,
 * after a user's overrides. Reporters, docs and commands take this, never the registry itself.
 */
public final class RuleSet {

    /** A rule with its settings. */
    public record Entry(Rule rule, RuleInfo info) {
    }

    private final List<Entry> all;
    private final List<Entry> enabled;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final RuleParameters parameters;

    public RuleSet(List<Entry> all, RuleParameters parameters) {
        this.all = List.copyOf(all);
        this.enabled = this.all.stream().filter(entry -> entry.info().enabled()).toList();
        this.parameters = parameters;
        for (int i = 0; i < this.all.size(); i++) {
            index.put(this.all.get(i).rule().id(), i);
        }
    }

    /** Every rule, switched off or not, in registry order. */
    public List<Entry> all() {
        return all;
    }

    /** The rules that run, in registry order. */
    public List<Entry> enabled() {
        return enabled;
    }

    public RuleInfo info(String ruleId) {
        return all.get(indexOf(ruleId)).info();
    }

    /** A rule's position in {@link #all()}: SARIF refers to rules by it. */
    public int indexOf(String ruleId) {
        Integer at = index.get(ruleId);
        if (at == null) {
            throw new IllegalArgumentException("no rule " + ruleId);
        }
        return at;
    }

    public RuleParameters parameters() {
        return parameters;
    }
}

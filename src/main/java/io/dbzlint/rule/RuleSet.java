package io.dbzlint.rule;

import java.util.Map;
import java.util.Optional;

/** Every rule's metadata and severity, and the parameters, after a user's overrides. */
public record RuleSet(Map<String, RuleInfo> rules, RuleParameters parameters) {

    public RuleSet {
        rules = Map.copyOf(rules);
    }

    public RuleInfo info(String ruleId) {
        RuleInfo info = rules.get(ruleId);
        if (info == null) {
            throw new IllegalStateException("rule " + ruleId + " has no entry in rules/rules.json");
        }
        return info;
    }

    public Optional<RuleInfo> find(String ruleId) {
        return Optional.ofNullable(rules.get(ruleId));
    }
}

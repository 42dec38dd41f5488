package io.dbzlint.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value that must differ between connectors. One pass over a hash map: every connector in a
 * group of two or more that share a key gets a finding that names the others, so each file
 * involved carries its own annotation.
 */
public abstract class UniquenessRule implements CrossConnectorRule {

    /** The finding text for one claim, given the others that share its key. */
    protected abstract String message(Claim claim, List<Claim> others, RuleContext context);

    @Override
    public void finish(List<Claim> claims, RuleContext context, FindingSink sink) {
        Map<Object, List<Claim>> byKey = new LinkedHashMap<>();
        for (Claim claim : claims) {
            byKey.computeIfAbsent(claim.value(), k -> new ArrayList<>(2)).add(claim);
        }
        for (List<Claim> group : byKey.values()) {
            if (group.size() < 2) {
                continue;
            }
            for (Claim claim : group) {
                List<Claim> others = new ArrayList<>(group.size() - 1);
                for (Claim other : group) {
                    if (other != claim) {
                        others.add(other);
                    }
                }
                sink.report(claim.location(), claim.connector(), claim.configKey(), message(claim, others, context),
                        others.stream().map(Claim::location).toList());
            }
        }
    }

    /** "connector "a" (a.json:3:5) and connector "b" (b.json:4:7)". */
    protected static String describe(List<Claim> others) {
        List<String> parts = others.stream()
                .map(c -> "connector \"" + c.connector() + "\" (" + c.location() + ")")
                .toList();
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}

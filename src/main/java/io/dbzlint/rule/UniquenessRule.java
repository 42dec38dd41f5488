package io.dbzlint.rule;

import io.dbzlint.model.Connector;
import io.dbzlint.model.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value that must differ between connectors. One pass over a hash map: each connector claims
 * at most one key; every connector in a group of two or more gets a finding that names the others,
 * so each file involved carries its own annotation.
 */
public abstract class UniquenessRule<K> implements CrossConnectorRule {

    /** What one connector holds: the key compared, where it was written, and how to show it. */
    public record Claim<K>(K key, Connector connector, Location location, String shown) {
    }

    /** The connector's claim, if it has the value this rule compares. */
    protected abstract Optional<Claim<K>> claim(Connector connector, RuleContext context);

    /** The finding text for one claim, given the others that share its key. */
    protected abstract String message(Claim<K> claim, List<Claim<K>> others, RuleContext context);

    @Override
    public final Check start(RuleContext context) {
        Map<K, List<Claim<K>>> claims = new LinkedHashMap<>();
        return new Check() {
            @Override
            public void add(Connector connector) {
                claim(connector, context).ifPresent(
                        c -> claims.computeIfAbsent(c.key(), k -> new ArrayList<>(2)).add(c));
            }

            @Override
            public void finish(FindingSink sink) {
                for (List<Claim<K>> group : claims.values()) {
                    if (group.size() < 2) {
                        continue;
                    }
                    for (Claim<K> claim : group) {
                        List<Claim<K>> others = group.stream().filter(c -> c != claim).toList();
                        sink.report(claim.location(), claim.connector().name(), message(claim, others, context),
                                others.stream().map(Claim::location).toList());
                    }
                }
            }
        };
    }

    /** "connector "a" (a.json:3:5) and connector "b" (b.json:4:7)". */
    protected static String describe(List<? extends Claim<?>> others) {
        List<String> parts = others.stream()
                .map(c -> "connector \"" + c.connector().name() + "\" (" + c.location() + ")")
                .toList();
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}

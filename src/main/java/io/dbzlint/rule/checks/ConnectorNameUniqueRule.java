package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Printable;
import io.dbzlint.model.References;
import io.dbzlint.rule.Claim;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.UniquenessRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

public final class ConnectorNameUniqueRule extends UniquenessRule<ConnectorNameUniqueRule.Name> {

    /** @param config what the connector is, as a fingerprint of its keys and values: equal for a copy */
    record Name(String name, long config, Site site) implements Claim {
    }

    /** A copy of the same config (a quote, an echo, a file copied) is the same connector, compared once. */
    @Override
    protected boolean sameConnector(Name claim, Name other) {
        return claim.config() == other.config();
    }

    /** Names are per Kafka Connect cluster: the deployment itself. */
    @Override
    protected Object scope(Name claim) {
        return claim.site().deployment();
    }

    @Override
    public String id() {
        return "connector-name-unique";
    }

    @Override
    public Optional<Name> claim(Connector connector, RuleContext context) {
        if (References.hasTemplate(connector.name())) {
            return Optional.empty(); // filled in per deploy, as the other uniqueness rules take templates
        }
        return Optional.of(new Name(connector.name(), fingerprint(connector),
                Claim.Site.of(connector, Keys.NAME, connector.nameLocation())));
    }

    /** A 64-bit FNV-1a hash of the keys in order and their values, trimmed: the same for the same config. */
    static long fingerprint(Connector connector) {
        List<String> keys = new ArrayList<>(connector.config().keySet());
        Collections.sort(keys);
        long hash = 0xcbf29ce484222325L;
        for (String key : keys) {
            ConfigEntry entry = connector.config().get(key);
            hash = mix(mix(hash, key), entry.hasText() ? entry.text().trim() : "");
        }
        return hash;
    }

    /** The text's length first, so that "ab"+"c" and "a"+"bc" differ. */
    private static long mix(long hash, String text) {
        hash = (hash ^ text.length()) * 0x100000001b3L;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }

    @Override
    protected Object sharedValue(Name claim) {
        return claim.name();
    }

    @Override
    protected String message(Name claim, List<Name> others, RuleContext context) {
        return "connector name " + Printable.quote(claim.name()) + " is also used by " + Claim.describe(others)
                + " with another config; deploying one replaces the other: give each connector its own name";
    }
}

package io.dbzlint.rule.checks;

import io.dbzlint.debezium.Debezium;
import io.dbzlint.debezium.DebeziumVersion;
import io.dbzlint.debezium.ReleaseCatalog;
import io.dbzlint.model.Connector;
import io.dbzlint.rule.RuleContext;
import java.util.Optional;

/**
 * A connector as an older target Debezium version reads it, from the release catalog: the keys and
 * values of the release line the target falls in. None for the current version, whose fuller
 * catalog (channels, SMTs) the rules read directly.
 */
record ReleaseView(ReleaseCatalog releases, int release, DebeziumVersion target) {

    static Optional<ReleaseView> of(Connector connector, RuleContext context) {
        DebeziumVersion target = context.target();
        if (target.compareTo(Debezium.LATEST) >= 0) {
            return Optional.empty();
        }
        ReleaseCatalog releases = context.debezium().releases();
        int release = releases.releaseFor(target);
        return releases.describes(connector.type(), release) ? Optional.of(new ReleaseView(releases, release, target))
                : Optional.empty();
    }

    /**
     * Whether a key the catalog first sees at a line after the target may yet be read by the
     * target: the target is read as an older line (2.3 as 2.1), and the key came with the next
     * line the catalog has (2.4), so somewhere in between, perhaps with the target itself.
     */
    boolean mayReadFrom(DebeziumVersion first) {
        return releases.line(release).compareTo(target) < 0 && releases.lineAfter(release).filter(first::equals).isPresent();
    }

    /** The release line the target is read as, when it is not the target itself: "2.6 (read as 2.4)". */
    String name() {
        DebeziumVersion line = releases.line(release);
        return line.equals(target) ? target.toString() : target + " (read as " + line + ")";
    }
}

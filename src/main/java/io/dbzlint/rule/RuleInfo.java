package io.dbzlint.rule;

import io.dbzlint.result.Severity;
import java.util.Optional;

/**
 * A rule's metadata and effective severity, from the rules data.
 *
 * @param severity empty when the rule is switched off
 * @param bad a config snippet that breaks the rule
 * @param good the same snippet, fixed
 */
public record RuleInfo(String id, Optional<Severity> severity, String summary, String rationale, String fix,
                       String bad, String good) {

    public boolean enabled() {
        return severity.isPresent();
    }

    public String severityLabel() {
        return severity.map(Severity::label).orElse("off");
    }
}

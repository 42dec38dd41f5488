package io.dbzlint.rule;

import io.dbzlint.result.Severity;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A rule's metadata and effective severity, from the rules data.
 *
 * @param name the display name, PascalCase and never the id in other letter case (SARIF shows it beside the id)
 * @param severity empty when the rule is switched off
 * @param category what kind of mistake it finds: correctness, collision, deprecation, naming, security, style
 *     (rules/schemas/rules.schema.json holds the set); empty for a preflight check
 * @param fixable whether the rule can give a finding a fix {@code --fix} applies ({@link Rule#fixable()})
 * @param url where the rule is documented
 * @param bad a config snippet that breaks the rule
 * @param good the same snippet, fixed
 */
public record RuleInfo(String id, String name, Optional<Severity> severity, String category, boolean fixable,
                       String url, String summary, String rationale, String fix, String bad, String good) {

    public boolean enabled() {
        return severity.isPresent();
    }

    public String severityLabel() {
        return severity.map(Severity::label).orElse("off");
    }

    /** {@code server-id-range} as {@code ServerIdRange}: a rule's name unless its data gives one. */
    public static String pascalCase(String id) {
        return Arrays.stream(id.split("-"))
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
    }
}

package io.dbzlint.preflight;

import io.dbzlint.json.Bundled;
import io.dbzlint.result.Severity;
import io.dbzlint.rule.DatabaseCheck;
import io.dbzlint.rule.RuleDocs;
import io.dbzlint.rule.RuleInfo;
import io.dbzlint.rule.RuleParameters;
import io.dbzlint.rule.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The checks preflight runs against a connector's database, with their metadata from
 * {@code rules/preflight.json}, in its order: the one place their ids, severities and texts live,
 * for the reporters (SARIF's rule list), the docs and {@code preflight --help}.
 */
public final class PreflightChecks {

    /** A check, known by its id. */
    public record Check(String id) implements DatabaseCheck {
    }

    private static final String RESOURCE = "/rules/preflight.json";
    /** The checks are documented in docs/preflight.md, in a table generated from the same data. */
    private static final String DOCS = RuleDocs.docs("preflight.md", "preflight-check-the-databases-before-the-deploy");

    private PreflightChecks() {
    }

    /** Every check with its default severity and texts. */
    public static List<RuleSet.Entry> all() {
        List<RuleSet.Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> check : Bundled.json(RESOURCE).path("checks").properties()) {
            JsonNode node = check.getValue();
            String severity = node.path("severity").asString();
            String name = node.has("name") ? node.get("name").asString() : RuleInfo.pascalCase(check.getKey());
            entries.add(new RuleSet.Entry(new Check(check.getKey()), new RuleInfo(check.getKey(), name,
                    severity.equals("off") ? Optional.empty() : Optional.of(Severity.fromLabel(severity)), "", false,
                    DOCS, node.path("summary").asString(), node.path("rationale").asString(), node.path("fix").asString(),
                    node.path("example").path("bad").asString(), node.path("example").path("good").asString())));
        }
        return entries;
    }

    /** The checks as a rule set, for the reporters. */
    public static RuleSet ruleSet(RuleParameters parameters) {
        return new RuleSet(all(), parameters);
    }
}

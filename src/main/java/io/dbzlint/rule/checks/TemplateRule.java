package io.dbzlint.rule.checks;

import io.dbzlint.load.LoadProblem;
import io.dbzlint.rule.FileRule;

/**
 * A connector file that is a template ({{ .Values.x }}: Helm, Jinja, Mustache): it is YAML or
 * JSON only once rendered, so it cannot be linted as it stands. Found by the loader.
 */
public final class TemplateRule implements FileRule {

    @Override
    public String id() {
        return LoadProblem.TEMPLATE;
    }
}

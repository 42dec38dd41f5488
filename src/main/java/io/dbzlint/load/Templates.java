package io.dbzlint.load;

import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import java.util.List;
import java.util.Optional;

/** Connector files that are templates (Helm, Jinja, Mustache, Go): read only once rendered. */
final class Templates {

    private Templates() {
    }

    /** Where a template's first expression starts: {{ in Helm, Jinja, Mustache and Go templates. */
    static final String TEMPLATE_START = "{{";

    /**
     * A file that does not parse because it is a template of a connector ({{ .Values.x }}): one
     * finding at its first expression, saying to lint what it renders to, and no connectors. A
     * template of anything else is not dbzlint's: empty.
     */
    static Optional<LoadedFile> template(InputId path, String text) {
        int at = text.indexOf(TEMPLATE_START);
        if (at < 0 || !YamlConnectors.namesConnector(text)) {
            return Optional.empty();
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = at - lineStart + 1;
        Location location = new Location(path, line, column, line, column + TEMPLATE_START.length());
        return Optional.of(new LoadedFile(path, List.of(), List.of(new LoadProblem(LoadProblem.TEMPLATE, location,
                null, "a template: this connector file is " + (path.format() == InputFormat.JSON ? "JSON" : "YAML")
                        + " only once rendered, so dbzlint cannot read it; lint what it renders to, e.g."
                        + " helm template CHART | dbzlint lint -", List.of()))));
    }
}

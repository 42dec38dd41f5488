package io.dbzlint.load;

import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import io.dbzlint.model.Printable;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Connector files that are templates (Helm, Jinja, Mustache, Go): read only once rendered. */
final class Templates {

    private Templates() {
    }

    /** Where a template's first expression starts: {{ in Helm, Jinja, Mustache and Go templates. */
    static final String TEMPLATE_START = "{{";

    /** Whether a text holds a template tool's expression: {{ }} (Go, Hugo, Helm, Jinja, Mustache), {% %}, <% %>. */
    static boolean isTemplate(String text) {
        return text.contains(TEMPLATE_START) || text.contains("{%") || text.contains("<%");
    }

    /** A bare placeholder where a JSON value goes ({@code "database.user": <userid>}): for a reader to fill in. */
    private static final Pattern BARE_PLACEHOLDER = Pattern.compile(":\\s*<[A-Za-z][A-Za-z0-9 _.-]{0,40}>");

    /**
     * A file that does not parse because it is a template of a connector ({{ .Values.x }}), or a
     * JSON file with bare placeholders for a reader ({@code <password>}): one finding at its first
     * expression, saying to lint what it renders to, and no connectors. A template of anything else
     * is not dbzlint's: empty.
     */
    static Optional<LoadedFile> template(InputId path, String text) {
        if (!YamlConnectors.namesConnector(text)) {
            return Optional.empty();
        }
        int at = text.indexOf(TEMPLATE_START);
        if (at >= 0) {
            return Optional.of(finding(path, text, at, TEMPLATE_START.length(), "a template: this connector file"
                    + " is " + (path.format() == InputFormat.JSON ? "JSON" : "YAML") + " only once rendered, so"
                    + " dbzlint cannot read it; lint what it renders to, e.g. helm template CHART | dbzlint lint -"));
        }
        Matcher bare = path.format() == InputFormat.JSON ? BARE_PLACEHOLDER.matcher(text) : null;
        if (bare != null && bare.find()) {
            int start = text.indexOf('<', bare.start());
            return Optional.of(finding(path, text, start, bare.end() - start, "a template with placeholders for"
                    + " the reader to fill in (" + Printable.cut(text.substring(start, bare.end()), 40) + "): JSON"
                    + " only once filled in, so dbzlint cannot read it; lint the config you fill in"));
        }
        return Optional.empty();
    }

    /** A substitution where a JSON value goes, unquoted: {@code : ${DB_PORT}}, {@code [${A}, ${B}]}. */
    private static final Pattern UNQUOTED_SUBSTITUTION = Pattern.compile("([:\\[,]\\s*)\\$\\{([^{}\"\\s]{1,100})\\}");

    /**
     * The text with each unquoted {@code ${NAME}} where a JSON value goes written as the string
     * {@code "$NAME"}, which has its length, so every position stays where it was; null when there
     * is none.
     */
    static String quoteSubstitutions(String text) {
        if (!text.contains("${")) {
            return null;
        }
        Matcher matcher = UNQUOTED_SUBSTITUTION.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        StringBuilder quoted = new StringBuilder(text);
        do {
            int dollar = matcher.start(2) - 2;
            quoted.setCharAt(dollar, '"');
            quoted.setCharAt(dollar + 1, '$');
            quoted.setCharAt(matcher.end(2), '"');
        } while (matcher.find());
        return quoted.toString();
    }

    private static LoadedFile finding(InputId path, String text, int at, int length, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = at - lineStart + 1;
        Location location = new Location(path, line, column, line, column + length);
        return new LoadedFile(path, List.of(), List.of(new LoadProblem(LoadProblem.TEMPLATE, location, null, message,
                List.of())));
    }
}

package io.dbzlint.json;

import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/** Jackson's positions and parse errors, in dbzlint's terms. */
public final class JacksonErrors {

    private static final Pattern SOURCE_REF =
            Pattern.compile("\\s*\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");
    // What Jackson quotes of the input (a token, a character) may be part of a secret written
    // without quotes: never repeat any of it.
    private static final Pattern QUOTED_CHARACTER = Pattern.compile("\\s*\\((?:'(.{1,2}?)'|\\(CTRL-CHAR, code \\d+\\))"
            + "(?: \\(code \\d+\\))?\\)");
    /** JSON's own punctuation is never part of a secret, and naming it helps: "unexpected character '}'". */
    private static final String PUNCTUATION = "{}[],:\"";
    private static final Pattern QUOTED_TOKEN = Pattern.compile("\\s*'[^']*'");

    /** What Jackson calls by a feature's name, in words: the name is its internals, not the user's mistake. */
    private static final Map<String, String> FEATURES = Map.of(
            "ALLOW_SINGLE_QUOTES", "a string in single quotes; JSON needs double quotes",
            "ALLOW_UNQUOTED_PROPERTY_NAMES", "a key without quotes; JSON needs double quotes around keys",
            "ALLOW_UNQUOTED_FIELD_NAMES", "a key without quotes; JSON needs double quotes around keys",
            "ALLOW_NON_NUMERIC_NUMBERS", "NaN and Infinity are not JSON numbers",
            "ALLOW_LEADING_ZEROS_FOR_NUMBERS", "a number with leading zeros, which JSON does not allow",
            "ALLOW_YAML_COMMENTS", "a # comment, which JSON does not allow",
            "ALLOW_UNESCAPED_CONTROL_CHARS", "a control character inside a string; escape it");

    private JacksonErrors() {
    }

    /** A parse error's text, without Jackson's source reference and without the offending token. */
    public static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isEmpty()) {
            return "unreadable input";
        }
        for (Map.Entry<String, String> feature : FEATURES.entrySet()) {
            if (message.contains(feature.getKey())) {
                return feature.getValue();
            }
        }
        if (message.contains("not enabled for parser")) {
            return "this is not JSON syntax";
        }
        message = SOURCE_REF.matcher(message).replaceAll(" (line $1, column $2)");
        // the kept punctuation is marked first, so that removing quoted tokens leaves it alone
        message = QUOTED_CHARACTER.matcher(message).replaceAll(match -> match.group(1) != null
                && match.group(1).length() == 1 && PUNCTUATION.contains(match.group(1))
                ? " \u0001" + Matcher.quoteReplacement(match.group(1)) + "\u0001" : "");
        message = QUOTED_TOKEN.matcher(message).replaceAll("").replace('\u0001', '\'');
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        if (message.isBlank()) {
            return "unreadable input";
        }
        return Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    /** The position of a token, or the input's start when Jackson has none. */
    public static Location locationOf(InputId input, TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return Location.startOf(input);
        }
        return Location.at(input, location.getLineNr(), Math.max(1, location.getColumnNr()));
    }
}

package io.dbzlint.json;

import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
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

    private JacksonErrors() {
    }

    /** A parse error's text, without Jackson's source reference and without the offending token. */
    public static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isEmpty()) {
            return "unreadable input";
        }
        message = SOURCE_REF.matcher(message).replaceAll(" (line $1, column $2)");
        message = QUOTED_CHARACTER.matcher(message).replaceAll(match -> match.group(1) != null
                && match.group(1).length() == 1 && PUNCTUATION.contains(match.group(1))
                ? " \"" + Matcher.quoteReplacement(match.group(1)) + "\"" : "");
        message = QUOTED_TOKEN.matcher(message).replaceAll("");
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

package io.dbzlint.load;

import io.dbzlint.model.Location;
import io.dbzlint.result.Fix;
import java.util.List;

/**
 * Something wrong with a file itself, found while reading it; the id is the rule that reports it.
 *
 * @param key the JSON key involved (a duplicated key), or null
 * @param fix the certain fix, or null
 */
public record LoadProblem(String ruleId, Location location, String key, String message, List<Location> related,
                          Fix fix) {

    public static final String PARSE_ERROR = "parse-error";
    public static final String DUPLICATE_KEY = "duplicate-key";
    public static final String STRICT_JSON = "strict-json";
    public static final String PROPERTIES_BACKSLASH = "properties-backslash";
    public static final String TEMPLATE = "template-not-rendered";

    public LoadProblem {
        related = List.copyOf(related);
    }

    public LoadProblem(String ruleId, Location location, String key, String message, List<Location> related) {
        this(ruleId, location, key, message, related, null);
    }

    /** The input, or a part of it, could not be read as its format says. */
    static LoadProblem parseError(Location location, String message) {
        return new LoadProblem(PARSE_ERROR, location, null, message, List.of());
    }
}

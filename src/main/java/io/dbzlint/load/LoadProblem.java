package io.dbzlint.load;

import io.dbzlint.model.Location;
import io.dbzlint.result.Fix;
import java.util.List;

/**
 * Something wrong with a file itself, found while reading it; the id is the rule that reports it.
 *
 * @param key the JSON key involved (a duplicated key), or null
 * @param fix the certain fix, or null
 * @param lesser whether it costs less than its rule says: a warning where the rule's severity is an error
 */
public record LoadProblem(String ruleId, Location location, String key, String message, List<Location> related,
                          Fix fix, boolean lesser) {

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

    public LoadProblem(String ruleId, Location location, String key, String message, List<Location> related,
                       Fix fix) {
        this(ruleId, location, key, message, related, fix, false);
    }

    /**
     * A key written twice: with two values, only the last counts (the rule's error); with one value
     * twice nothing changes, but the repeat is often a copy meant for another key (key.converter
     * twice where value.converter was meant): a warning. A note key (_comment) nothing reads: none.
     */
    static LoadProblem duplicateKey(Location at, String key, Location previous, boolean sameValue, String keeps) {
        if (sameValue) {
            return new LoadProblem(DUPLICATE_KEY, at, key, "key \"" + key + "\" is already set to this value at line "
                    + previous.line() + "; nothing changes, but a repeated key is often a copy meant for another"
                    + " (key.converter twice where value.converter was meant): remove it, or set the key meant",
                    List.of(previous), null, true);
        }
        return new LoadProblem(DUPLICATE_KEY, at, key, "key \"" + key + "\" is already set at line " + previous.line()
                + "; " + keeps + ": remove one of them", List.of(previous));
    }

    /** The input, or a part of it, could not be read as its format says. */
    static LoadProblem parseError(Location location, String message) {
        return new LoadProblem(PARSE_ERROR, location, null, message, List.of());
    }
}

package io.dbzlint.load;

import io.dbzlint.model.Location;
import java.util.List;

/**
 * Something wrong with a file itself, found while reading it; the id is the rule that reports it.
 *
 * @param key the JSON key involved (a duplicated key), or null
 */
public record LoadProblem(String ruleId, Location location, String key, String message, List<Location> related) {

    public static final String PARSE_ERROR = "parse-error";
    public static final String DUPLICATE_KEY = "duplicate-key";
    public static final String STRICT_JSON = "strict-json";

    public LoadProblem {
        related = List.copyOf(related);
    }
}

package io.dbzlint.json;

import java.util.List;

/**
 * A file the user gave dbzlint to configure it (project config, rules file, baseline) that cannot
 * be used; one line per problem, each naming the file and, where there is one, the position.
 */
public final class InvalidFileException extends Exception {

    private final List<String> problems;

    public InvalidFileException(List<String> problems) {
        super(String.join("\n", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public InvalidFileException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}

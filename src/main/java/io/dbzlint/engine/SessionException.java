package io.dbzlint.engine;

import java.util.List;

/** What stopped a session before or after linting: one line per problem, each naming its file. */
public final class SessionException extends Exception {

    private final List<String> problems;

    public SessionException(List<String> problems) {
        super(String.join("\n", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

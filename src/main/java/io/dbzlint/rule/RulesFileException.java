package io.dbzlint.rule;

import java.util.List;

/** A rules file that cannot be used; each problem is one line naming the file and position. */
public final class RulesFileException extends Exception {

    private final List<String> problems;

    public RulesFileException(List<String> problems) {
        super(String.join("\n", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public RulesFileException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}

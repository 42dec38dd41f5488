package io.dbzlint.model;

import java.util.Comparator;

/**
 * A range in an input: 1-based start line and column, and the end as the line and column just
 * after its last character (so an empty range has end equal to start). Columns count UTF-16
 * characters, as editors, SARIF and the Language Server Protocol do.
 */
public record Location(InputId input, int line, int column, int endLine, int endColumn)
        implements Comparable<Location> {

    private static final Comparator<Location> ORDER = Comparator.comparing(Location::file)
            .thenComparingInt(Location::line)
            .thenComparingInt(Location::column)
            .thenComparingInt(Location::endLine)
            .thenComparingInt(Location::endColumn);

    public Location {
        if (endLine < line || endLine == line && endColumn < column) {
            throw new IllegalArgumentException("a range ends before it starts: " + line + ":" + column
                    + "-" + endLine + ":" + endColumn);
        }
    }

    /** One character at a position: where only a start is known, such as a parse error. */
    public static Location at(InputId input, int line, int column) {
        return new Location(input, line, column, line, column + 1);
    }

    public static Location startOf(InputId input) {
        return at(input, 1, 1);
    }

    /** The name the input is shown by. */
    public String file() {
        return input.displayPath();
    }

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }

    /** {@code file:line:col}, as compilers print it; the end is left to formats that can show it. */
    @Override
    public String toString() {
        return file() + ":" + line + ":" + column;
    }
}

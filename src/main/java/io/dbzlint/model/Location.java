package io.dbzlint.model;

import java.util.Comparator;

/** A position in a source file: 1-based line and column (columns count UTF-16 characters, as editors do). */
public record Location(String file, int line, int column) implements Comparable<Location> {

    private static final Comparator<Location> ORDER = Comparator.comparing(Location::file)
            .thenComparingInt(Location::line)
            .thenComparingInt(Location::column);

    public static Location startOf(String file) {
        return new Location(file, 1, 1);
    }

    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}

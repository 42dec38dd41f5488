package io.dbzlint.rule;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Debezium release line, major.minor: what decides whether a key is current, deprecated or gone. */
public record DebeziumVersion(int major, int minor) implements Comparable<DebeziumVersion> {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.\\d+)?(?:[.-]\\w+)?");

    /** Parses 3, 3.6, 3.6.1 or 3.6.1.Final. */
    public static DebeziumVersion parse(String text) {
        Matcher matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a Debezium version: " + text + " (expected e.g. 3.6 or 1.9.7.Final)");
        }
        return new DebeziumVersion(Integer.parseInt(matcher.group(1)),
                matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2)));
    }

    /** True when this version is the given one or later; false for null (never). */
    public boolean isAtLeast(String version) {
        return version != null && compareTo(parse(version)) >= 0;
    }

    @Override
    public int compareTo(DebeziumVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}

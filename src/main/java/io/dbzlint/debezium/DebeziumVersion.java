package io.dbzlint.debezium;

import io.dbzlint.model.Printable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Debezium release line, major.minor: what decides whether a key is current, deprecated or gone. */
public record DebeziumVersion(int major, int minor) implements Comparable<DebeziumVersion> {

    private static final Pattern FORMAT = Pattern.compile(
            "(\\d{1,3})(?:\\.(\\d{1,3}))?(?:\\.\\d{1,3})?(?:[.-](?i:Final|Alpha\\d*|Beta\\d*|CR\\d*|SNAPSHOT))?");
    /** The release lines dbzlint knows: 1.x to the newest bundled one's. */
    private static final int FIRST_MAJOR = 1;
    private static final String NEWEST = majorMinor(Catalog.DEBEZIUM_VERSION);
    private static final int LAST_MAJOR = Integer.parseInt(NEWEST.substring(0, NEWEST.indexOf('.')));

    /** "3.6" of "3.6.1.Final". */
    private static String majorMinor(String release) {
        int minorEnd = release.indexOf('.', release.indexOf('.') + 1);
        return minorEnd < 0 ? release : release.substring(0, minorEnd);
    }

    /** Parses 3, 3.6, 3.6.1 or 3.6.1.Final. */
    public static DebeziumVersion parse(String text) {
        Matcher matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a Debezium version: " + Printable.cut(text, 40)
                    + " (expected e.g. 3.6 or 1.9.7.Final)");
        }
        int major = Integer.parseInt(matcher.group(1));
        if (major < FIRST_MAJOR || major > LAST_MAJOR) {
            throw new IllegalArgumentException("Debezium " + text.trim() + " is not a release dbzlint knows"
                    + " (" + FIRST_MAJOR + ".x to " + LAST_MAJOR + ".x, e.g. 2.7 or " + NEWEST + ")");
        }
        return new DebeziumVersion(major, matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2)));
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

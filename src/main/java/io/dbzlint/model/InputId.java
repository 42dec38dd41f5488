package io.dbzlint.model;

/**
 * What an input is, resolved once where it is found and carried by every location in it.
 *
 * @param displayPath the name shown in every report: the path as the user named it, with
 *     {@code /} separators, or {@code <stdin>}
 * @param projectPath the path relative to the project root with {@code /} separators; null for
 *     standard input and for files outside the project
 * @param format how the input is read
 */
public record InputId(String displayPath, String projectPath, InputFormat format) {

    public static final String STDIN = "<stdin>";

    /** A file dbzlint reads for itself (a rules file, a schema): shown by name, outside any project. */
    public static InputId named(String displayPath) {
        return new InputId(displayPath, null, InputFormat.ofFileName(displayPath));
    }

    /**
     * The path a finding is known by across runs and working directories: project-relative where
     * there is one, else the display path.
     */
    public String stablePath() {
        return projectPath != null ? projectPath : displayPath;
    }

    /** Written out, as a record's generated one links through invokedynamic at start-up (see ClaimGroups.Key). */
    @Override
    public boolean equals(Object other) {
        return other instanceof InputId that && displayPath.equals(that.displayPath) && format == that.format
                && (projectPath == null ? that.projectPath == null : projectPath.equals(that.projectPath));
    }

    @Override
    public int hashCode() {
        return 31 * (31 * displayPath.hashCode() + (projectPath == null ? 0 : projectPath.hashCode()))
                + format.hashCode();
    }

    @Override
    public String toString() {
        return displayPath;
    }

    /**
     * A relative path written in a project file (a script's {@code -d @file}, a compose file's bind
     * mount), taken from that file's folder ({@code ""} for the root), as a project path; null when
     * it is absolute or leaves the project, which dbzlint never follows.
     */
    public static String resolve(String folder, String written) {
        if (written.startsWith("/") || written.startsWith("~")) {
            return null;
        }
        java.util.List<String> parts = new java.util.ArrayList<>(folder.isEmpty() ? java.util.List.of()
                : java.util.List.of(folder.split("/")));
        for (String part : written.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }
}

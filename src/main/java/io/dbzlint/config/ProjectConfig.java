package io.dbzlint.config;

import io.dbzlint.report.Finding;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A project's .dbzlint.json or .dbzlint.yaml: rule severities and parameters, which files to lint,
 * and findings to ignore with the reason why. Globs are relative to the config file's folder.
 *
 * @param file the config file, or null for the empty config (none found)
 * @param tree the whole document, whose rules and parameters are merged over the bundled rules
 */
public record ProjectConfig(Path file, JsonNode tree, List<String> include, List<String> exclude,
                            List<Ignore> ignores) {

    /** Findings of these rules, in files matching the glob (and of the connector, if named), are left out. */
    public record Ignore(List<String> rules, String files, String connector, String reason) {
    }

    public static final ProjectConfig NONE = new ProjectConfig(null, null, List.of(), List.of(), List.of());

    public ProjectConfig {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        ignores = List.copyOf(ignores);
    }

    public Path baseDir() {
        return file == null ? null : file.toAbsolutePath().getParent();
    }

    /** Whether a file (absolute, or relative to cwd) is to be linted under include and exclude. */
    public boolean includes(Path cwd, String displayPath) {
        if (file == null) {
            return true;
        }
        String relative = relative(cwd, displayPath);
        if (relative == null) {
            return include.isEmpty();
        }
        boolean included = include.isEmpty() || include.stream().anyMatch(glob -> matches(glob, relative));
        return included && exclude.stream().noneMatch(glob -> matches(glob, relative));
    }

    /** Whether an ignore entry covers a finding. */
    public boolean ignores(Path cwd, Finding finding) {
        if (ignores.isEmpty()) {
            return false;
        }
        String relative = relative(cwd, finding.location().file());
        for (Ignore ignore : ignores) {
            if (ignore.rules().contains(finding.ruleId())
                    && relative != null && matches(ignore.files(), relative)
                    && (ignore.connector() == null || ignore.connector().equals(finding.connector()))) {
                return true;
            }
        }
        return false;
    }

    /** The path relative to the config's folder with forward slashes, or null when it is not under it. */
    private String relative(Path cwd, String displayPath) {
        if (displayPath.startsWith("<")) {
            return null; // <stdin>
        }
        Path absolute = cwd.resolve(displayPath).toAbsolutePath().normalize();
        Path base = baseDir().normalize();
        if (!absolute.startsWith(base)) {
            return null;
        }
        return base.relativize(absolute).toString().replace('\\', '/');
    }

    private static boolean matches(String glob, String relativePath) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return matcher.matches(Path.of(relativePath));
    }
}

package io.dbzlint.config;

import io.dbzlint.model.Deployment;
import io.dbzlint.model.InputId;
import io.dbzlint.result.Finding;
import io.dbzlint.ruleset.RuleOverrides;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's .dbzlint.json or .dbzlint.yaml: rule severities and parameters, which files to lint,
 * and findings to ignore with the reason why. Globs are relative to the config file's folder.
 *
 * @param file the config file, or null for the empty config (none found or none wanted)
 * @param rules the config's {@code rules} and {@code parameters}, a layer over the bundled rules
 * @param folder the config file's folder relative to the project root, {@code /}-separated, ending
 *     in {@code /} unless it is the root itself ({@code ""})
 */
public record ProjectConfig(Path file, RuleOverrides rules, List<Glob> include, List<Glob> exclude,
                            List<Ignore> ignores, List<Declared> deployments, String folder) {

    /** A glob as written, and compiled. */
    public record Glob(String pattern, GlobPattern matcher) {

        public static Glob of(String pattern) {
            return new Glob(pattern, GlobPattern.compile(pattern));
        }

        boolean matches(String relativePath) {
            return matcher.matches(relativePath);
        }
    }

    /** Findings of these rules, in files matching the glob (and of the connector, if named), are left out. */
    public record Ignore(List<String> rules, Glob files, String connector, String reason) {
    }

    /**
     * A deployment the config names, and the files whose connectors run there.
     *
     * @param kafka the Kafka bootstrap servers it writes to, or null for a Kafka of its own
     * @param connect the REST URL of the Kafka Connect cluster it is applied to, or null: what that
     *     cluster runs joins the deployment when a run reads the clusters ({@code lint --connect})
     */
    public record Declared(String name, List<Glob> files, String kafka, String connect) {
    }

    /** The deployments that name a Kafka Connect cluster, with the deployment each is. */
    public Map<String, Deployment> clusters() {
        Map<String, Deployment> clusters = new java.util.LinkedHashMap<>();
        for (Declared declared : deployments) {
            if (declared.connect() != null) {
                clusters.put(declared.connect().trim(), deployment(declared));
            }
        }
        return clusters;
    }

    private Deployment deployment(Declared declared) {
        String stack = declared.kafka() == null ? declared.name()
                : "kafka " + declared.kafka().trim().toLowerCase(java.util.Locale.ROOT);
        return new Deployment(declared.name(), "declared in " + file.getFileName() + " (deployments)", stack, true,
                null, null, null, java.util.List.of());
    }

    public static final ProjectConfig NONE = new ProjectConfig(null,
            new RuleOverrides("no config", Map.of(), RuleOverrides.Parameters.NONE), List.of(), List.of(),
            List.of(), List.of(), "");

    public ProjectConfig {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        ignores = List.copyOf(ignores);
        deployments = List.copyOf(deployments);
    }

    /** The deployment the config puts an input in: the first whose files match it. */
    public Optional<Deployment> deploymentOf(InputId input) {
        if (deployments.isEmpty()) {
            return Optional.empty();
        }
        String relative = relative(input);
        if (relative == null) {
            return Optional.empty();
        }
        for (Declared declared : deployments) {
            if (declared.files().stream().anyMatch(glob -> glob.matches(relative))) {
                return Optional.of(deployment(declared));
            }
        }
        return Optional.empty();
    }

    /** Whether an input is to be linted under include and exclude. */
    public boolean includes(InputId input) {
        if (file == null) {
            return true;
        }
        String relative = relative(input);
        if (relative == null) {
            return include.isEmpty();
        }
        boolean included = include.isEmpty() || include.stream().anyMatch(glob -> glob.matches(relative));
        return included && exclude.stream().noneMatch(glob -> glob.matches(relative));
    }

    /** Whether an ignore entry covers a finding. */
    public boolean ignores(Finding finding) {
        if (ignores.isEmpty()) {
            return false;
        }
        String relative = relative(finding.location().input());
        if (relative == null) {
            return false;
        }
        for (Ignore ignore : ignores) {
            if (ignore.rules().contains(finding.ruleId()) && ignore.files().matches(relative)
                    && (ignore.connector() == null || ignore.connector().equals(finding.connector()))) {
                return true;
            }
        }
        return false;
    }

    /** The input's path relative to this config's folder, or null when it is not under it. */
    private String relative(InputId input) {
        String projectPath = input.projectPath();
        if (projectPath == null || !projectPath.startsWith(folder)) {
            return null;
        }
        return projectPath.substring(folder.length());
    }
}

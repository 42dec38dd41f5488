package io.dbzlint.config;

import io.dbzlint.json.InvalidFileException;
import io.dbzlint.json.JsonNodes;
import io.dbzlint.json.JsonTree;
import io.dbzlint.json.Schemas;
import io.dbzlint.json.UserFile;
import io.dbzlint.model.Printable;
import io.dbzlint.rule.checks.RuleRegistry;
import io.dbzlint.ruleset.RuleOverrides;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * Finds and reads the project configuration: {@code --config FILE}, or else the first of
 * .dbzlint.json, .dbzlint.yaml, .dbzlint.yml in the working directory or a parent, stopping at the
 * repository root (the first folder with a .git).
 */
public final class ProjectConfigLoader {

    public static final List<String> NAMES = List.of(".dbzlint.json", ".dbzlint.yaml", ".dbzlint.yml");
    private static final String SCHEMA = "dbzlint-config.schema.json";

    /** A config file, and how messages name it. */
    public record Found(Path file, String name) {
    }

    private ProjectConfigLoader() {
    }

    /** The config file found from a directory upwards, named relative to that directory. */
    public static Optional<Found> discover(Path start) throws InvalidFileException {
        Path from = start.toAbsolutePath().normalize();
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            List<Path> found = new ArrayList<>();
            for (String name : NAMES) {
                Path candidate = dir.resolve(name);
                if (Files.isSymbolicLink(candidate)) {
                    // a repository could point it at a runner's file (/etc/shadow, /proc/self/environ)
                    throw new InvalidFileException(Printable.escape(from.relativize(candidate).toString()
                            .replace('\\', '/')) + ": the config file is a link; dbzlint reads a project config it finds"
                            + " only as a regular file: replace the link with the file, or name it with --config");
                }
                if (Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(candidate);
                }
            }
            if (found.size() > 1) {
                throw new InvalidFileException(dir + ": both " + found.get(0).getFileName() + " and "
                        + found.get(1).getFileName() + " exist; keep one");
            }
            if (found.size() == 1) {
                return Optional.of(new Found(found.get(0), from.relativize(found.get(0)).toString().replace('\\', '/')));
            }
            if (Files.exists(dir.resolve(".git"))) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Reads and checks a config file; its globs are taken relative to its folder inside the project. */
    public static ProjectConfig load(Found found, Path projectRoot) throws InvalidFileException {
        JsonTree.Parsed document = UserFile.read(found.file(), found.name(), "config file");
        String folder = folderInProject(found.file(), projectRoot);
        if (document.root().isNull() || document.root().isMissingNode()) {
            return new ProjectConfig(found.file(), new RuleOverrides(found.name(), Map.of(),
                    RuleOverrides.Parameters.NONE), List.of(), List.of(), List.of(), List.of(), folder);
        }
        List<String> problems = new ArrayList<>(Schemas.problems(SCHEMA, document));
        if (!problems.isEmpty()) {
            throw new InvalidFileException(problems);
        }
        JsonNode root = document.root();
        RuleOverrides rules = RuleOverrides.parse(found.name(), document, problems);
        List<ProjectConfig.Glob> include = globs(document, "/include", problems);
        List<ProjectConfig.Glob> exclude = globs(document, "/exclude", problems);
        List<ProjectConfig.Ignore> ignores = new ArrayList<>();
        JsonNode ignoreList = root.path("ignore");
        for (int i = 0; i < ignoreList.size(); i++) {
            JsonNode entry = ignoreList.get(i);
            List<String> ruleIds = JsonNodes.strings(entry.path("rules"));
            for (int r = 0; r < ruleIds.size(); r++) {
                if (RuleRegistry.find(ruleIds.get(r)).isEmpty()) {
                    problems.add(document.locationOf("/ignore/" + i + "/rules/" + r) + ": "
                            + RuleRegistry.unknown(ruleIds.get(r)));
                }
            }
            ProjectConfig.Glob files = glob(document, "/ignore/" + i + "/files", problems);
            ignores.add(new ProjectConfig.Ignore(ruleIds, files, JsonNodes.textOrNull(entry.get("connector")),
                    entry.path("reason").asString()));
        }
        List<ProjectConfig.Declared> deployments = new ArrayList<>();
        JsonNode declared = root.path("deployments");
        for (int i = 0; i < declared.size(); i++) {
            JsonNode entry = declared.get(i);
            deployments.add(new ProjectConfig.Declared(entry.path("name").asString().trim(),
                    globs(document, "/deployments/" + i + "/files", problems),
                    JsonNodes.textOrNull(entry.get("kafka")), JsonNodes.textOrNull(entry.get("connect"))));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFileException(problems);
        }
        return new ProjectConfig(found.file(), rules, include, exclude, ignores, deployments, folder);
    }

    private static String folderInProject(Path file, Path projectRoot) {
        Path dir = file.toAbsolutePath().normalize().getParent();
        Path root = projectRoot.toAbsolutePath().normalize();
        String relative = root.relativize(dir).toString().replace('\\', '/');
        return relative.isEmpty() ? "" : relative + "/";
    }

    private static List<ProjectConfig.Glob> globs(JsonTree.Parsed document, String pointer, List<String> problems) {
        List<ProjectConfig.Glob> globs = new ArrayList<>();
        JsonNode array = document.root().at(pointer);
        for (int i = 0; i < array.size(); i++) {
            ProjectConfig.Glob glob = glob(document, pointer + "/" + i, problems);
            if (glob != null) {
                globs.add(glob);
            }
        }
        return globs;
    }

    /** The glob at a pointer, compiled; null, with a problem, when it does not compile. */
    private static ProjectConfig.Glob glob(JsonTree.Parsed document, String pointer, List<String> problems) {
        String pattern = document.root().at(pointer).asString();
        try {
            return ProjectConfig.Glob.of(pattern);
        } catch (PatternSyntaxException e) {
            problems.add(document.locationOf(pointer) + ": " + pointer + " is not a valid glob: "
                    + e.getDescription() + " in \"" + pattern + "\"");
            return null;
        }
    }
}

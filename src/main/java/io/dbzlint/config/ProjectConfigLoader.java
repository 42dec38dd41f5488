package io.dbzlint.config;

import io.dbzlint.load.InvalidFileException;
import io.dbzlint.load.JsonTree;
import io.dbzlint.load.UserFile;
import io.dbzlint.rule.RuleRegistry;
import io.dbzlint.rule.Schemas;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private ProjectConfigLoader() {
    }

    /** The config found from a directory upwards, or {@link ProjectConfig#NONE}. */
    public static ProjectConfig discover(Path start) throws InvalidFileException {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            List<Path> found = new ArrayList<>();
            for (String name : NAMES) {
                if (Files.isRegularFile(dir.resolve(name))) {
                    found.add(dir.resolve(name));
                }
            }
            if (found.size() > 1) {
                throw new InvalidFileException(dir + ": both " + found.get(0).getFileName() + " and "
                        + found.get(1).getFileName() + " exist; keep one");
            }
            if (found.size() == 1) {
                Path relative = start.toAbsolutePath().normalize().relativize(found.get(0));
                return load(found.get(0), relative.toString().replace('\\', '/'));
            }
            if (Files.exists(dir.resolve(".git"))) {
                break;
            }
        }
        return ProjectConfig.NONE;
    }

    public static ProjectConfig load(Path file) throws InvalidFileException {
        return load(file, file.toString());
    }

    /** @param name how messages name the file: as the user gave it, or relative to the working directory */
    public static ProjectConfig load(Path file, String name) throws InvalidFileException {
        JsonTree.Parsed document = UserFile.read(file, name, "config file");
        if (document.root().isNull() || document.root().isMissingNode()) {
            return new ProjectConfig(file, document.root(), List.of(), List.of(), List.of());
        }
        List<String> problems = new ArrayList<>(Schemas.problems(SCHEMA, document));
        if (!problems.isEmpty()) {
            throw new InvalidFileException(problems);
        }
        JsonNode root = document.root();
        checkGlobs(document, "/include", root.path("include"), problems);
        checkGlobs(document, "/exclude", root.path("exclude"), problems);
        List<ProjectConfig.Ignore> ignores = new ArrayList<>();
        JsonNode ignoreList = root.path("ignore");
        for (int i = 0; i < ignoreList.size(); i++) {
            JsonNode entry = ignoreList.get(i);
            List<String> rules = strings(entry.path("rules"));
            for (int r = 0; r < rules.size(); r++) {
                if (RuleRegistry.find(rules.get(r)).isEmpty()) {
                    problems.add(document.locationOf("/ignore/" + i + "/rules/" + r) + ": unknown rule \""
                            + rules.get(r) + "\"; known rules: " + String.join(", ", RuleRegistry.ids()));
                }
            }
            checkGlob(document, "/ignore/" + i + "/files", entry.path("files").asString(), problems);
            ignores.add(new ProjectConfig.Ignore(rules, entry.path("files").asString(),
                    entry.has("connector") ? entry.get("connector").asString() : null, entry.path("reason").asString()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFileException(problems);
        }
        return new ProjectConfig(file, root, strings(root.path("include")), strings(root.path("exclude")), ignores);
    }

    private static void checkGlobs(JsonTree.Parsed document, String pointer, JsonNode globs, List<String> problems) {
        for (int i = 0; i < globs.size(); i++) {
            checkGlob(document, pointer + "/" + i, globs.get(i).asString(), problems);
        }
    }

    private static void checkGlob(JsonTree.Parsed document, String pointer, String glob, List<String> problems) {
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (PatternSyntaxException e) {
            problems.add(document.locationOf(pointer) + ": " + pointer + " is not a valid glob: "
                    + e.getDescription() + " in \"" + glob + "\"");
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }
}

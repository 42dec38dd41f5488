package io.dbzlint.deploy;

import io.dbzlint.model.InputId;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compose stack a folder's scripts start from elsewhere in the project: an example folder whose
 * setup script runs {@code docker-compose -f ../../infra/docker-compose_simple.yaml up} runs its
 * connectors on that stack, whatever other examples run. Only a folder's own scripts (*.sh,
 * Makefile) are read, never through a link; a path is resolved from the script's folder, as the
 * script is run there ({@code ${PWD}/}, {@code $(pwd)/} and {@code ./} included).
 */
final class ScriptedStacks {

    /** A compose command and what follows it on its line. */
    private static final Pattern COMPOSE = Pattern.compile("docker(?:-compose|\\s+compose)\\b([^\\n]*)");
    /** A compose file argument: -f FILE, --file FILE, --file=FILE. */
    private static final Pattern FILE = Pattern.compile("(?:^|\\s)(?:-f|--file)(?:\\s+|=)(\"[^\"\\n]+\"|'[^'\\n]+'|(?:\\$\\(pwd\\)|[^\\s;&|)])+)");
    private static final Pattern WORKING_FOLDER = Pattern.compile("^(?:\\$\\{PWD}|\\$PWD|\\$\\(pwd\\))/");
    private static final Pattern UP = Pattern.compile("\\s(?:up|run|start)\\b");
    private static final int MAX_SCRIPTS = 50;

    private ScriptedStacks() {
    }

    /**
     * The compose file a folder's scripts start, project-relative, with the script that says so;
     * empty when they start none, or several stacks (alternatives: none is known to be the one).
     *
     * @param root the project root
     * @param folder the folder, project-relative ("" for the root)
     */
    static Optional<Started> of(Path root, String folder) {
        Path dir = folder.isEmpty() ? root : root.resolve(folder);
        List<Path> scripts = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
                if ((name.endsWith(".sh") || name.equals("makefile")) && scripts.size() < MAX_SCRIPTS) {
                    scripts.add(entry);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
        scripts.sort(null);
        TreeSet<String> started = new TreeSet<>();
        String by = null;
        boolean starts = false; // whether the script named runs "up": the one to name, before one that stops it
        for (Path script : scripts) {
            String text = ReleaseEvidence.readInside(root, script);
            if (text == null) {
                continue;
            }
            Matcher command = COMPOSE.matcher(text);
            while (command.find()) {
                String file = firstFile(command.group(1), folder);
                if (file != null) {
                    started.add(file);
                    if (by == null || !starts && UP.matcher(command.group(1)).find()) {
                        by = script.getFileName().toString();
                        starts = UP.matcher(command.group(1)).find();
                    }
                }
            }
        }
        if (started.size() != 1) {
            return Optional.empty();
        }
        String file = started.first();
        return Files.isRegularFile(root.resolve(file), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                ? Optional.of(new Started(file, by)) : Optional.empty();
    }

    /** The first compose file a command names, project-relative; null when it names none or one outside. */
    private static String firstFile(String arguments, String folder) {
        Matcher file = FILE.matcher(arguments);
        if (!file.find()) {
            return null;
        }
        String written = file.group(1);
        if (written.length() >= 2 && (written.charAt(0) == '"' || written.charAt(0) == '\'')) {
            written = written.substring(1, written.length() - 1);
        }
        written = WORKING_FOLDER.matcher(written).replaceFirst("");
        String lower = written.toLowerCase(Locale.ROOT);
        if (written.indexOf('$') >= 0 || !(lower.endsWith(".yml") || lower.endsWith(".yaml"))) {
            return null; // a variable: not known here; not a compose file
        }
        return InputId.resolve(folder, written);
    }

    /**
     * @param file the compose file, project-relative
     * @param script the script of the folder that starts it
     */
    record Started(String file, String script) {
    }
}

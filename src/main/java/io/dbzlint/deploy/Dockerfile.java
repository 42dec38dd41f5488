package io.dbzlint.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Dockerfile as one build reads it: the image its last stage starts FROM, and its text with the
 * build's ARG and ENV values filled in. A FROM line sees only the ARGs declared before the first
 * FROM; each takes the build's arg of its name, or else its default.
 *
 * @param from the last stage's image, a variable without a value left as written; null for none
 * @param text the Dockerfile with the values of its ARGs and ENVs filled in where known
 */
record Dockerfile(String from, String text) {

    private record Stage(String image, String alias) {
    }

    /**
     * @param buildArgs the args the build passes (compose's {@code build.args}); a null value is one
     *     not known here
     */
    static Dockerfile parse(String text, Map<String, String> buildArgs) {
        Map<String, String> global = new HashMap<>();
        Map<String, String> all = new HashMap<>();
        List<Stage> stages = new ArrayList<>();
        for (String line : logicalLines(text)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] words = trimmed.split("\\s+");
            String instruction = words[0].toUpperCase(Locale.ROOT);
            if (instruction.equals("ARG")) {
                for (int i = 1; i < words.length; i++) {
                    int equals = words[i].indexOf('=');
                    String name = equals < 0 ? words[i] : words[i].substring(0, equals);
                    String value = buildArgs.containsKey(name) ? buildArgs.get(name)
                            : equals >= 0 ? ComposeFile.substitute(unquoted(words[i].substring(equals + 1)), global)
                            : global.get(name); // a stage's ARG NAME takes the global default
                    if (stages.isEmpty()) {
                        global.put(name, value);
                    }
                    if (value != null) {
                        all.put(name, value);
                    }
                }
            } else if (instruction.equals("ENV") && words.length >= 2) {
                int equals = words[1].indexOf('=');
                String name = equals < 0 ? words[1] : words[1].substring(0, equals);
                String value = equals >= 0 ? unquoted(words[1].substring(equals + 1))
                        : words.length > 2 ? unquoted(words[2]) : null;
                if (value != null) {
                    all.putIfAbsent(name, ComposeFile.fill(value, all));
                }
            } else if (instruction.equals("FROM")) {
                int at = 1;
                while (at < words.length && words[at].startsWith("--")) {
                    at++; // --platform=...
                }
                if (at < words.length) {
                    String image = ComposeFile.fill(words[at], global);
                    String alias = at + 2 < words.length && words[at + 1].equalsIgnoreCase("AS")
                            ? words[at + 2].toLowerCase(Locale.ROOT) : null;
                    stages.add(new Stage(earlierStage(stages, image), alias));
                }
            }
        }
        return new Dockerfile(stages.isEmpty() ? null : stages.get(stages.size() - 1).image(),
                ComposeFile.fill(text, all));
    }

    /** The image a FROM of an earlier stage's name starts from, else the image itself. */
    private static String earlierStage(List<Stage> stages, String image) {
        for (int i = stages.size() - 1; i >= 0; i--) {
            if (image.toLowerCase(Locale.ROOT).equals(stages.get(i).alias())) {
                return stages.get(i).image();
            }
        }
        return image;
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'")) ? value.substring(1, value.length() - 1) : value;
    }

    /** The instructions of a Dockerfile, lines continued with a backslash joined. */
    private static List<String> logicalLines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\r?\n")) {
            String trimmed = line.stripTrailing();
            if (current.length() > 0 && trimmed.strip().startsWith("#")) {
                continue; // a comment inside a continued instruction
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                lines.add(current.append(trimmed).toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
        return lines;
    }
}

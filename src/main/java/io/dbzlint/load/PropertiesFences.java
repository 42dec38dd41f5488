package io.dbzlint.load;

import io.dbzlint.model.Connector;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import io.dbzlint.model.Keys;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connector configs a page shows in properties syntax: a Markdown fence of {@code properties},
 * {@code ini}, {@code conf} or {@code cfg}, an AsciiDoc {@code [source,properties]} block. Each
 * block that sets a connector class is read as the file it shows would be: Debezium Server's
 * application.properties ({@code debezium.source.*}) or a standalone connector's file
 * ({@code connector.class=}), at its place in the page, named by that place as a page's JSON
 * examples are.
 */
final class PropertiesFences {

    private static final Pattern MARKDOWN_OPEN = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*([A-Za-z-]+)?.*$");
    private static final Pattern ASCIIDOC_SOURCE = Pattern.compile("^\\[source\\s*,\\s*([A-Za-z-]+)[^\\]]*\\]\\s*$");
    private static final Pattern ASCIIDOC_DELIMITER = Pattern.compile("^(-{4,}|\\.{4,})\\s*$");
    private static final List<String> LANGUAGES = List.of("properties", "ini", "conf", "cfg", "java-properties");

    private PropertiesFences() {
    }

    /** The connectors of a page's properties blocks, and what is wrong in their syntax. */
    static LoadedFile read(InputId page, String text) {
        List<Connector> connectors = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        if (!text.contains("debezium.source.") && !text.contains("connector.class")) {
            return new LoadedFile(page, connectors, problems);
        }
        String[] lines = text.split("\n", -1);
        boolean asciidoc = page.format() == InputFormat.ASCIIDOC;
        for (int i = 0; i < lines.length; i++) {
            int first;
            String closing;
            if (asciidoc) {
                Matcher source = ASCIIDOC_SOURCE.matcher(lines[i].strip());
                if (!source.matches() || !isProperties(source.group(1)) || i + 1 >= lines.length) {
                    continue;
                }
                Matcher delimiter = ASCIIDOC_DELIMITER.matcher(lines[i + 1].stripTrailing());
                if (!delimiter.matches()) {
                    continue;
                }
                closing = delimiter.group(1);
                first = i + 2;
            } else {
                Matcher open = MARKDOWN_OPEN.matcher(lines[i].stripTrailing());
                if (!open.matches()) {
                    continue;
                }
                closing = open.group(1);
                if (open.group(2) == null || !isProperties(open.group(2))) {
                    i = closingLine(lines, i + 1, closing, false); // past a fence of another language
                    continue;
                }
                first = i + 1;
            }
            int end = closingLine(lines, first, closing, asciidoc);
            read(page, lines, first, end, connectors, problems);
            i = end;
        }
        return new LoadedFile(page, connectors, problems);
    }

    private static boolean isProperties(String language) {
        return LANGUAGES.contains(language.toLowerCase(Locale.ROOT));
    }

    /** The line that closes a block (or the end of the page): the same run of backticks, tildes or delimiter characters. */
    private static int closingLine(String[] lines, int from, String opening, boolean exact) {
        for (int i = from; i < lines.length; i++) {
            String line = lines[i].strip();
            if (exact ? line.equals(opening) : line.startsWith(opening) && line.chars().allMatch(c -> c == opening.charAt(0))) {
                return i;
            }
        }
        return lines.length;
    }

    /** One block, lines first to end (exclusive), read with the lines above it blank so every position is the page's. */
    private static void read(InputId page, String[] lines, int first, int end, List<Connector> connectors,
                             List<LoadProblem> problems) {
        StringBuilder block = new StringBuilder("\n".repeat(first));
        for (int i = first; i < end; i++) {
            block.append(lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i]).append('\n');
        }
        LoadedFile file;
        try {
            file = PropertiesConnectors.fromProperties(page, PropertiesReader.read(page, block.toString()));
        } catch (PropertiesReader.TooManyKeys e) {
            return; // no connector's example
        }
        String stem = PropertiesConnectors.fileStem(page);
        for (Connector connector : file.connectors()) {
            if (!connector.config().containsKey(Keys.CONNECTOR_CLASS)) {
                continue; // a few keys shown on their own, as a page's JSON example is read only with its class
            }
            boolean named = connector.config().containsKey("name");
            connectors.add(named ? connector : new Connector(stem + ":" + (first + 1), connector.location(),
                    connector.location(), connector.type(), connector.config(), connector.envelope()));
        }
        problems.addAll(file.problems());
    }
}

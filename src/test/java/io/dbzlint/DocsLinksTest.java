package io.dbzlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md and the pages under docs/ leads somewhere: to a file or folder that
 * exists and, for an #anchor into a Markdown file, to one of its headings (as GitHub names them). And
 * every page under docs/ is reachable from the README's index.
 */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private final Map<Path, Set<String>> anchors = new HashMap<>();

    @Test
    void should_lead_every_relative_link_to_a_file_and_heading_that_exist() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            int lineNumber = 0;
            for (String line : prose(page)) {
                lineNumber++;
                if (line == null) {
                    continue;
                }
                Matcher link = LINK.matcher(line);
                while (link.find()) {
                    String target = link.group(1);
                    if (SCHEME.matcher(target).find()) {
                        continue;
                    }
                    checked++;
                    String problem = problem(page, target);
                    if (problem != null) {
                        broken.add(page + ":" + lineNumber + ": " + target + ": " + problem);
                    }
                }
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(50);
        assertThat(broken).as("broken relative links").isEmpty();
    }

    @Test
    void should_link_every_docs_page_from_the_readme() throws IOException {
        Set<Path> linked = new HashSet<>();
        Path readme = Path.of("README.md");
        for (String line : prose(readme)) {
            if (line == null) {
                continue;
            }
            Matcher link = LINK.matcher(line);
            while (link.find()) {
                String target = link.group(1).replaceFirst("#.*", "");
                if (!target.isEmpty() && !SCHEME.matcher(target).find()) {
                    linked.add(Path.of(target).normalize());
                }
            }
        }
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            assertThat(files.filter(file -> file.toString().endsWith(".md")).map(Path::normalize).toList())
                    .isNotEmpty().allSatisfy(page -> assertThat(linked).as("README links %s", page).contains(page));
        }
    }

    @Test
    void should_name_anchors_as_github_does() {
        assertThat(slug("Preflight: check the databases before the deploy"))
                .isEqualTo("preflight-check-the-databases-before-the-deploy");
        assertThat(slug("`parse-error`")).isEqualTo("parse-error");
        assertThat(slug("The guard: refuse a colliding connector where it is applied"))
                .isEqualTo("the-guard-refuse-a-colliding-connector-where-it-is-applied");
        assertThat(slug("Debezium versions and the property catalog"))
                .isEqualTo("debezium-versions-and-the-property-catalog");
    }

    private String problem(Path page, String target) throws IOException {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor == null || anchor.isEmpty() || !resolved.toString().endsWith(".md")) {
            return null;
        }
        return anchors(resolved).contains(anchor) ? null : "no heading with the anchor #" + anchor;
    }

    private Set<String> anchors(Path page) throws IOException {
        Path key = page.toAbsolutePath().normalize();
        Set<String> known = anchors.get(key);
        if (known == null) {
            known = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            for (String line : prose(key)) {
                if (line == null) {
                    continue;
                }
                Matcher heading = HEADING.matcher(line);
                if (heading.matches()) {
                    String slug = slug(heading.group(2));
                    int count = seen.merge(slug, 1, Integer::sum);
                    known.add(count == 1 ? slug : slug + "-" + (count - 1));
                }
                Matcher html = HTML_ANCHOR.matcher(line);
                while (html.find()) {
                    known.add(html.group(1));
                }
            }
            anchors.put(key, known);
        }
        return known;
    }

    /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        return text.replaceAll("[^\\p{L}\\p{N}\\p{M}_\\- ]", "").replace(' ', '-');
    }

    /** The page's lines, with code fences' lines as null and inline code spans outside headings blanked out. */
    private static List<String> prose(Path page) throws IOException {
        List<String> lines = new ArrayList<>();
        String fence = null;
        for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
            String stripped = line.stripLeading();
            if (fence == null && (stripped.startsWith("```") || stripped.startsWith("~~~"))) {
                fence = stripped.substring(0, 3);
                lines.add(null);
            } else if (fence != null) {
                if (stripped.startsWith(fence)) {
                    fence = null;
                }
                lines.add(null);
            } else if (HEADING.matcher(line).matches()) {
                lines.add(line); // its anchor is made from the text inside its code spans too
            } else {
                lines.add(line.replaceAll("`[^`]*`", "code"));
            }
        }
        return lines;
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> files = Files.walk(Path.of("docs"))) {
            files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }
}

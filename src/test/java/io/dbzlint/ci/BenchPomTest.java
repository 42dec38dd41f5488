package io.dbzlint.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The JMH benchmark compiles dbzlint's own sources in a build of its own (bench/jmh/pom.xml), so
 * it needs every library the main build compiles and runs against, at the same version. A
 * library added to pom.xml alone broke that build once without any test noticing.
 */
class BenchPomTest {

    @Test
    void should_give_the_benchmark_every_library_of_the_main_build_at_its_version() throws Exception {
        Map<String, String> main = dependencies(Path.of("pom.xml"));
        Map<String, String> bench = dependencies(Path.of("bench/jmh/pom.xml"));

        assertThat(main).isNotEmpty();
        assertThat(bench).containsAllEntriesOf(main);
    }

    /**
     * The main build also compiles sources it generates (src/build/ programs run by exec): a
     * generator the benchmark's build does not run leaves it with classes missing, as RulesData
     * and CatalogData once did.
     */
    @Test
    void should_run_every_source_generator_of_the_main_build() throws Exception {
        List<String> main = generators(Path.of("pom.xml"));
        List<String> bench = generators(Path.of("bench/jmh/pom.xml"));

        assertThat(main).isNotEmpty();
        assertThat(bench).containsAll(main);
    }

    /** The src/build/ programs a pom runs, by file name. */
    private static List<String> generators(Path pom) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        List<String> found = new ArrayList<>();
        NodeList arguments = document.getElementsByTagName("argument");
        for (int i = 0; i < arguments.getLength(); i++) {
            String argument = arguments.item(i).getTextContent().trim();
            int at = argument.indexOf("src/build/");
            if (at >= 0) {
                found.add(argument.substring(at));
            }
        }
        return found;
    }

    /** groupId:artifactId to version of the compile, provided and runtime dependencies, properties resolved. */
    private static Map<String, String> dependencies(Path pom) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        Map<String, String> properties = new LinkedHashMap<>();
        NodeList props = document.getElementsByTagName("properties");
        if (props.getLength() > 0) {
            NodeList children = props.item(0).getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element property) {
                    properties.put(property.getTagName(), property.getTextContent().trim());
                }
            }
        }
        Map<String, String> found = new LinkedHashMap<>();
        Element dependencies = (Element) ((Element) document.getDocumentElement()).getElementsByTagName("dependencies")
                .item(0);
        NodeList list = dependencies.getElementsByTagName("dependency");
        for (int i = 0; i < list.getLength(); i++) {
            Element dependency = (Element) list.item(i);
            String scope = text(dependency, "scope");
            String group = text(dependency, "groupId");
            if ("test".equals(scope) || group.equals("org.openjdk.jmh")) {
                continue;
            }
            String version = text(dependency, "version");
            if (version.startsWith("${")) {
                version = properties.get(version.substring(2, version.length() - 1));
            }
            found.put(group + ":" + text(dependency, "artifactId"), version);
        }
        return found;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}

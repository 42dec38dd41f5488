package io.dbzlint.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import io.dbzlint.debezium.Debezium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The packages form layers, each using only those below it, as docs/architecture.md describes:
 * results and models at the bottom, the command line at the top. Each layer is one package, a
 * sub-package included ({@code rule.checks} is above {@code rule}), so a cycle between a package
 * and its sub-package fails here as any other does. A rule never imports a reporter; the engine is
 * the one place that joins sources, loading, rules and project configuration.
 */
class ArchitectureTest {

    /** Lowest first; every production package is one of them. */
    static final List<String> LAYERS = List.of("model", "json", "result", "debezium", "load", "connect", "source", "deploy", "rule",
            "rule.checks", "ruleset", "config", "report", "fix", "engine", "lsp", "guard", "preflight", "cli");

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dbzlint");

    private static final JavaClasses FIXTURE = new ClassFileImporter()
            .importPackages("io.dbzlint.architecture.fixture");

    /** For each layer: no class in it depends on a layer above it. */
    static ArchRule layered(String root, List<String> layers) {
        List<ArchRule> rules = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            for (int above = i + 1; above < layers.size(); above++) {
                rules.add(noClasses().that().resideInAPackage(root + "." + layers.get(i))
                        .should().dependOnClassesThat().resideInAPackage(root + "." + layers.get(above))
                        .because(layers.get(i) + " is below " + layers.get(above))
                        .allowEmptyShould(true));
            }
        }
        return CompositeArchRule.of(rules);
    }

    /** Every package its own slice, sub-packages too: {@code (**)} captures the whole package below the root. */
    static ArchRule acyclic(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    @Test
    void should_keep_every_package_to_the_layers_below_it() {
        layered("io.dbzlint", LAYERS).check(PRODUCTION);
    }

    @Test
    void should_have_no_package_cycle() {
        acyclic("io.dbzlint").check(PRODUCTION);
    }

    @Test
    void should_give_rules_debezium_knowledge_only_through_their_context() {
        noClasses().that().resideInAnyPackage("io.dbzlint.rule..")
                .should().callMethod(Debezium.class, "bundled")
                .because("rules read the catalogs through RuleContext, so a run decides what they know")
                .check(PRODUCTION);
    }

    @Test
    void should_place_every_production_package_in_a_layer() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass type : PRODUCTION) {
            packages.add(type.getPackageName().substring("io.dbzlint.".length()));
        }
        assertThat(LAYERS).containsAll(packages);
    }

    @Test
    void should_list_the_layers_in_the_architecture_doc_in_order() throws IOException {
        List<String> documented = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(Path.of("docs/architecture.md"))) {
            if (line.startsWith("## ")) {
                inTable = line.equals("## Packages");
            } else if (inTable && line.startsWith("| `")) {
                documented.add(line.substring(3, line.indexOf('`', 3)));
            }
        }
        assertThat(documented).containsExactlyElementsOf(LAYERS);
    }

    @Test
    void should_fail_on_a_lower_layer_importing_a_higher_one_and_on_a_cycle_with_a_sub_package() {
        assertThatThrownBy(() -> layered("io.dbzlint.architecture.fixture", List.of("model", "rule", "rule.checks"))
                .check(FIXTURE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("fixture.model.Located")
                .hasMessageContaining("fixture.rule.Registry");
        assertThatThrownBy(() -> acyclic("io.dbzlint.architecture.fixture").check(FIXTURE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle")
                .hasMessageContaining("rule.checks");
    }
}

package io.dbzlint.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packages form layers, each using only those below it, as the README's Development table
 * describes: results and models at the bottom, the command line at the top. A rule never imports
 * a reporter; the engine is the one place that joins loading, rules and project configuration.
 */
class ArchitectureTest {

    /** Lowest first. */
    static final List<String> LAYERS = List.of("model", "json", "result", "load", "rule", "config", "report",
            "engine", "fix", "lsp", "cli");

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dbzlint");

    private static final JavaClasses FIXTURE = new ClassFileImporter()
            .importPackages("io.dbzlint.architecture.fixture");

    /** For each layer: no class in it depends on a layer above it. */
    static ArchRule layered(String root) {
        List<ArchRule> rules = new ArrayList<>();
        for (int i = 0; i < LAYERS.size(); i++) {
            for (int above = i + 1; above < LAYERS.size(); above++) {
                rules.add(noClasses().that().resideInAPackage(root + "." + LAYERS.get(i) + "..")
                        .should().dependOnClassesThat().resideInAPackage(root + "." + LAYERS.get(above) + "..")
                        .because(LAYERS.get(i) + " is below " + LAYERS.get(above))
                        .allowEmptyShould(true));
            }
        }
        return CompositeArchRule.of(rules);
    }

    static ArchRule acyclic(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void should_keep_every_package_to_the_layers_below_it() {
        layered("io.dbzlint").check(PRODUCTION);
    }

    @Test
    void should_have_no_package_cycle() {
        acyclic("io.dbzlint").check(PRODUCTION);
    }

    @Test
    void should_fail_on_a_lower_layer_importing_a_higher_one_and_on_a_cycle() {
        assertThatThrownBy(() -> layered("io.dbzlint.architecture.fixture").check(FIXTURE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("fixture.model.Located")
                .hasMessageContaining("fixture.rule.Checked");
        assertThatThrownBy(() -> acyclic("io.dbzlint.architecture.fixture").check(FIXTURE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle");
    }
}

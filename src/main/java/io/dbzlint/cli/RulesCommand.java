package io.dbzlint.cli;

import io.dbzlint.json.Json;
import io.dbzlint.rule.RuleDocs;
import io.dbzlint.rule.RuleInfo;
import io.dbzlint.rule.RuleSet;
import io.dbzlint.ruleset.RuleSetLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;

@Command(name = "rules", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Lists every rule with its default severity and summary."
                + " 'dbzlint rules --format markdown' writes docs/rules.md.")
final class RulesCommand implements Callable<Integer> {

    enum ListFormat { text, json, markdown }

    @Spec
    private CommandSpec spec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private ListFormat format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RuleSet rules = RuleSetLoader.bundled();
        switch (format) {
            case text -> RuleDocs.helpLines(rules, 100).forEach(out::println);
            case markdown -> out.print(RuleDocs.page(rules));
            case json -> out.print(json(rules));
        }
        out.flush();
        return ExitCode.OK.code();
    }

    private static String json(RuleSet rules) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.pretty(text)) {
            json.writeStartArray();
            for (RuleSet.Entry entry : rules.all()) {
                RuleInfo info = entry.info();
                json.writeStartObject();
                json.writeStringProperty("id", info.id());
                json.writeStringProperty("name", info.name());
                json.writeStringProperty("severity", info.severityLabel());
                json.writeStringProperty("category", info.category());
                json.writeBooleanProperty("fixable", info.fixable());
                json.writeStringProperty("url", info.url());
                json.writeStringProperty("summary", info.summary());
                json.writeStringProperty("rationale", info.rationale());
                json.writeStringProperty("fix", info.fix());
                json.writeName("example");
                json.writeStartObject();
                json.writeStringProperty("bad", info.bad());
                json.writeStringProperty("good", info.good());
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        return text + "\n";
    }
}

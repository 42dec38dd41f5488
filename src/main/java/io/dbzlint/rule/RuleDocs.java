package io.dbzlint.rule;

import java.util.ArrayList;
import java.util.List;

/** Rule documentation generated from the rules data: the table of docs/rule-table.md, docs/rules.md and the --help list. */
public final class RuleDocs {

    /** The project's home: every link dbzlint writes (rule docs, SARIF's informationUri) starts here. */
    public static final String HOME = "https://github.com/dbzlint/dbzlint";

    /** docs/rules.md on the main branch, where {@link #page} puts each rule under a heading that is its id. */
    private static final String RULES_PAGE = HOME + "/blob/main/docs/rules.md";

    private RuleDocs() {
    }

    /** Where a rule is documented: its heading in docs/rules.md. */
    public static String url(String ruleId) {
        return RULES_PAGE + "#" + ruleId;
    }

    /** A section of a page under docs/, by the page's name and its heading's anchor. */
    public static String docs(String page, String anchor) {
        return HOME + "/blob/main/docs/" + page + "#" + anchor;
    }

    /** The rule table of docs/rule-table.md; a test keeps the committed page equal to this. */
    public static String markdownTable(RuleSet ruleSet) {
        StringBuilder table = new StringBuilder();
        table.append("| Rule | Severity | What it checks | Why it matters | How to fix |\n");
        table.append("|---|---|---|---|---|\n");
        for (RuleSet.Entry entry : ruleSet.all()) {
            RuleInfo info = entry.info();
            table.append("| `").append(info.id()).append("` | ").append(info.severityLabel()).append(" | ")
                    .append(cell(info.summary())).append(" | ").append(cell(info.rationale())).append(" | ")
                    .append(cell(info.fix())).append(" |\n");
        }
        return table.toString();
    }

    /** One rule a line for --help: id, severity, then the summary wrapped under the summary column. */
    public static List<String> helpLines(RuleSet ruleSet, int width) {
        int idWidth = ruleSet.all().stream().mapToInt(entry -> entry.info().id().length()).max().orElse(0) + 2;
        int summaryColumn = 2 + idWidth + 9;
        List<String> lines = new ArrayList<>();
        for (RuleSet.Entry entry : ruleSet.all()) {
            RuleInfo info = entry.info();
            String head = "  " + pad(info.id(), idWidth) + pad(info.severityLabel(), 9);
            List<String> wrapped = wrap(info.summary(), Math.max(20, width - summaryColumn));
            lines.add(head + wrapped.get(0));
            wrapped.subList(1, wrapped.size()).forEach(line -> lines.add(" ".repeat(summaryColumn) + line));
        }
        return lines;
    }

    /** One rule as plain text: for 'dbzlint explain' and SARIF help. */
    public static String text(RuleInfo info) {
        return info.id() + " (" + info.severityLabel() + ")\n\n"
                + paragraph(info.summary()) + "\n\n"
                + paragraph("Why it matters: " + info.rationale()) + "\n\n"
                + paragraph("How to fix: " + info.fix()) + "\n\n"
                + "Bad:\n" + indent(info.bad()) + "\n\n"
                + "Fixed:\n" + indent(info.good()) + "\n";
    }

    /** One rule as Markdown, without its heading: for docs/rules.md and SARIF help. */
    public static String markdown(RuleInfo info) {
        return "Default severity: **" + info.severityLabel() + "**"
                + (info.category().isEmpty() ? "" : "; category: " + info.category())
                + (info.fixable() ? "; fixable with `--fix`" : "") + "\n\n"
                + info.summary() + "\n\n"
                + "**Why it matters.** " + info.rationale() + "\n\n"
                + "**How to fix.** " + info.fix() + "\n\n"
                + "Bad:\n\n```\n" + info.bad() + "\n```\n\n"
                + "Fixed:\n\n```\n" + info.good() + "\n```\n";
    }

    /** docs/rules.md: every rule, generated; a test keeps the committed page equal to this. */
    public static String page(RuleSet ruleSet) {
        StringBuilder page = new StringBuilder();
        page.append("# dbzlint rules\n\n")
                .append("Generated from [`rules/rules.json`](../rules/rules.json) by `dbzlint rules --format markdown`;")
                .append(" do not edit by hand. Severities are defaults; a [rules file](configuration.md#house-rules) changes them.\n\n");
        for (RuleSet.Entry entry : ruleSet.all()) {
            String id = entry.info().id();
            page.append("- [`").append(id).append("`](#").append(id).append(")\n");
        }
        for (RuleSet.Entry entry : ruleSet.all()) {
            RuleInfo info = entry.info();
            page.append("\n## ").append(info.id()).append("\n\n").append(markdown(info));
        }
        return page.toString();
    }

    private static String paragraph(String text) {
        return String.join("\n", wrap(text, 100));
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}

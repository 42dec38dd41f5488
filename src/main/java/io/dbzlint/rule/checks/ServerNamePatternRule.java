package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.Keys;
import io.dbzlint.model.Printable;
import io.dbzlint.model.Regexes;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import io.dbzlint.rule.RuleParameters;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logical names follow a template such as {database_type}_{environment}, with the connector's own
 * type, and optionally a qualifier ({@code _orders}) for a second connector of one type in one
 * environment.
 */
public final class ServerNamePatternRule implements ConnectorRule {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(database_type|environment)}");

    private volatile Compiled compiled;

    private record Compiled(RuleParameters parameters, Pattern pattern) {
    }

    @Override
    public String id() {
        return "server-name-pattern";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        RuleParameters p = context.parameters();
        Optional<String> ownWord = p.databaseTypeWord(connector.type());
        Optional<ConfigEntry> entry = connector.firstEntry(context.logicalNameKeys());
        if (ownWord.isEmpty() || entry.isEmpty() || entry.get().hasReference()) {
            return;
        }
        String name = entry.get().text().trim();
        // a 2.x connector with the 1.x key alone: the name it means to have, which its release reads from topic.prefix
        String meant = entry.get().key().equals(Keys.SERVER_NAME_1X) && context.target().major() >= 2
                ? ", the logical name this connector means to have (Debezium " + context.target()
                        + " reads it from topic.prefix)," : "";
        String example = p.serverNamePattern().replace("{database_type}", ownWord.get())
                .replace("{environment}", "prod");
        Matcher matcher = pattern(p).matcher(Regexes.budgeted(name));
        boolean matches;
        try {
            matches = matcher.matches();
        } catch (Regexes.TooComplex e) {
            return; // an environmentPattern too costly to match against this name: nothing is said
        }
        if (!matches) {
            sink.report(connector, entry.get().key(), entry.get().valueLocation(), entry.get().key() + " "
                    + Printable.quote(name) + meant + " does not follow the naming scheme " + p.serverNamePattern() + "; rename it, e.g. "
                    + example + " (" + example + "_<database> beside another " + connector.type().displayName()
                    + " connector there)");
            return;
        }
        String typePart = matcher.group("type");
        if (!typePart.equals(ownWord.get())) {
            String fixed = name.substring(0, matcher.start("type")) + ownWord.get() + name.substring(matcher.end("type"));
            sink.report(connector, entry.get().key(), entry.get().valueLocation(), entry.get().key() + " "
                    + Printable.quote(name) + meant + " names database type " + Printable.cut(typePart, Printable.MAX_VALUE) + " but this is a " + connector.type().displayName()
                    + " connector; rename it to " + Printable.cut(fixed, Printable.MAX_VALUE));
        }
    }

    private Pattern pattern(RuleParameters p) {
        Compiled current = compiled;
        if (current == null || current.parameters() != p) {
            current = new Compiled(p, compile(p));
            compiled = current;
        }
        return current.pattern();
    }

    private static Pattern compile(RuleParameters p) {
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(p.serverNamePattern());
        int last = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(p.serverNamePattern().substring(last, placeholder.start())));
            if (placeholder.group(1).equals("database_type")) {
                regex.append("(?<type>");
                regex.append(String.join("|", p.databaseTypes().values().stream().map(Pattern::quote).toList()));
                regex.append(')');
            } else {
                regex.append("(?:").append(p.environmentPattern()).append(')');
            }
            last = placeholder.end();
        }
        regex.append(Pattern.quote(p.serverNamePattern().substring(last)));
        // a qualifier may follow, for a second connector of one type in one environment: postgres_prod_orders
        regex.append("(?:_[a-z0-9]+)?");
        return Pattern.compile(regex.toString());
    }
}

package io.dbzlint.rule.checks;

import io.dbzlint.model.ConfigEntry;
import io.dbzlint.model.Connector;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.References;
import io.dbzlint.model.Secrets;
import io.dbzlint.model.ValueKind;
import io.dbzlint.rule.ConnectorRule;
import io.dbzlint.rule.FindingSink;
import io.dbzlint.rule.RuleContext;
import java.util.List;

/**
 * A password (or secret, token, credential) written into the config instead of a Kafka Connect
 * config provider reference such as ${file:/path:key}, ${env:VAR} or ${secrets:ns/name:key}.
 * Connector configs are readable through the Connect REST API and end up in Git. The value is
 * never printed.
 */
public final class PlaintextSecretRule implements ConnectorRule {


    @Override
    public String id() {
        return "plaintext-secret";
    }

    @Override
    public void check(Connector connector, RuleContext context, FindingSink sink) {
        if (connector.runsOnDebeziumServer()) {
            for (java.util.Map.Entry<String, ConfigEntry> other : connector.envelope().entrySet()) {
                if (other.getKey().startsWith(Connector.SERVER_PROPERTY)) {
                    checkServerProperty(connector, other.getValue(), sink);
                }
            }
        }
        for (ConfigEntry entry : connector.config().values()) {
            if (!entry.isSecret() && entry.kind() != ValueKind.OBJECT && entry.kind() != ValueKind.ARRAY) {
                continue; // neither a secret key nor a secret inside the value (asked once per entry)
            }
            String key = entry.key();
            if (io.dbzlint.model.Keys.isNote(key)) {
                continue; // "_comment_password": a note about the password that nothing reads as one
            }
            String example = " ${file:/opt/kafka/secrets/" + fileName(connector.name()) + ".properties:" + leaf(key) + "}";
            if (Secrets.isSecretKey(key)) {
                if (entry.kind() == ValueKind.OBJECT || entry.kind() == ValueKind.ARRAY) {
                    sink.report(connector, key, entry.valueLocation(), key + " holds a literal secret in "
                            + entry.kind().article() + "; put the secret in a string that references a config"
                            + " provider, e.g." + example);
                } else if (entry.hasPlaceholder() || isStandIn(entry.text(), isPage(entry)) || isClassName(entry.text())
                        || References.isUnclosedProviderReference(entry.text())) {
                    // an unclosed ${file:...: a broken reference, which config-provider-reference reports
                    // <password>, your-password, YOUR_PASSWORD: for the reader to fill in, not a secret;
                    // a credentials provider's class names where the secret is, and is none
                    continue;
                } else if (entry.hasTemplate() && connector.runsOnDebeziumServer()) {
                    continue; // Quarkus fills ${VAR} from the environment at run time: nothing is written down
                } else if (References.hasFormatSpecifier(entry.text())) {
                    continue; // "%s": a test's or a program's String.format fills it in, no deploy tool
                } else if (entry.hasTemplate() && unresolvedByConnect(connector, entry) != null) {
                    String variable = unresolvedByConnect(connector, entry);
                    sink.report(connector, key, entry.valueLocation(), key + " is a shell variable, which Kafka"
                            + " Connect does not resolve (a config provider reference names its provider): sent as"
                            + " written, the connector is given those characters as the secret; filled in before"
                            + " deploy, the deployed config, readable through the REST API, holds the secret itself;"
                            + " reference a config provider instead, e.g. ${env:" + variable + "} (a worker with"
                            + " config.providers=env, Kafka 3.5 and later) or" + example);
                } else if (entry.hasTemplate()) {
                    sink.report(connector, key, entry.valueLocation(), key + " is a template that a shell or"
                            + " envsubst fills in before deploy, so the deployed config"
                            + (connector.runsOnDebeziumEngine() ? "" : ", readable through the REST API,")
                            + " holds the password itself; reference a config provider instead, e.g." + example);
                } else if (entry.hasText() && !entry.text().isEmpty() && !entry.isProviderReference()
                        && !onlyProviderReferences(entry.text())) {
                    sink.report(connector, key, entry.valueLocation(), key
                            + " holds a literal secret; reference it through a config provider instead, e.g." + example);
                }
                continue;
            }
            Secrets.embedded(key, withoutProviderColons(entry.text()))
                    // ${env:USER}:${env:PASSWORD}@: references, which a value may hold anywhere, split at their colons
                    .filter(embedded -> !isReference(embedded.secret()) && !References.hasTemplate(embedded.secret())
                            && !embedded.secret().contains("${") && !isStandIn(embedded.secret(), isPage(entry))
                            // <CCLOUD_API_SECRET>, or '$CCLOUD_API_SECRET' spliced into a script's body
                            && References.find(embedded.secret()).stream()
                                    .noneMatch(found -> found.kind() == References.Kind.PLACEHOLDER)
                            && !SPLICED_VARIABLE.matcher(embedded.secret()).find())
                    .ifPresent(embedded -> sink.report(connector, key, entry.valueLocation(), key + " holds a literal"
                            + " secret: " + embedded.where() + "; reference the password through a config provider"
                            + " instead, e.g." + example));
        }
    }

    /**
     * A secret of Debezium Server's own configuration, outside its connector's (the sink's broker,
     * an offset store's database): Quarkus reads it, and fills in ${NAME} from the environment.
     */
    private static void checkServerProperty(Connector connector, ConfigEntry entry, FindingSink sink) {
        String key = entry.key();
        String variable = key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        String advice = "; Debezium Server fills in ${NAME} from the environment: reference a variable instead, e.g. ${"
                + variable + "}";
        if (!entry.hasText() || entry.text().isEmpty() || entry.hasReference()) {
            return;
        }
        if (Secrets.isSecretKey(key)) {
            if (!isStandIn(entry.text(), isPage(entry)) && !isClassName(entry.text())
                    && !References.hasFormatSpecifier(entry.text())) {
                sink.report(connector, key, entry.valueLocation(), key + " holds a literal secret" + advice);
            }
            return;
        }
        Secrets.embedded(key, entry.text())
                .filter(embedded -> !isStandIn(embedded.secret(), isPage(entry)))
                .ifPresent(embedded -> sink.report(connector, key, entry.valueLocation(), key + " holds a literal"
                        + " secret: " + embedded.where() + advice));
    }

    /**
     * Whether a value is config provider references and separators only
     * ({@code ${env:SR_KEY}:${env:SR_SECRET}}): Kafka Connect resolves each, nothing literal is left.
     */
    static boolean onlyProviderReferences(String value) {
        List<References.Reference> found = References.find(value);
        if (found.isEmpty() || found.stream().anyMatch(r -> r.kind() != References.Kind.PROVIDER)) {
            return false;
        }
        StringBuilder rest = new StringBuilder(value);
        for (int i = found.size() - 1; i >= 0; i--) {
            rest.delete(found.get(i).start(), found.get(i).end());
        }
        return rest.chars().noneMatch(Character::isLetterOrDigit);
    }

    /**
     * A value with each config provider reference's inner colons hidden, so that a user:password
     * pair made of references ({@code mongodb://${secrets:db:user}:${secrets:db:password}@host})
     * splits where the URI does, and its password is a reference still.
     */
    private static String withoutProviderColons(String value) {
        if (value == null || value.indexOf("${") < 0) {
            return value;
        }
        StringBuilder hidden = new StringBuilder(value);
        for (References.Reference found : References.find(value)) {
            if (found.kind() == References.Kind.PROVIDER) {
                for (int i = found.start(); i < found.end(); i++) {
                    if (hidden.charAt(i) == ':' || hidden.charAt(i) == '/' || hidden.charAt(i) == '@') {
                        hidden.setCharAt(i, '_');
                    }
                }
            }
        }
        return hidden.toString();
    }

    private static boolean isReference(String value) {
        return References.isWhole(value, References.Kind.PROVIDER);
    }

    private static String leaf(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /**
     * A stand-in a reader replaces: capitals with an underscore (TU_HASLO) or asterisks anywhere; on a
     * documentation page also secure_password and its kin, which a demo's own config may well use
     * as its real password.
     */
    private static final java.util.regex.Pattern STAND_IN = java.util.regex.Pattern.compile(
            "(?i)(?:secure|strong|your|my|example|sample|dummy)[-_]?(?:db[-_]?)?(?:password|passwd|pwd|secret)");

    /** An example credential shown masked or cut short: AKIAXXXXXXXX, hELuXXXX, abc***, abc… */
    private static final java.util.regex.Pattern MASKED = java.util.regex.Pattern.compile(
            "(?i).*(?:xxxx|\\*\\*\\*|\u2026|\\.\\.\\.$).*", java.util.regex.Pattern.DOTALL);
    /**
     * On a page, a value that describes what it stands for: mypassword123, verysecurepassword123,
     * my-token. Not password, rootpassword or secret: demos use those as their real passwords.
     */
    private static final java.util.regex.Pattern NAMES_ITSELF = java.util.regex.Pattern.compile(
            "(?i)(?:my|your|very|some|example|sample|dummy|fake|strong|secure)[-_]?[a-z]*(?:password|passwd|pass|pwd|secret|token)"
                    + "[-_]?[a-z0-9]*"
                    // what goes there, said: password-for-trust-store
                    + "|(?:password|passwd|secret)[-_](?:for|of)[-_][a-z][a-z0-9-_]*");
    /**
     * Anywhere, a name of three words or more that ends with what it stands for: user_oracle_password,
     * orders_db_secret. A password of words joined by underscores that names itself is a template's
     * blank, as USER_PASSWORD in capitals is.
     */
    private static final java.util.regex.Pattern NAMED_BLANK = java.util.regex.Pattern.compile(
            "[a-z][a-z0-9]*(?:_[a-z][a-z0-9]*)+_(?:password|passwd|pwd|secret)");
    /**
     * A blank in capitals made of the words that name a secret: TOKEN, SECRET, TOKEN-SECRET,
     * _ADMIN_PASS_ (a sed's token), natrail_PASSWORD; and a Makefile's or a command's $(ORA_PASSWORD).
     */
    private static final java.util.regex.Pattern SECRET_WORDS_BLANK = java.util.regex.Pattern.compile(
            "_?(?:(?:MY|YOUR|API|APP|ADMIN|USER|DB|ACCESS|CLIENT|CONSUMER|AUTH|KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASS|PWD)"
                    + "[_-]?)+_?|\\$\\([A-Za-z_][A-Za-z0-9_]*\\)"
                    // natrail_PASSWORD: whose password goes there, then the word in capitals
                    + "|[A-Za-z][A-Za-z0-9]*_(?:PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN)");
    /** A blank that says what goes there, in brackets: (planetscale password), [your secret here]. */
    private static final java.util.regex.Pattern BRACKETED_BLANK = java.util.regex.Pattern.compile(
            "(?i)\\([^()]{0,60}\\b(?:password|passwd|pwd|secret|token)\\b[^()]{0,60}\\)"
                    + "|\\[[^\\[\\]]{0,60}\\b(?:password|passwd|pwd|secret|token)\\b[^\\[\\]]{0,60}]");
    private static final java.util.regex.Pattern BLANK_PAIR = java.util.regex.Pattern.compile(
            "(?:<[^<>:\\s]+>|\\[[A-Z][A-Z0-9_-]+]|[A-Z][A-Z0-9_]+):(?:<[^<>:\\s]+>|\\[[A-Z][A-Z0-9_-]+]|[A-Z][A-Z0-9_]+)");
    /** On a page, a word in capitals where the secret goes: PASSWORD, PASS, APIKEY. */
    private static final java.util.regex.Pattern CAPITALS_WORD = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{3,}");
    private static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile(
            "(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");

    private static final java.util.Set<String> NO_SECRET = java.util.Set.of("unused", "notused", "not-used", "not_used",
            "none", "n/a", "nopassword", "no-password", "no_password", "ignored", "placeholder", "redacted", "dummy");

    static boolean isStandIn(String value, boolean page) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String v = value.trim();
        return References.isCapitalsPlaceholder(v) || v.chars().allMatch(c -> c == '*' || c == '#' || c == '•')
                || MASKED.matcher(v).matches()
                // one letter repeated, as a redacted example writes it: xxx, yyy, zzz
                || v.length() >= 3 && Character.isLetter(v.charAt(0)) && v.chars().allMatch(c -> c == v.charAt(0))
                // a word that says no secret is there: a sink that needs none still takes the key
                || NO_SECRET.contains(v.toLowerCase(java.util.Locale.ROOT)) || NAMED_BLANK.matcher(v).matches()
                // user:password of blanks (<USER>:<PASSWORD>, [USER]:[PASSWORD], SR_USERNAME:PASSWORD)
                || BLANK_PAIR.matcher(v).matches() || BRACKETED_BLANK.matcher(v).matches()
                || SECRET_WORDS_BLANK.matcher(v).matches()
                || page && (STAND_IN.matcher(v).matches() || NAMES_ITSELF.matcher(v).matches()
                        || CAPITALS_WORD.matcher(v).matches()
                        // a user:password pair (basic.auth.user.info) whose password is a stand-in
                        || v.indexOf(':') > 0 && v.indexOf(':') == v.lastIndexOf(':')
                                && isStandIn(v.substring(v.indexOf(':') + 1), true));
    }

    /** A Java class name (org.apache.iceberg.aws.StaticCredentialsProvider): never a secret. */
    static boolean isClassName(String value) {
        return value != null && value.length() < 300 && CLASS_NAME.matcher(value.trim()).matches();
    }

    /**
     * A connector's name as a file name inside a reference: a colon ends the path, and a brace or a
     * dollar would be read as another reference, so a name such as {@code README:29} or
     * {@code ${NAME}} becomes {@code README-29}, {@code NAME}.
     */
    static String fileName(String connectorName) {
        String name = connectorName.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        return name.isEmpty() ? "connector" : name;
    }

    private static final java.util.regex.Pattern SPLICED_VARIABLE = java.util.regex.Pattern.compile("\\$\\{?[A-Za-z_]");

    /** A value that is one shell variable: {@code ${NAME}}, {@code ${NAME:-default}}, {@code $NAME}. */
    private static final java.util.regex.Pattern SHELL_VARIABLE = java.util.regex.Pattern.compile(
            "\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-=?+][^}]*)?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    /**
     * The variable of a value that is one shell variable in a file Kafka Connect is sent as it is
     * written (a REST body, a Strimzi resource, a standalone properties file), not in a script or
     * a page whose shell fills it in; null otherwise. Kafka Connect's ConfigTransformer resolves
     * only {@code ${provider:[path:]key}}: whether or not a tool fills the variable in first, the
     * secret is wrong or written down.
     */
    private static String unresolvedByConnect(Connector connector, ConfigEntry entry) {
        InputFormat format = entry.valueLocation().input().format();
        if (connector.runsOnDebeziumEngine() || connector.runsOnDebeziumServer()
                || connector.envelope().containsKey(Connector.IN_COMMAND)
                || format != InputFormat.JSON && format != InputFormat.YAML && format != InputFormat.PROPERTIES) {
            return null;
        }
        java.util.regex.Matcher variable = SHELL_VARIABLE.matcher(entry.text().strip());
        return variable.matches() ? (variable.group(1) != null ? variable.group(1) : variable.group(2)) : null;
    }

    private static boolean isPage(ConfigEntry entry) {
        InputFormat format = entry.keyLocation().input().format();
        return format == InputFormat.MARKDOWN || format == InputFormat.ASCIIDOC;
    }
}

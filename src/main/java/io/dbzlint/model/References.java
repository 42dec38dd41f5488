package io.dbzlint.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values that are not known until deploy time. Kafka Connect resolves config provider references
 * ({@code ${file:/path:key}}, {@code ${env:VAR}}, {@code ${directory:/dir:file}}, Strimzi's
 * {@code ${secrets:ns/name:key}} and {@code ${configmaps:ns/name:key}}) before the connector sees
 * the config; a shell or envsubst fills templates ({@code ${VAR}}, {@code ${VAR:-default}}, a
 * whole value {@code $VAR}) before it is deployed. Rules that judge a value leave such values alone.
 */
public final class References {

    /** Kafka's own syntax (ConfigTransformer): ${provider:[path:]key}. */
    private static final Pattern PROVIDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+):(?![-=?+])([^}]*)}");
    private static final Pattern TEMPLATE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*(?::?[-=?+][^}]*)?}");
    private static final Pattern WHOLE_VARIABLE = Pattern.compile("\\s*\\$[A-Za-z_][A-Za-z0-9_]*\\s*");
    /** Placeholders Debezium itself fills in, which are literal text to Kafka Connect and shells alike. */
    private static final String DEBEZIUM_PLACEHOLDER = "${routedByValue}";
    private static final Set<String> DEBEZIUM_PLACEHOLDERS = Set.of(DEBEZIUM_PLACEHOLDER);
    /** Providers whose references need a path and a key: ${file:/path:key}. */
    private static final Set<String> PATH_PROVIDERS = Set.of("file", "directory", "secrets", "configmaps");
    /** Providers whose references name a key only: ${env:VAR}. */
    private static final Set<String> KEY_PROVIDERS = Set.of("env");

    /** How a value is filled in. */
    public enum Kind {
        /** by Kafka Connect from a config provider, on the worker */
        PROVIDER,
        /** by a shell or a template tool, before deploy */
        TEMPLATE
    }

    /** One reference in a value, with where it sits in the value. */
    public record Reference(Kind kind, String text, String provider, String body, int start, int end) {
    }

    private References() {
    }

    /** Every reference in a value, in order. */
    public static List<Reference> find(String value) {
        if (value == null || value.indexOf('$') < 0) {
            return List.of();
        }
        List<Reference> found = new ArrayList<>(1);
        Matcher provider = PROVIDER.matcher(value);
        while (provider.find()) {
            found.add(new Reference(Kind.PROVIDER, provider.group(), provider.group(1), provider.group(2),
                    provider.start(), provider.end()));
        }
        Matcher template = TEMPLATE.matcher(value);
        while (template.find()) {
            if (!DEBEZIUM_PLACEHOLDERS.contains(template.group()) && !inside(found, template.start())) {
                found.add(new Reference(Kind.TEMPLATE, template.group(), null, null, template.start(),
                        template.end()));
            }
        }
        if (found.isEmpty() && WHOLE_VARIABLE.matcher(value).matches()) {
            found.add(new Reference(Kind.TEMPLATE, value.trim(), null, null, value.indexOf('$'),
                    value.indexOf('$') + value.trim().length()));
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    private static boolean inside(List<Reference> found, int at) {
        return found.stream().anyMatch(reference -> at >= reference.start() && at < reference.end());
    }

    /**
     * True when a value is, or holds, a reference: it is not known until deploy time. Asked of every
     * value, so a quick scan decides the common cases and only the rest go to {@link #find}.
     */
    public static boolean contains(String value) {
        if (value == null) {
            return false;
        }
        int dollar = value.indexOf('$');
        if (dollar < 0) {
            return false;
        }
        int brace = value.indexOf("${");
        if (brace < 0) {
            return WHOLE_VARIABLE.matcher(value).matches(); // only a whole value $VAR is a template
        }
        if (value.indexOf("${", brace + 2) < 0 && value.startsWith(DEBEZIUM_PLACEHOLDER, brace)
                && value.indexOf('$', brace + 1) < 0) {
            return false; // the one ${routedByValue} of an outbox route
        }
        if (!value.startsWith(DEBEZIUM_PLACEHOLDER, brace) && startsReference(value, brace + 2)) {
            return true; // ${name: or ${NAME}: a provider reference or a template, no regular expression needed
        }
        return !find(value).isEmpty();
    }

    /** True when a name of provider or variable characters follows, ended by : or } with a close after it. */
    private static boolean startsReference(String value, int from) {
        int i = from;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == ':' || c == '}') {
                return i > from && value.indexOf('}', i) >= 0;
            }
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
                return false;
            }
            i++;
        }
        return false;
    }

    /** True when a value holds a template that a shell fills in: unknown, and not comparable between files. */
    public static boolean hasTemplate(String value) {
        return value != null && value.indexOf('$') >= 0
                && find(value).stream().anyMatch(reference -> reference.kind() == Kind.TEMPLATE);
    }

    /**
     * What two connectors' values are compared by in uniqueness rules: the literal value, or the
     * text of config provider references (the same reference gives the same value on a worker);
     * empty for templates, which each deploy fills in its own way.
     */
    public static Optional<String> comparable(String value) {
        return value == null || hasTemplate(value) ? Optional.empty() : Optional.of(value.trim());
    }

    /** True when the whole value is one reference of the kind, and nothing else. */
    public static boolean isWhole(String value, Kind kind) {
        return isWhole(value, find(value), kind);
    }

    /** The same, given the references {@link #find} found in the value. */
    public static boolean isWhole(String value, List<Reference> found, Kind kind) {
        return found.size() == 1 && found.get(0).kind() == kind && found.get(0).text().equals(value.trim());
    }

    /**
     * What is wrong with a provider reference that Kafka Connect would leave unresolved, so the
     * connector receives the reference text itself; empty when it is well formed or of a provider
     * dbzlint does not know (a worker may configure any).
     */
    public static Optional<String> malformed(Reference reference) {
        if (reference.kind() != Kind.PROVIDER) {
            return Optional.empty();
        }
        String body = reference.body();
        int colon = body.lastIndexOf(':');
        if (PATH_PROVIDERS.contains(reference.provider())) {
            if (colon <= 0 || colon == body.length() - 1) {
                return Optional.of("has no key: write ${" + reference.provider() + ":PATH:KEY}");
            }
        } else if (KEY_PROVIDERS.contains(reference.provider())) {
            if (body.isEmpty()) {
                return Optional.of("names no variable: write ${env:VARIABLE}");
            }
            if (colon >= 0) {
                return Optional.of("has a path, which the env provider does not take: write ${env:VARIABLE}");
            }
        }
        return Optional.empty();
    }
}

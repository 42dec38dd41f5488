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
    /** ${NAME}, ${NAME:-default}, and a dotted ${connector.database.password} that Spring, Gradle or Ansible fills in. */
    private static final Pattern TEMPLATE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*(?::?[-=?+][^}]*)?}");
    /** A Java or C format specifier, %s or %2$d: the config is a template code fills in (String.format). */
    private static final Pattern FORMAT = Pattern.compile("(?<![A-Za-z0-9%])%(?:\\d{1,2}\\$)?[sd](?![A-Za-z0-9])");
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
        TEMPLATE,
        /** by a reader, by hand: a documentation placeholder such as {@code <password>}; never a value, never a secret */
        PLACEHOLDER
    }

    /** One reference in a value, with where it sits in the value. */
    public record Reference(Kind kind, String text, String provider, String body, int start, int end) {
    }

    private References() {
    }

    /** Every reference in a value, in order. */
    public static List<Reference> find(String value) {
        if (value == null) {
            return List.of();
        }
        if (value.indexOf('%') >= 0) {
            List<Reference> formats = formats(value);
            if (!formats.isEmpty()) {
                return formats;
            }
        }
        if (value.indexOf('$') < 0) {
            Reference placeholder = placeholder(value);
            return placeholder == null ? List.of() : List.of(placeholder);
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
        if (found.isEmpty()) {
            Reference placeholder = placeholder(value);
            if (placeholder != null) {
                found.add(placeholder);
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    /** A config provider reference that opens and never closes: ${file:/path:key without its brace. */
    private static final java.util.regex.Pattern UNCLOSED = java.util.regex.Pattern.compile(
            "\\$\\{[A-Za-z][A-Za-z0-9_.-]{0,40}:[^{}]*");

    /**
     * Whether a value is a config provider reference that is never closed: Kafka Connect's
     * ConfigTransformer matches only a closed one, so the connector gets the text itself.
     */
    public static boolean isUnclosedProviderReference(String value) {
        return value != null && value.indexOf('}') < 0 && UNCLOSED.matcher(value.trim()).matches();
    }

    /** True when a value holds a format specifier ({@code %s}): code fills it in, no deploy tool. */
    public static boolean hasFormatSpecifier(String value) {
        return value != null && value.indexOf('%') >= 0 && FORMAT.matcher(value).find();
    }

    private static List<Reference> formats(String value) {
        List<Reference> found = new ArrayList<>(1);
        Matcher format = FORMAT.matcher(value);
        while (format.find()) {
            found.add(new Reference(Kind.TEMPLATE, format.group(), null, null, format.start(), format.end()));
        }
        return found;
    }

    /**
     * A placeholder that a reader or a template tool replaces, as documentation and charts write
     * them: {@code {{ .Values.port }}} anywhere in the value, or a whole value {@code <password>},
     * {@code {port}} or {@code your-host}. Unknown, like a template: never judged, never compared.
     */
    static Reference placeholder(String value) {
        // asked of every value: most start with none of < { y and hold no brace, and are done here
        if (value.isEmpty()) {
            return null;
        }
        char lead = value.charAt(0);
        if (lead != '<' && lead != 'y' && lead != 'Y' && lead > ' ' && lead != '#' && (lead < 'A' || lead > 'Z')
                && lead != '_' && lead != '@' && lead != '[' && value.indexOf('{') < 0) {
            return null;
        }
        if (isToken(value)) {
            String whole = value.trim(); // a build or deploy script's to fill in: a template, as ${VAR}
            return new Reference(Kind.TEMPLATE, whole, null, null, value.indexOf(whole),
                    value.indexOf(whole) + whole.length());
        }
        if (isToDo(value)) {
            String whole = value.trim();
            return new Reference(Kind.PLACEHOLDER, whole, null, null, value.indexOf(whole),
                    value.indexOf(whole) + whole.length());
        }
        int open = value.indexOf("{{");
        if (open >= 0) {
            int close = value.indexOf("}}", open + 2);
            if (close > open) {
                return new Reference(Kind.PLACEHOLDER, value.substring(open, close + 2), null, null, open, close + 2);
            }
        }
        int start = 0;
        int end = value.length();
        while (start < end && Character.isWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        if (end - start < 3) {
            return null;
        }
        char first = value.charAt(start);
        char last = value.charAt(end - 1);
        boolean placeholder = first == '<' && last == '>' && value.indexOf('<', start + 1) < 0
                && value.indexOf('>', start + 1) == end - 1
                || first == '{' && last == '}' && isName(value, start + 1, end - 1)
                // [DATABASE_PASSWORD], [POSTGRES PORT]: a blank in capitals a reader or a sed fills in
                || first == '[' && last == ']' && isCapitals(value, start + 1, end - 1)
                || value.regionMatches(true, start, "your", 0, 4) && end - start > 5
                        && "-_.".indexOf(value.charAt(start + 4)) >= 0;
        return placeholder ? new Reference(Kind.PLACEHOLDER, value.substring(start, end), null, null, start, end) : null;
    }

    private static boolean isCapitals(String value, int from, int to) {
        if (to - from < 2 || value.charAt(from) < 'A' || value.charAt(from) > 'Z') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            // [POSTGRES PORT]: words too
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern TOKEN = Pattern.compile("\\s*(?:__[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*__|@[A-Za-z][A-Za-z0-9_.-]*@)\\s*");

    /**
     * True for a whole value that a build or deploy script replaces as a token: {@code __DB_PASSWORD__}
     * (sed, Azure token replacement), {@code @db.password@} (Maven and Ant filtering).
     */
    static boolean isToken(String value) {
        return TOKEN.matcher(value).matches();
    }

    private static final Pattern TO_DO = Pattern.compile("\\s*(?:#\\s*)?(?:TODO|FIXME|TBD|CHANGEME|CHANGE_ME|REPLACE_ME)"
            + "(?![A-Za-z0-9]).*", Pattern.DOTALL);

    /**
     * True for a value that says it is still to be written: {@code TODO}, {@code # FIXME: the
     * password}, {@code CHANGEME}, as an exercise's template or a draft leaves it for a reader.
     */
    public static boolean isToDo(String value) {
        return value != null && TO_DO.matcher(value).matches();
    }

    /**
     * True for a whole value in capitals with an underscore ({@code NR_TASKS}, {@code PG_SLOT_NAME}):
     * on a documentation page, a placeholder for the reader to fill in.
     */
    public static boolean isCapitalsPlaceholder(String value) {
        String v = value.trim();
        if (v.isEmpty() || v.charAt(0) < 'A' || v.charAt(0) > 'Z' || v.indexOf('_') < 0 || v.endsWith("_")) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isName(String value, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
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
        if (value.indexOf('%') >= 0 && FORMAT.matcher(value).find()) {
            return true;
        }
        int dollar = value.indexOf('$');
        if (dollar < 0) {
            return placeholder(value) != null;
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
        return value != null && find(value).stream().anyMatch(reference -> reference.kind() != Kind.PROVIDER);
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

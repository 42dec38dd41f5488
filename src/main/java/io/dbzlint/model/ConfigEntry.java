package io.dbzlint.model;

import java.util.List;

import java.util.Objects;

/**
 * One key of a connector config with where it was written. Whether its value holds a reference or
 * a secret is worked out once, when first asked: a dozen rules ask, for most keys of every config.
 */
public final class ConfigEntry {

    private final String key;
    private final String text;
    private final ValueKind kind;
    private final Location keyLocation;
    private final Location valueLocation;
    /** 0 until asked, then 1 for no and 2 for yes: most entries are never asked one or the other. */
    private byte reference;
    private byte secret;
    /** The references in the value, found when first asked: several rules ask of the same value. */
    private List<References.Reference> references;

    /**
     * @param text the value as Kafka Connect sees it ({@code 184054} and {@code "184054"} both give
     *     "184054"); null for null, objects and arrays
     */
    public ConfigEntry(String key, String text, ValueKind kind, Location keyLocation, Location valueLocation) {
        this.key = Objects.requireNonNull(key);
        this.text = text;
        // a scalar kind without text (a YAML key with no value) is null, as Kafka Connect reads it
        this.kind = text == null && (kind == ValueKind.STRING || kind == ValueKind.NUMBER || kind == ValueKind.BOOLEAN)
                ? ValueKind.NULL : Objects.requireNonNull(kind);
        this.keyLocation = Objects.requireNonNull(keyLocation);
        this.valueLocation = Objects.requireNonNull(valueLocation);
    }

    public String key() {
        return key;
    }

    /** The value as Kafka Connect reads it; null for null, objects and arrays. */
    public String text() {
        return text;
    }

    public ValueKind kind() {
        return kind;
    }

    public Location keyLocation() {
        return keyLocation;
    }

    public Location valueLocation() {
        return valueLocation;
    }

    public boolean hasText() {
        return text != null;
    }

    /** True when the value is, or holds, a config provider reference or a template: unknown until deploy. */
    public boolean hasReference() {
        if (reference == 0) {
            // a benign race: every thread agrees
            reference = References.contains(text) || isDocumentationPlaceholder() ? (byte) 2 : (byte) 1;
        }
        return reference == 2;
    }

    /** Every reference in the value, in order (see {@link References#find}). */
    public List<References.Reference> references() {
        List<References.Reference> found = references;
        if (found == null) {
            found = References.find(text);
            if (found.isEmpty() && isDocumentationPlaceholder()) {
                found = List.of(new References.Reference(References.Kind.PLACEHOLDER, text.trim(), null, null,
                        text.indexOf(text.trim()), text.indexOf(text.trim()) + text.trim().length()));
            }
            references = found; // a benign race: every thread finds the same
        }
        return found;
    }

    /**
     * A value in capitals on a documentation page ({@code NR_TASKS}), or anywhere one that names its
     * own key ({@code SLOT_NAME} for slot.name, {@code POSTGRES_PORT} for database.port, which a
     * script fills in from an env file): a placeholder, not a value.
     */
    private boolean isDocumentationPlaceholder() {
        if (text == null || !References.isCapitalsPlaceholder(text)) {
            return false;
        }
        InputFormat format = keyLocation.input().format();
        return format == InputFormat.MARKDOWN || format == InputFormat.ASCIIDOC || namesItsKey();
    }

    /** Whether the value's last word is the key's last word, or the one begins the other: PORT, HOST(NAME). */
    private boolean namesItsKey() {
        String value = text.trim();
        String word = value.substring(value.lastIndexOf('_') + 1).toLowerCase(java.util.Locale.ROOT);
        String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        return word.length() >= 4 && (last.equals(word) || last.startsWith(word) || word.startsWith(last));
    }

    /**
     * True when the value holds a template that a shell fills in, or a placeholder a reader does
     * (see {@link References#hasTemplate}): not comparable between files.
     */
    public boolean hasTemplate() {
        return text != null && references().stream().anyMatch(found -> found.kind() != References.Kind.PROVIDER);
    }

    /** True when the value holds a documentation placeholder ({@code <password>}, {@code NR_TASKS}): no value at all. */
    public boolean hasPlaceholder() {
        return text != null && references().stream().anyMatch(found -> found.kind() == References.Kind.PLACEHOLDER);
    }

    /** True when the whole value is one config provider reference and nothing else. */
    public boolean isProviderReference() {
        return text != null && References.isWhole(text, references(), References.Kind.PROVIDER);
    }

    /** True when the value is set and known now: text without any reference. */
    public boolean isLiteral() {
        return text != null && !hasReference();
    }

    /** True for values that must never be printed: of a key named for a secret, or carrying one inside. */
    public boolean isSecret() {
        if (secret == 0) {
            secret = Secrets.isSecretKey(key) || Secrets.embedded(key, text).isPresent() ? (byte) 2 : (byte) 1;
        }
        return secret == 2;
    }

    /** Never the value: it may be a secret, and entries end up in test and debug output. */
    @Override
    public String toString() {
        return "ConfigEntry[" + key + " at " + keyLocation + "]";
    }
}

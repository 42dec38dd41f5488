package io.dbzlint.model;

/**
 * One key of a connector config with where it was written.
 *
 * @param text the value as Kafka Connect sees it ({@code 184054} and {@code "184054"} both give
 *     "184054"); null for null, objects and arrays
 */
public record ConfigEntry(String key, String text, ValueKind kind, Location keyLocation, Location valueLocation) {

    public boolean hasText() {
        return text != null;
    }

    /** True when the value is, or holds, a config provider reference or a template: unknown until deploy. */
    public boolean hasReference() {
        return References.contains(text);
    }

    /** True when the value is set and known now: text without any reference. */
    public boolean isLiteral() {
        return text != null && !hasReference();
    }

    /** True for values that must never be printed: of a key named for a secret, or carrying one inside. */
    public boolean isSecret() {
        return Secrets.isSecretKey(key) || Secrets.embedded(key, text).isPresent();
    }
}

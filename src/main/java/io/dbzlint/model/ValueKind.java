package io.dbzlint.model;

/** The JSON type a config value was written as. Kafka Connect accepts only the scalar ones. */
public enum ValueKind {
    STRING, NUMBER, BOOLEAN, NULL, OBJECT, ARRAY;

    /**
     * Whether two values of these kinds and the same text are one value as Kafka Connect takes a
     * config: every scalar as a string ({@code "1"} and {@code 1}, {@code "true"} and {@code true}).
     */
    public static boolean sameAsConnectReadsIt(ValueKind one, ValueKind other) {
        return one == other || one.scalarText() && other.scalarText();
    }

    private boolean scalarText() {
        return this == STRING || this == NUMBER || this == BOOLEAN;
    }

    public String article() {
        return switch (this) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
        };
    }
}

package io.dbzlint.model;

/** The JSON type a config value was written as. Kafka Connect accepts only the scalar ones. */
public enum ValueKind {
    STRING, NUMBER, BOOLEAN, NULL, OBJECT, ARRAY;

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

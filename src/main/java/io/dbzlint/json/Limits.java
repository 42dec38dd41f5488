package io.dbzlint.json;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * How much dbzlint reads of one input. Connector configs are small, flat documents; anything far
 * beyond these is not a connector config, or is an attack on the CI job that lints it. Each limit
 * gives a located finding (or a one-line error), never a crash or a hang. docs/security.md lists them.
 */
public final class Limits {

    /** Larger files are reported, not read. */
    public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;
    /** Objects and arrays inside each other; a REST body is 2 deep, a Kubernetes resource about 6. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Characters of one string, key or value. */
    public static final int MAX_STRING_LENGTH = 1024 * 1024;
    /** Digits of one number. */
    public static final int MAX_NUMBER_LENGTH = 1000;
    /** Keys in one file. */
    public static final int MAX_KEYS = 100_000;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(MAX_STRING_LENGTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxDocumentLength(MAX_FILE_BYTES)
            .build();

    private Limits() {
    }

    /** A JSON factory that enforces these limits while it parses. */
    public static JsonFactory jsonFactory() {
        return JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
    }

    /**
     * The same, accepting //, /* and # comments and trailing commas: connector files are read with it,
     * so that a learner's commented body is still linted; the comments are reported on their own.
     */
    public static JsonFactory lenientJsonFactory() {
        return JsonFactory.builder().streamReadConstraints(CONSTRAINTS)
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                .build();
    }

    public static StreamReadConstraints constraints() {
        return CONSTRAINTS;
    }

    /** A limit the parser hit, in dbzlint's words. */
    public static String describe(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return "nested more than " + MAX_NESTING_DEPTH + " levels deep; a connector config is two or three"
                    + " levels deep";
        }
        if (message.contains("Number value length")) {
            return "a number of more than " + MAX_NUMBER_LENGTH + " digits";
        }
        if (message.contains("Name length")) {
            return "a key of more than " + MAX_STRING_LENGTH + " characters";
        }
        if (message.contains("String value length")) {
            return "a string of more than " + MAX_STRING_LENGTH + " characters";
        }
        if (message.contains("Document length")) {
            return "more than " + MAX_FILE_BYTES + " bytes";
        }
        return "beyond what dbzlint reads";
    }

    /** A size in MiB for messages: 8 MiB, 50.3 MiB. */
    public static String mebibytes(long bytes) {
        double mib = bytes / (1024.0 * 1024.0);
        return (mib == Math.rint(mib) ? String.valueOf((long) mib) : String.format(java.util.Locale.ROOT, "%.1f", mib))
                + " MiB";
    }
}

package io.dbzlint.json;

import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;

/**
 * Pretty JSON output on the streaming generator: two-space indent, "key": value, "\n" line ends
 * on every OS. A databind ObjectMapper would cost ~200 ms of start-up.
 */
public final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""))
                    .withArrayIndenter(INDENT)
                    .withObjectIndenter(INDENT);
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };

    private Json() {
    }

    public static JsonGenerator pretty(Writer out) {
        return FACTORY.createGenerator(PRETTY, out);
    }

    /** One line of JSON, as an HTTP body is written. */
    public static JsonGenerator compact(Writer out) {
        return FACTORY.createGenerator(ObjectWriteContext.empty(), out);
    }
}

package io.dbzlint.cli;

import io.dbzlint.model.InputFormat;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** --input-format by the names users type: json, yaml, properties, shell, markdown, asciidoc, http. */
final class InputFormatConverter implements ITypeConverter<InputFormat> {

    @Override
    public InputFormat convert(String value) {
        return InputFormat.fromId(value).orElseThrow(() -> new TypeConversionException(
                "expected one of " + String.join(", ", new Names()) + ", but was '" + value + "'"));
    }

    /** The names, in help and completion. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(InputFormat.values()).map(InputFormat::id).iterator();
        }
    }
}

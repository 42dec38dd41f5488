package io.dbzlint.cli;

import io.dbzlint.report.Format;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** One --format value: a format, and the file it goes to (null for standard output). */
record OutputTarget(Format format, Path file) {

    /** Parses FORMAT or FORMAT=FILE. */
    static final class Converter implements ITypeConverter<OutputTarget> {
        @Override
        public OutputTarget convert(String value) {
            int equals = value.indexOf('=');
            String name = equals < 0 ? value : value.substring(0, equals);
            Format format = Format.fromName(name).orElseThrow(() -> new TypeConversionException(
                    "expected one of " + String.join(", ", new Names()) + ", optionally followed by =FILE,"
                            + " but was '" + value + "'"));
            if (equals < 0) {
                return new OutputTarget(format, null);
            }
            String file = value.substring(equals + 1);
            if (file.isBlank()) {
                throw new TypeConversionException("no file after '" + name + "=' in '" + value + "'");
            }
            return new OutputTarget(format, Path.of(file));
        }
    }

    /** Format names as users type them, in help and errors alike. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Format.values()).map(Format::toString).iterator();
        }
    }
}

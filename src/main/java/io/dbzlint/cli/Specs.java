package io.dbzlint.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Pieces of a command model built in code rather than read from annotations. Reading picocli's
 * annotations makes the JVM generate a proxy class per annotation type at every start (no
 * class-data archive can hold them): about 60 ms of a 300 ms lint. The commands a plain lint
 * needs, the root and lint, are therefore built here; the others keep their annotations.
 */
final class Specs {

    private Specs() {
    }

    /** -h/--help and -V/--version, worded as picocli's mixinStandardHelpOptions words them. */
    static void addStandardHelpOptions(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        spec.versionProvider(new Version());
    }

    /** A binding of an option or parameter to a field of the command, as a getter and a setter. */
    static <V> Binding<V> field(Supplier<V> getter, Consumer<V> setter) {
        return new Binding<>(getter, setter);
    }

    static final class Binding<V> implements IGetter, ISetter {
        private final Supplier<V> getter;
        private final Consumer<V> setter;

        private Binding(Supplier<V> getter, Consumer<V> setter) {
            this.getter = getter;
            this.setter = setter;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) getter.get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            T previous = (T) getter.get();
            setter.accept((V) value);
            return previous;
        }
    }
}

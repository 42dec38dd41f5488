package io.dbzlint.load;

import io.dbzlint.model.InputId;
import java.util.List;

/**
 * Reads one input format into connectors, with the place of every key and value, and the
 * problems met on the way. One implementation per format, registered in {@link Readers}.
 */
public interface FormatReader {

    LoadedFile read(InputId input, byte[] bytes);

    /** A reader of text: the bytes are decoded first, and bytes that are not UTF-8 are a parse error at their place. */
    abstract class Text implements FormatReader {

        @Override
        public final LoadedFile read(InputId input, byte[] bytes) {
            String text;
            try {
                text = Utf8Text.decode(bytes);
            } catch (Utf8Text.Invalid e) {
                return new LoadedFile(input, List.of(), List.of(e.problem(input)));
            }
            return read(input, text);
        }

        protected abstract LoadedFile read(InputId input, String text);
    }
}

package io.dbzlint.load;

import static io.dbzlint.Generators.forAll;
import static io.dbzlint.Generators.oneOf;
import static io.dbzlint.Generators.size;
import static io.dbzlint.Generators.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The reader must give exactly what java.util.Properties gives, plus where each key and value is. */
class PropertiesReaderTest {

    private static final InputId FILE = InputId.named("c.properties");
    private static final List<String> PIECES = List.of("a", "key", "database.port", "x.y", "é", " ", "\t", "=", ":",
            "\\", "\\\\", "\\=", "\\:", "\\ ", "\\n", "\\t", "\\u0041", "#", "!", "\n", "\r\n", "\r", "\\\n",
            "\\\r\n", "\\\n   ", "\f", "value", "${file:/x:y}", "inventory\\.orders");
    /** A backslash-u escape without four hex digits, which Properties.load refuses. */
    private static final Pattern BAD_UNICODE_ESCAPE = Pattern.compile("\\\\u(?![0-9a-fA-F]{4})");

    @Test
    void should_read_what_java_util_properties_reads() {
        forAll(2000, PropertiesReaderTest::propertiesText, text -> {
            Properties expected = new Properties();
            expected.load(new StringReader(text));

            Map<String, String> actual = new LinkedHashMap<>();
            PropertiesReader.read(FILE, text).forEach(p -> actual.put(p.key(), p.value()));

            assertThat(actual).containsExactlyInAnyOrderEntriesOf(toMap(expected));
        });
    }

    /** Up to 30 pieces, each a token of the syntax or a short run of its special characters. */
    private static String propertiesText(Random random) {
        while (true) {
            StringBuilder text = new StringBuilder();
            for (int i = size(random, 0, 30); i > 0; i--) {
                text.append(random.nextBoolean() ? oneOf(random, PIECES) : string(random, "ab =:\\#!\n\t", 0, 6));
            }
            if (!BAD_UNICODE_ESCAPE.matcher(text).find()) {
                return text.toString();
            }
        }
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    @Test
    void should_place_keys_and_values_across_continuations_and_separators() {
        List<PropertiesReader.Property> read = PropertiesReader.read(FILE,
                "# comment\n  a.key = first,\\\n      second\nb:c\n\\ d e\n");

        assertThat(read).extracting(PropertiesReader.Property::key).containsExactly("a.key", "b", " d");
        assertThat(read.get(0).value()).isEqualTo("first,second");
        assertThat(read.get(0).keyLocation()).isEqualTo(new Location(FILE, 2, 3, 2, 8));
        assertThat(read.get(0).valueLocation()).isEqualTo(new Location(FILE, 2, 11, 3, 13));
        assertThat(read.get(1).valueLocation()).isEqualTo(new Location(FILE, 4, 3, 4, 4));
        assertThat(read.get(2).keyLocation()).isEqualTo(new Location(FILE, 5, 1, 5, 4));
        assertThat(read.get(2).value()).isEqualTo("e");
    }
}

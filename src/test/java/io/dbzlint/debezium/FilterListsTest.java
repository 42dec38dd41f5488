package io.dbzlint.debezium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Include and exclude lists read as Debezium reads them: split at unescaped commas, and each
 * entry matched like a case-insensitive regular expression over the whole name, also where a
 * plain dotted name is matched without one.
 */
class FilterListsTest {

    @Property(tries = 2000)
    void a_plain_name_matches_exactly_what_its_regular_expression_matches(
            @ForAll("plainNames") String entry, @ForAll("names") String name) {
        FilterLists.Item item = FilterLists.split(entry).get(0);
        boolean regex = Pattern.compile(entry, Pattern.CASE_INSENSITIVE).matcher(name).matches();
        assertThat(item.matches(name)).as("%s against %s", entry, name).isEqualTo(regex);
    }

    @Property(tries = 1000)
    void a_plain_name_matches_what_its_regular_expression_matches_among_near_misses(
            @ForAll("plainNames") String entry) {
        String name = entry.replace("\\.", ".");
        List<String> variants = List.of(name, name.toUpperCase(java.util.Locale.ROOT),
                name.toLowerCase(java.util.Locale.ROOT), name.replace('k', '\u212A'), name.replace('I', '\u0131'),
                name.replace('i', '\u0130'), name.replace('.', 'x'), name.replace('.', '/'), name + "x",
                name.substring(0, name.length() - 1), "x" + name);
        FilterLists.Item item = FilterLists.split(entry).get(0);
        for (String variant : variants) {
            boolean regex = Pattern.compile(entry, Pattern.CASE_INSENSITIVE).matcher(variant).matches();
            assertThat(item.matches(variant)).as("%s against %s", entry, variant).isEqualTo(regex);
        }
    }

    @Property(tries = 500)
    void a_plain_name_matches_its_own_name_in_any_ascii_case(@ForAll("plainNames") String entry) {
        String name = entry.replace("\\.", ".");
        FilterLists.Item item = FilterLists.split(entry).get(0);
        assertThat(item.matches(name.toUpperCase(java.util.Locale.ROOT))).isTrue();
        assertThat(item.matches(name + "x")).isFalse();
    }

    @Property(tries = 3000)
    void a_plain_name_is_names_and_dots_split_at_the_dots(@ForAll("anyEntries") String entry) {
        boolean plain = Pattern.matches("[A-Za-z0-9_-]+(?:\\\\?\\.[A-Za-z0-9_-]+)*", entry);
        Optional<List<String>> parts = new FilterLists.Item(entry, 0, entry.length()).parts();
        assertThat(parts.isPresent()).as(entry).isEqualTo(plain);
        parts.ifPresent(found -> assertThat(found).as(entry)
                .containsExactly(entry.split("\\\\?\\.")));
    }

    @Provide
    Arbitrary<String> anyEntries() {
        return Arbitraries.strings().withChars("aZ9_-.\\$*").ofMinLength(0).ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> plainNames() {
        Arbitrary<String> part = Arbitraries.strings().withChars("aBc_1-kIi").ofMinLength(1).ofMaxLength(4);
        Arbitrary<String> dot = Arbitraries.of(".", "\\.");
        return Combinators.combine(part, dot, part, Arbitraries.integers().between(0, 2))
                .as((first, separator, second, shape) -> switch (shape) {
                    case 0 -> first;
                    case 1 -> first + separator + second;
                    default -> first + separator + second + "." + first;
                });
    }

    @Provide
    Arbitrary<String> names() {
        // near misses: the same characters, other case, other separators, and letters the
        // Unicode case folding would equate (Kelvin sign, dotless i) but the ASCII one does not
        return Arbitraries.strings().withChars("aAbBcC_1-.xK\u212A\u0131").ofMinLength(0).ofMaxLength(12);
    }

    @Test
    void should_split_where_debezium_splits_and_keep_an_escaped_comma_in_its_entry() {
        List<FilterLists.Item> items = FilterLists.split(" inventory\\.orders , a\\d{1\\,3} ,,");
        assertThat(items).extracting(FilterLists.Item::text).containsExactly("inventory\\.orders", "a\\d{1,3}");
        assertThat(items).extracting(FilterLists.Item::offset).containsExactly(1, 21);
        assertThat(items.get(1).valid()).isTrue();
        assertThat(items.get(1).matches("A123")).isTrue();
    }

    @Test
    void should_give_the_parts_of_plain_names_only() {
        assertThat(FilterLists.split("public.orders").get(0).parts()).contains(List.of("public", "orders"));
        assertThat(FilterLists.split("inventory\\.customers").get(0).parts()).contains(List.of("inventory", "customers"));
        assertThat(FilterLists.split("public.orders$").get(0).parts()).isEqualTo(Optional.empty());
        assertThat(FilterLists.split("public\\.user_.*").get(0).parts()).isEqualTo(Optional.empty());
    }

    @Test
    void should_report_an_expression_that_does_not_compile() {
        FilterLists.Item item = FilterLists.split("*.orders").get(0);
        assertThat(item.valid()).isFalse();
        assertThat(item.error()).contains("Dangling meta character");
        assertThat(item.matches("public.orders")).isFalse();
    }
}

package io.dbzlint.debezium;

import static io.dbzlint.Generators.between;
import static io.dbzlint.Generators.forAll;
import static io.dbzlint.Generators.oneOf;
import static io.dbzlint.Generators.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Include and exclude lists read as Debezium reads them: split at unescaped commas, and each
 * entry matched like a case-insensitive regular expression over the whole name, also where a
 * plain dotted name is matched without one.
 */
class FilterListsTest {

    record EntryAndName(String entry, String name) {
    }

    @Test
    void a_plain_name_matches_exactly_what_its_regular_expression_matches() {
        forAll(2000, random -> new EntryAndName(plainName(random), name(random)), pair -> {
            FilterLists.Item item = FilterLists.split(pair.entry()).get(0);
            boolean regex = Pattern.compile(pair.entry(), Pattern.CASE_INSENSITIVE).matcher(pair.name()).matches();
            assertThat(item.matches(pair.name())).isEqualTo(regex);
        });
    }

    @Test
    void a_plain_name_matches_what_its_regular_expression_matches_among_near_misses() {
        forAll(1000, FilterListsTest::plainName, entry -> {
            String name = entry.replace("\\.", ".");
            List<String> variants = List.of(name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT),
                    name.replace('k', '\u212A'), name.replace('I', '\u0131'), name.replace('i', '\u0130'),
                    name.replace('.', 'x'), name.replace('.', '/'), name + "x", name.substring(0, name.length() - 1),
                    "x" + name);
            FilterLists.Item item = FilterLists.split(entry).get(0);
            for (String variant : variants) {
                boolean regex = Pattern.compile(entry, Pattern.CASE_INSENSITIVE).matcher(variant).matches();
                assertThat(item.matches(variant)).as("against %s", variant).isEqualTo(regex);
            }
        });
    }

    @Test
    void a_plain_name_matches_its_own_name_in_any_ascii_case() {
        forAll(500, FilterListsTest::plainName, entry -> {
            String name = entry.replace("\\.", ".");
            FilterLists.Item item = FilterLists.split(entry).get(0);
            assertThat(item.matches(name.toUpperCase(Locale.ROOT))).isTrue();
            assertThat(item.matches(name + "x")).isFalse();
        });
    }

    @Test
    void a_plain_name_is_names_and_dots_split_at_the_dots() {
        forAll(3000, random -> string(random, "aZ9_-.\\$*", 0, 8), entry -> {
            boolean plain = Pattern.matches("[A-Za-z0-9_-]+(?:\\\\?\\.[A-Za-z0-9_-]+)*", entry);
            Optional<List<String>> parts = new FilterLists.Item(entry, 0, entry.length()).parts();
            assertThat(parts.isPresent()).isEqualTo(plain);
            parts.ifPresent(found -> assertThat(found).containsExactly(entry.split("\\\\?\\.")));
        });
    }

    /** One to three parts of name characters, joined by . or \., the third (the first again) by a dot. */
    private static String plainName(Random random) {
        String first = string(random, "aBc_1-kIi", 1, 4);
        String second = string(random, "aBc_1-kIi", 1, 4);
        String separator = oneOf(random, ".", "\\.");
        return switch (between(random, 0, 2)) {
            case 0 -> first;
            case 1 -> first + separator + second;
            default -> first + separator + second + "." + first;
        };
    }

    /**
     * Near misses: the same characters, other case, other separators, and letters the Unicode case
     * folding would equate (Kelvin sign, dotless i) but the ASCII one does not.
     */
    private static String name(Random random) {
        return string(random, "aAbBcC_1-.xK\u212A\u0131", 0, 12);
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

package io.dbzlint.rule;

import static io.dbzlint.Generators.between;
import static io.dbzlint.Generators.forAll;
import static io.dbzlint.Generators.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    record Case(String a, String b, int max) {
    }

    @Test
    void should_agree_with_the_full_distance_up_to_the_bound() {
        forAll(2000, random -> new Case(string(random, 12), string(random, 12), between(random, 0, 5)), c -> {
            int full = Suggestions.distance(c.a(), c.b());

            assertThat(Suggestions.distanceAtMost(c.a(), c.b(), c.max()))
                    .isEqualTo(Math.min(full, c.max() + 1));
        });
    }

    /** Every key with an x in place of one of its first 12 characters (or after its end): all 48 cases. */
    @Test
    void should_agree_on_near_misses() {
        for (String key : List.of("snapshot.mode", "database.hostname", "topic.prefix", "slot.name")) {
            for (int at = 0; at <= 11; at++) {
                String typo = key.substring(0, Math.min(at, key.length())) + "x"
                        + key.substring(Math.min(at + 1, key.length()));

                assertThat(Suggestions.distanceAtMost(key, typo, 3)).as(typo)
                        .isEqualTo(Math.min(Suggestions.distance(key, typo), 4));
            }
        }
    }

    /** On a small alphabet transpositions are common: the banded distance must still agree with the full one. */
    @Test
    void should_agree_with_the_full_distance_on_transpositions() {
        forAll(3000, random -> new Case(string(random, "ab.", 0, 10), string(random, "ab.", 0, 10),
                between(random, 0, 4)), c -> {
            int full = Suggestions.distance(c.a(), c.b());

            assertThat(full).as("against the textbook matrix").isEqualTo(textbook(c.a(), c.b()));
            assertThat(Suggestions.distanceAtMost(c.a(), c.b(), c.max()))
                    .isEqualTo(Math.min(full, c.max() + 1));
        });
    }

    @Test
    void should_count_a_transposition_of_adjacent_characters_as_one_edit() {
        assertThat(Suggestions.distance("event.kye", "event.key")).isEqualTo(1);
        assertThat(Suggestions.distance("event.kye", "event.type")).isEqualTo(2);
        assertThat(Suggestions.distance("ca", "abc")).as("optimal string alignment edits no substring twice")
                .isEqualTo(3);
        assertThat(Suggestions.distanceAtMost("snapshot.mdoe", "snapshot.mode", 1)).isEqualTo(1);
    }

    @Test
    void should_prefer_the_transposed_key_to_one_two_edits_away() {
        List<String> fields = List.of("table.field.event.type", "table.field.event.key", "table.field.event.id");

        assertThat(Suggestions.allNearest("table.field.event.kye", fields)).containsExactly("table.field.event.key");
    }

    @Test
    void should_give_every_key_at_the_least_distance_when_several_are_as_near() {
        List<String> lists = List.of("table.include.list", "table.exclude.list", "table.exclude.list.x");

        assertThat(Suggestions.allNearest("table.ixclude.list", lists))
                .containsExactly("table.include.list", "table.exclude.list");
        assertThat(Suggestions.either(List.of("a", "b", "c"))).isEqualTo("a, b or c");
        assertThat(Suggestions.allNearest("zzzzzzzz", lists)).isEmpty();
    }

    @Test
    void should_suggest_the_nearest_known_key() {
        assertThat(Suggestions.nearest("snapshot.mdoe", List.of("snapshot.mode", "snapshot.delay.ms")))
                .contains("snapshot.mode");
        assertThat(Suggestions.nearest("zzzzzzzz", List.of("snapshot.mode"))).isEmpty();
    }

    /** Optimal string alignment over the whole matrix, as the textbook writes it. */
    private static int textbook(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

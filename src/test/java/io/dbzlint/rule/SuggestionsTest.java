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

    @Test
    void should_suggest_the_nearest_known_key() {
        assertThat(Suggestions.nearest("snapshot.mdoe", List.of("snapshot.mode", "snapshot.delay.ms")))
                .contains("snapshot.mode");
        assertThat(Suggestions.nearest("zzzzzzzz", List.of("snapshot.mode"))).isEmpty();
    }
}

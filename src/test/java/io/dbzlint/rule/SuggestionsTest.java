package io.dbzlint.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Property(tries = 2000)
    void should_agree_with_the_full_distance_up_to_the_bound(
            @ForAll @StringLength(max = 12) String a, @ForAll @StringLength(max = 12) String b,
            @ForAll @IntRange(min = 0, max = 5) int max) {
        int full = Suggestions.distance(a, b);

        assertThat(Suggestions.distanceAtMost(a, b, max)).isEqualTo(Math.min(full, max + 1));
    }

    @Property(tries = 1000)
    void should_agree_on_near_misses(@ForAll("keys") String key, @ForAll @IntRange(min = 0, max = 11) int at) {
        String typo = key.substring(0, Math.min(at, key.length())) + "x" + key.substring(Math.min(at + 1, key.length()));

        assertThat(Suggestions.distanceAtMost(key, typo, 3)).isEqualTo(Math.min(Suggestions.distance(key, typo), 4));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> keys() {
        return net.jqwik.api.Arbitraries.of("snapshot.mode", "database.hostname", "topic.prefix", "slot.name");
    }

    @Test
    void should_suggest_the_nearest_known_key() {
        assertThat(Suggestions.nearest("snapshot.mdoe", List.of("snapshot.mode", "snapshot.delay.ms")))
                .contains("snapshot.mode");
        assertThat(Suggestions.nearest("zzzzzzzz", List.of("snapshot.mode"))).isEmpty();
    }
}

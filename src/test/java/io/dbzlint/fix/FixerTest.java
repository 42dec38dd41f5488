package io.dbzlint.fix;

import io.dbzlint.source.Input;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import io.dbzlint.result.Finding;
import io.dbzlint.result.Fix;
import io.dbzlint.result.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixerTest {

    @TempDir
    Path dir;

    private final InputId input = InputId.named("c.properties");

    @Test
    void should_leave_a_file_that_changed_since_it_was_linted() throws IOException {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "a=1\ntable.whitelist=x\n");
        Finding stale = finding(Fix.renameKey(new Location(input, 1, 1, 1, 16), "table.whitelist", "table.include.list"));
        Finding current = finding(Fix.renameKey(new Location(input, 2, 1, 2, 16), "table.whitelist", "table.include.list"));

        assertThat(Fixer.plan(List.of(stale), Fix.Safety.SAFE, id -> Optional.of(Input.of(file, id)))).isEmpty();
        assertThat(Fixer.plan(List.of(current), Fix.Safety.SAFE, id -> Optional.of(Input.of(file, id))))
                .singleElement().satisfies(plan -> assertThat(plan.after()).isEqualTo("a=1\ntable.include.list=x\n"));
    }

    @Test
    void should_plan_two_hundred_thousand_fixes_of_one_file_without_comparing_each_with_each() throws IOException {
        int count = 200_000;
        StringBuilder text = new StringBuilder();
        List<Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            text.append("k").append(i).append("=v\n");
            String key = "k" + i;
            findings.add(finding(Fix.renameKey(new Location(input, i + 1, 1, i + 1, key.length() + 1), key, "n" + i)));
        }
        // two fixes of one token: the first wins, the other is left
        findings.add(finding(Fix.renameKey(new Location(input, 1, 1, 1, 3), "k0", "other")));
        Path file = dir.resolve("c.properties");
        Files.writeString(file, text);

        List<Fixer.FileFix> plan = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(20), () -> Fixer.plan(findings, Fix.Safety.SAFE, id -> Optional.of(Input.of(file, id))));

        assertThat(plan).singleElement().satisfies(fix -> {
            assertThat(fix.applied()).isEqualTo(count);
            assertThat(fix.after()).startsWith("n0=v\nn1=v\n");
        });
    }

    @Test
    void should_apply_an_unsafe_fix_only_when_unsafe_fixes_are_allowed() throws IOException {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "snapshot.mdoe=initial\ntable.whitelist=x\n");
        Finding typo = finding(Fix.renameKey(new Location(input, 1, 1, 1, 14), "snapshot.mdoe", "snapshot.mode")
                .map(Fix::unsafe));
        Finding renamed = finding(Fix.renameKey(new Location(input, 2, 1, 2, 16), "table.whitelist", "table.include.list"));

        assertThat(Fixer.plan(List.of(typo, renamed), Fix.Safety.SAFE, id -> Optional.of(Input.of(file, id))))
                .singleElement().satisfies(plan -> assertThat(plan.after())
                        .isEqualTo("snapshot.mdoe=initial\ntable.include.list=x\n"));
        assertThat(Fixer.plan(List.of(typo, renamed), Fix.Safety.UNSAFE, id -> Optional.of(Input.of(file, id))))
                .singleElement().satisfies(plan -> assertThat(plan.after())
                        .isEqualTo("snapshot.mode=initial\ntable.include.list=x\n"));
    }

    @Test
    void should_count_a_lone_carriage_return_as_a_line_end() throws IOException {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "a=1\rtable.whitelist=x\r");
        Finding finding = finding(Fix.renameKey(new Location(input, 2, 1, 2, 16), "table.whitelist", "t"));

        assertThat(Fixer.plan(List.of(finding), Fix.Safety.SAFE, id -> Optional.of(Input.of(file, id))).get(0).after()).isEqualTo("a=1\rt=x\r");
    }

    @Test
    void should_narrow_a_quoted_token_and_refuse_one_with_escapes() {
        Location quoted = new Location(input, 3, 5, 3, 22); // "table.whitelist" with its quotes
        assertThat(Fix.renameKey(quoted, "table.whitelist", "x")).get()
                .extracting(Fix::range).isEqualTo(new Location(input, 3, 6, 3, 21));
        Location escaped = new Location(input, 3, 5, 3, 27); // "table.white\u006cist"
        assertThat(Fix.renameKey(escaped, "table.whitelist", "x")).isEmpty();
    }

    @Test
    void should_name_an_absolute_path_after_a_and_b_without_its_leading_slash_as_git_does() throws IOException {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "a=1\n");
        Fixer.FileFix plan = Fixer.plan(List.of(finding(Fix.replaceValue(new Location(input, 1, 3, 1, 4), "1", "2"))),
                Fix.Safety.SAFE, id -> Optional.of(Input.of(file, id))).get(0);

        assertThat(UnifiedDiff.of("/tmp/srv/c.properties", plan.before(), plan.edits()))
                .startsWith("--- a/tmp/srv/c.properties\n+++ b/tmp/srv/c.properties\n@@ -1,1 +1,1 @@\n-a=1\n+a=2\n");
    }

    @Test
    void should_diff_changed_lines_with_three_lines_of_context() throws IOException {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16");
        List<Finding> findings = List.of(
                finding(Fix.replaceValue(new Location(input, 5, 1, 5, 2), "5", "five")),
                finding(Fix.replaceValue(new Location(input, 16, 1, 16, 3), "16", "sixteen")));
        Fixer.FileFix plan = Fixer.plan(findings, Fix.Safety.SAFE, id -> Optional.of(Input.of(file, id))).get(0);

        assertThat(UnifiedDiff.of("f", plan.before(), plan.edits())).isEqualTo("""
                --- a/f
                +++ b/f
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8
                @@ -13,4 +13,4 @@
                 13
                 14
                 15
                -16
                \\ No newline at end of file
                +sixteen
                \\ No newline at end of file
                """);
    }

    @Test
    void should_remove_a_whole_line_and_count_it_in_later_hunks() throws IOException {
        Path file = dir.resolve("c.json");
        String text = "{\n  // a\n  \"x\": 1,\n\"y\": 2\n,\n\n\n\n\n\n\n\"z\": 3 // c\n}\n";
        Files.writeString(file, text);
        List<Finding> findings = List.of(
                finding(Optional.of(new Fix("remove", new Location(input, 2, 1, 3, 1), "  // a\n", "", null))),
                finding(Optional.of(new Fix("remove", new Location(input, 12, 7, 12, 12), " // c", "", null))));
        Fixer.FileFix plan = Fixer.plan(findings, Fix.Safety.SAFE, id -> Optional.of(Input.of(file, id))).get(0);

        assertThat(plan.after()).isEqualTo("{\n  \"x\": 1,\n\"y\": 2\n,\n\n\n\n\n\n\n\"z\": 3\n}\n");
        assertThat(UnifiedDiff.of("f", plan.before(), plan.edits())).isEqualTo("""
                --- a/f
                +++ b/f
                @@ -1,5 +1,4 @@
                 {
                -  // a
                   "x": 1,
                 "y": 2
                 ,
                @@ -9,5 +8,5 @@
                \s
                \s
                \s
                -"z": 3 // c
                +"z": 3
                 }
                """);
    }

    private Finding finding(Optional<Fix> fix) {
        return new Finding("deprecated-property", Severity.WARNING, fix.orElseThrow().range(), "c", "k", "m",
                List.of(), fix.orElseThrow());
    }
}

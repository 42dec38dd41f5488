package io.dbzlint.bench;

import io.dbzlint.load.InvalidFileException;
import io.dbzlint.load.Source;
import io.dbzlint.report.LintResult;
import io.dbzlint.rule.Linter;
import io.dbzlint.rule.RuleSet;
import io.dbzlint.rule.RuleSetLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine alone, in a warm JVM: parse and lint configs held in memory (no disk, no JVM start).
 * Setup checks once that the planted collisions, and nothing else, are found.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmark {

    @Param({"10000"})
    public int configs;

    private List<Source> sources;
    private Linter linter;

    @Setup(Level.Trial)
    public void setUp() throws IOException, InvalidFileException {
        sources = ConfigGenerator.generate(configs).stream()
                .map(file -> Source.ofBytes(file.name(), file.json().getBytes(StandardCharsets.UTF_8)))
                .toList();
        Path rules = Files.createTempFile("dbzlint-bench", ".json");
        Files.writeString(rules, ConfigGenerator.rulesFile(configs));
        RuleSet ruleSet = RuleSetLoader.withOverrides(rules);
        Files.delete(rules);
        linter = new Linter(ruleSet);

        Map<String, Integer> found = new TreeMap<>();
        linter.lint(sources).findings().forEach(f -> found.merge(f.ruleId(), 1, Integer::sum));
        if (!found.equals(ConfigGenerator.expected(configs))) {
            throw new IllegalStateException("wrong answer: found " + found + ", expected "
                    + ConfigGenerator.expected(configs));
        }
    }

    @Benchmark
    public LintResult lint() {
        return linter.lint(sources);
    }
}

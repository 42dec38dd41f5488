package io.dbzlint.bench;

import io.dbzlint.engine.LintRequest;
import io.dbzlint.engine.LintSession;
import io.dbzlint.engine.SessionException;
import io.dbzlint.source.Input;
import io.dbzlint.model.InputFormat;
import io.dbzlint.model.InputId;
import io.dbzlint.result.LintResult;
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
 * Setup checks once that the planted collisions, and nothing else, are found. Eight warm-up
 * iterations: on the 2-core development machine the C2 compiler needs about 15 s before an
 * iteration stops getting faster (1,400 ms down to 370 ms), and with three the result's error
 * was larger than the result.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmark {

    @Param({"10000"})
    public int configs;

    private List<Input> sources;
    private LintSession session;

    /** The same session the command line opens, with the generator's rules file; the configs are in memory. */
    @Setup(Level.Trial)
    public void setUp() throws IOException, SessionException {
        sources = ConfigGenerator.generate(configs).stream()
                .map(file -> Input.ofBytes(new InputId(file.name(), file.name(), InputFormat.JSON),
                        file.json().getBytes(StandardCharsets.UTF_8)))
                .toList();
        Path dir = Files.createTempDirectory("dbzlint-bench");
        Path rules = Files.writeString(dir.resolve("rules.json"), ConfigGenerator.rulesFile(configs));
        session = LintSession.open(new LintSession.Options(dir, null, true, rules, null, null, null, false, null));
        Files.delete(rules);
        Files.delete(dir);

        Map<String, Integer> found = new TreeMap<>();
        lint().findings().forEach(f -> found.merge(f.ruleId(), 1, Integer::sum));
        if (!found.equals(ConfigGenerator.expected(configs))) {
            throw new IllegalStateException("wrong answer: found " + found + ", expected "
                    + ConfigGenerator.expected(configs));
        }
    }

    @Benchmark
    public LintResult lint() throws SessionException {
        return session.run(LintRequest.of(sources)).result();
    }
}

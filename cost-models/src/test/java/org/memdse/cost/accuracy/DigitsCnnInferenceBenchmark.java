package org.memdse.cost.accuracy;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.memdse.core.arch.CircuitNoise;
import org.memdse.core.arch.NonIdealities;
import org.memdse.core.arch.ProgrammingFit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Functional inference of the digits CNN ({@link DigitsCnn}) over all 1,797 samples through the
 * modelled crossbars with every non-ideality on (6-bit ADCs with noise and offset, programming
 * error, read noise, drift, stuck-at faults, IR drop), the inputs in parallel on the common
 * fork-join pool. Target (issue 16): at most 5 s on 2 cores. The python3-sklearn digits when
 * installed, else {@link SyntheticDigits} (the same sizes). Not a surefire test; run it with:
 * <pre>
 * mvn -o -q -pl cost-models -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * java -cp cost-models/target/test-classes:cost-models/target/classes:dse-core/target/classes:$(cat cost-models/target/bench.cp) \
 *     org.memdse.cost.accuracy.DigitsCnnInferenceBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@Fork(1)
@Threads(1)
public class DigitsCnnInferenceBenchmark {
    private DigitsCnn cnn;
    private DigitsMlpTest.Digits digits;
    private LayerArithmetic[] layers;
    private long seed;

    @Setup
    public void setUp() throws java.io.IOException {
        digits = Files.isReadable(DigitsMlpTest.DIGITS) ? DigitsMlpTest.read() : SyntheticDigits.generate(11, 1797);
        cnn = new DigitsCnn(digits, 7, 15);
        NonIdealities d = new NonIdealities(ProgrammingFit.CONSTANT, 0.02, 0.01, 0.049, 0.008, 20, 3600, 0.001, 0.001,
                0.35);
        CircuitNoise c = new CircuitNoise(0.2, 0.3, 0);
        layers = new LayerArithmetic[] {TrainedLayersTest.arithmetic(9, 6, d, c), TrainedLayersTest.arithmetic(36, 6, d, c),
            TrainedLayersTest.arithmetic(32, 6, d, c)};
    }

    @Benchmark
    public double inferAll() {
        return cnn.crossbarAccuracy(digits, 7, layers, ++seed, null);
    }

    public static void main(String[] args) throws RunnerException {
        Options o = new OptionsBuilder().include(DigitsCnnInferenceBenchmark.class.getSimpleName()).build();
        new Runner(o).run();
    }
}

package org.memdse.cli.perf;

import java.util.concurrent.TimeUnit;
import org.memdse.architectures.Catalog;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.eval.EvaluationMode;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.read.NetworkReader;
import org.memdse.cost.evaluator.ArchitectureCosts;
import org.memdse.cost.evaluator.SystemEvaluator;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.mapping.SequentialMapper;
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
 * One training epoch of an already mapped VGG-8 on neurosim-v21-training priced in training mode
 * (the inference passes, then the learning pass: per sample forward, error, gradient and DRAM
 * staging, per batch the row-by-row writes, the epoch's totals and lifetime), one thread.
 * Target: under 5 ms (issue 14). {@code evaluateInference} prices the same mapping in inference
 * mode: the difference is what the learning pass adds. The median is the p0.50 line of the
 * sample-time output.
 *
 * <p>Not a surefire test (the name does not end in Test). Run it with (the reactor resolves the
 * other modules to their target/classes, so nothing is installed into ~/.m2):
 * <pre>
 * mvn -o -q -pl cli -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * java -cp cli/target/test-classes:cli/target/classes:$(cat cli/target/bench.cp) \
 *     org.memdse.cli.perf.EvaluateTrainingEpochBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class EvaluateTrainingEpochBenchmark {
    private SystemEvaluator training;
    private SystemEvaluator inference;
    private ArchitectureCosts costs;
    private NetworkGraph network;
    private Mapping mapping;

    @Setup
    public void setUp() {
        Catalog c = Catalog.bundled();
        Architecture a = ArchitectureReader.read(c.source(c.architecture("neurosim-v21-training").orElseThrow()));
        network = NetworkReader.read(c.source(c.network("vgg8-cifar10").orElseThrow()));
        mapping = ((MappingOutcome.Mapped) new SequentialMapper().map(a, network, MapperOptions.DEFAULT)).mapping();
        ComponentModelRegistry registry = ComponentModelRegistry.load();
        training = SystemEvaluator.forMode(registry, EvaluationMode.TRAINING);
        inference = SystemEvaluator.forMode(registry, EvaluationMode.INFERENCE);
        costs = ArchitectureCosts.of(a, registry);
        if (!(training.evaluate(costs, network, mapping, OpConvention.INT8).learning().energyPerEpochJ() > 0)) {
            throw new IllegalStateException("no training epoch priced");
        }
    }

    @Benchmark
    public Metrics evaluateTrainingEpoch() {
        return training.evaluate(costs, network, mapping, OpConvention.INT8);
    }

    @Benchmark
    public Metrics evaluateInference() {
        return inference.evaluate(costs, network, mapping, OpConvention.INT8);
    }

    public static void main(String[] args) throws RunnerException {
        Options o = new OptionsBuilder().include(EvaluateTrainingEpochBenchmark.class.getSimpleName()).build();
        new Runner(o).run();
    }
}

package org.memdse.cli.perf;

import java.util.concurrent.TimeUnit;
import org.memdse.architectures.Catalog;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.read.NetworkReader;
import org.memdse.cost.evaluator.AccuracyPass;
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
 * SystemEvaluator.evaluate(ArchitectureCosts, network, mapping, convention) for an already
 * mapped ResNet-18 on isaac-ce, one thread. Target: at most 1 ms (issue 5). The median is the
 * p0.50 line of the sample-time output.
 *
 * <p>Not a surefire test (the name does not end in Test). It lives in the cli module because
 * the mapping module's tests depend on architectures, so cost-models cannot use the
 * SequentialMapper without a Maven cycle. {@code evaluateWithoutAccuracy} runs the same passes less
 * the accuracy pass: the ratio of the two is what the analytic SNR budget adds to the hot path
 * (issue 16: at most 20 %). Run it with (the reactor resolves the other modules to their
 * target/classes, so nothing is installed into ~/.m2):
 * <pre>
 * mvn -o -q -pl cli -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * java -cp cli/target/test-classes:cli/target/classes:$(cat cli/target/bench.cp) \
 *     org.memdse.cli.perf.EvaluateResNet18Benchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class EvaluateResNet18Benchmark {
    private SystemEvaluator evaluator;
    private SystemEvaluator withoutAccuracy;
    private ArchitectureCosts costs;
    private NetworkGraph network;
    private Mapping mapping;

    @Setup
    public void setUp() {
        Catalog c = Catalog.bundled();
        Architecture a = ArchitectureReader.read(c.source(c.architecture("isaac-ce").orElseThrow()));
        network = NetworkReader.read(c.source(c.network("resnet18").orElseThrow()));
        mapping = ((MappingOutcome.Mapped) new SequentialMapper().map(a, network, MapperOptions.DEFAULT)).mapping();
        ComponentModelRegistry registry = ComponentModelRegistry.load();
        evaluator = new SystemEvaluator(registry);
        withoutAccuracy = new SystemEvaluator(registry, SystemEvaluator.INFERENCE.stream()
                .filter(p -> !(p instanceof AccuracyPass)).toList());
        costs = ArchitectureCosts.of(a, registry);
    }

    @Benchmark
    public Metrics evaluate() {
        return evaluator.evaluate(costs, network, mapping, OpConvention.INT16);
    }

    @Benchmark
    public Metrics evaluateWithoutAccuracy() {
        return withoutAccuracy.evaluate(costs, network, mapping, OpConvention.INT16);
    }

    public static void main(String[] args) throws RunnerException {
        Options o = new OptionsBuilder().include(EvaluateResNet18Benchmark.class.getSimpleName()).build();
        new Runner(o).run();
    }
}

package org.memdse.cli.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.memdse.architectures.Catalog;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Interconnect;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.TileArray;
import org.memdse.core.arch.Topology;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.mapping.sim.NetworkSimulator;
import org.memdse.mapping.topology.NetworkTopology;
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
 * {@link NetworkSimulator#run} of 10,000 packets of uniform random traffic on a 64-core 8 x 8 mesh
 * (fig4-hybrid's SNN core, one core a router) with the busiest link at 50 %, one thread. Target
 * (issue 15): under 2 s. Run it as {@link EvaluateResNet18Benchmark} says, with this class's name.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SimulateMeshBenchmark {
    private NetworkSimulator simulator;
    private List<NetworkSimulator.Flow> flows;

    @Setup
    public void setUp() {
        Catalog c = Catalog.bundled();
        Architecture base = ArchitectureReader.read(c.source(c.architecture("fig4-hybrid").orElseThrow()));
        TileArray snn = base.tileArrays().stream().filter(a -> a.template() instanceof SnnCoreTemplate).findFirst()
                .orElseThrow();
        OnChipNetwork noc = new OnChipNetwork(Topology.MESH, 1, OptionalInt.of(8), OptionalInt.of(8), 32,
                OptionalDouble.empty(), PublishedFigures.NONE, PublishedFigures.NONE);
        Architecture mesh = new Architecture("mesh-64", "", base.technology(), base.devices(), base.templates(),
                List.of(new TileArray(snn.name(), snn.template(), 64)), new Interconnect(noc,
                base.interconnect().spikes(), base.interconnect().chipToChip()));
        simulator = new NetworkSimulator(NetworkTopology.of(mesh), 3);
        List<NetworkSimulator.Flow> uniform = new ArrayList<>();
        for (int a = 0; a < 64; a++) {
            for (int b = 0; b < 64; b++) {
                if (a != b) {
                    uniform.add(new NetworkSimulator.Flow(a, b, 1));
                }
            }
        }
        flows = simulator.atUtilisation(uniform, 0.5);
    }

    @Benchmark
    public NetworkSimulator.Result simulate() {
        return simulator.run(flows, 10_000, 1);
    }

    public static void main(String[] args) throws RunnerException {
        Options o = new OptionsBuilder().include(SimulateMeshBenchmark.class.getSimpleName()).build();
        new Runner(o).run();
    }
}

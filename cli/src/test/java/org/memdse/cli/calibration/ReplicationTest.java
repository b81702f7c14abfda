package org.memdse.cli.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.memdse.core.arch.Architecture;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.cost.evaluator.SystemEvaluator;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.mapping.SequentialMapper;

/**
 * Weight replication priced end to end (map, then evaluate; it lives here because only the cli
 * module sees mapping and cost-models together): ResNet-18 on isaac-ce with its slowest layers
 * copied onto the crossbars it leaves free has a much shorter pipeline interval and a higher
 * throughput, and the same dynamic energy per inference, except on the interconnect (copies spread
 * the layers over more tiles, so their traffic travels further). The total differs by about the
 * static energy, which shrinks with the latency.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicationTest {
    /** Energy kinds that depend on where the units sit, not on how much work they do. */
    private static final Set<String> PLACEMENT_DEPENDENT = Set.of("static", "router", "link", "chip_link",
            "spike_router");

    private Metrics plain;
    private Metrics replicated;
    private Mapping replicatedMapping;
    private Architecture isaac;

    @BeforeAll
    void evaluate() {
        isaac = Pipeline.architecture("isaac-ce");
        NetworkGraph resnet = Pipeline.network("resnet18");
        plain = evaluate(isaac, resnet, map(isaac, resnet, MapperOptions.DEFAULT));
        replicatedMapping = map(isaac, resnet, MapperOptions.DEFAULT.withReplication(MapperOptions.Replication.BALANCE));
        replicated = evaluate(isaac, resnet, replicatedMapping);
        System.out.printf("resnet18/isaac-ce: pipeline interval %.4g -> %.4g ns, throughput %.4g -> %.4g /s, "
                        + "latency %.4g -> %.4g ns, energy %.4g -> %.4g pJ (static %.4g -> %.4g)%n",
                plain.pipelineIntervalS() * 1e9, replicated.pipelineIntervalS() * 1e9, plain.throughputPerSecond(),
                replicated.throughputPerSecond(), plain.latencyS() * 1e9, replicated.latencyS() * 1e9,
                plain.energyJ() * 1e12, replicated.energyJ() * 1e12, plain.energyByKind().get("static") * 1e12,
                replicated.energyByKind().get("static") * 1e12);
    }

    private static Mapping map(Architecture a, NetworkGraph g, MapperOptions options) {
        MappingOutcome o = new SequentialMapper().map(a, g, options);
        return ((MappingOutcome.Mapped) o).mapping();
    }

    private static Metrics evaluate(Architecture a, NetworkGraph g, Mapping m) {
        return new SystemEvaluator(ComponentModelRegistry.load()).evaluate(a, g, m, OpConvention.INT8);
    }

    @Test
    void copiesFillTheSpareCrossbarsButNoMore() {
        long blocks = replicatedMapping.units().stream().filter(CrossbarBlock.class::isInstance).count();
        assertThat(blocks).isGreaterThan(3115).isLessThanOrEqualTo(168L * 12 * 8);
        assertThat(replicated.crossbarUtilisation()).isGreaterThan(plain.crossbarUtilisation()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void thePipelineIntervalIsShorterAndTheThroughputHigher() {
        assertThat(replicated.pipelineIntervalS()).isLessThan(plain.pipelineIntervalS() / 100);
        assertThat(replicated.throughputPerSecond()).isGreaterThan(plain.throughputPerSecond() * 100);
        assertThat(replicated.latencyS()).isLessThan(plain.latencyS());
    }

    @Test
    void theWorkIsTheSameSoTheEnergyDiffersOnlyByStaticAndInterconnectEnergy() {
        for (String kind : plain.energyByKind().parts().keySet()) {
            if (!PLACEMENT_DEPENDENT.contains(kind)) {
                assertThat(replicated.energyByKind().get(kind)).as(kind)
                        .isCloseTo(plain.energyByKind().get(kind), Percentage.withPercentage(1e-6));
            }
        }
        double staticDifference = Math.abs(plain.energyByKind().get("static") - replicated.energyByKind().get("static"));
        assertThat(Math.abs(plain.energyJ() - replicated.energyJ())).isLessThanOrEqualTo(staticDifference);
        // The operations are those of one inference, whatever the copies.
        assertThat(replicated.ops()).isEqualTo(plain.ops());
    }
}

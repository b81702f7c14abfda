package org.memdse.core.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.network.ActivityDefaults;
import org.memdse.core.network.InputActivity;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.read.NetworkReader;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecSource;

/** Sweep paths that set a network's input-bit densities ({@code network.}...), not the architecture. */
class WorkloadVariantsTest {
    private static final NetworkGraph NET = NetworkReader.read(SpecSource.ofText("net.yaml", """
            name: net
            layers:
              - {name: in, kind: input, shape: [3, 8, 8]}
              - {name: conv1, kind: conv2d, out_channels: 4, kernel: 3, activation: relu}
              - {name: pool, kind: max-pool, kernel: 2}
              - {name: conv2, kind: conv2d, out_channels: 4, kernel: 1, activation: relu}
              - {name: flat, kind: flatten}
              - {name: fc, kind: linear, out_features: 2}
            """));

    private static SweepPlan read(String body) {
        return SweepReader.read(SpecSource.ofText("s.yaml", """
                name: t
                architecture: mini
                networks: net
                """ + body));
    }

    private static Architecture mini() throws URISyntaxException {
        return ArchitectureReader.read(Path.of(WorkloadVariantsTest.class
                .getResource("/org/memdse/core/arch/read/minimal.yaml").toURI()));
    }

    private static double density(NetworkGraph g, String layer) {
        return g.inputActivities().get(layer).density();
    }

    @Test
    void aLayerPathSetsThatLayerAndTheNetworkPathTheOthersWithoutTheirOwn() throws Exception {
        SweepPlan plan = read("""
                parameters:
                  - {path: network.layers.conv2.input_bit_density, values: [0.05, 0.3]}
                  - {path: network.input_bit_density, values: [0.25, 1]}
                  - {path: templates.cim-tile.macro.adc.bits, values: [4, 6]}
                """);
        WorkloadVariants w = WorkloadVariants.of(List.of(NET), plan.parameters(), plan.variants());
        ArchitectureVariants chips = ArchitectureVariants.of(mini(), plan.parameters(), plan.variants());
        Sampler sampler = plan.sampler();
        assertThat(sampler.size()).isEqualTo(8);
        // the grid's last parameter changes fastest: point 2 is conv2 0.05, network 1, adc 4
        DesignPoint p = sampler.point(2);
        NetworkGraph g = w.apply(NET, p);
        assertThat(density(g, "conv2")).isEqualTo(0.05);
        assertThat(g.inputActivities().get("conv2").source()).isEqualTo(InputActivity.Source.LAYER);
        assertThat(density(g, "conv1")).isEqualTo(1.0);
        assertThat(density(g, "fc")).isEqualTo(1.0);
        // the network graph (and so the mapping) is shared; the chip gets only its own path
        assertThat(g.graph()).isSameAs(NET.graph());
        assertThat(chips.build(p)).isEqualTo(chips.build(sampler.point(0)));
        assertThat(density(w.apply(NET, sampler.point(4)), "conv2")).isEqualTo(0.3);
        // the loaded network is left as it is
        assertThat(density(NET, "conv2")).isEqualTo(ActivityDefaults.AFTER_RELU);
    }

    @Test
    void variantsSetDensitiesTooAndTiedNetworkPathsTakeOneValue() {
        SweepPlan plan = read("""
                parameters:
                  - path: network.layers.conv1.input_bit_density
                    tied: network.layers.fc.input_bit_density
                    range: {from: 0.1, to: 0.3, step: 0.1}
                variants:
                  - name: dense
                    set: {network.layers.conv2.input_bit_density: 0.9}
                  - name: base
                """);
        WorkloadVariants w = WorkloadVariants.of(List.of(NET), plan.parameters(), plan.variants());
        Sampler sampler = plan.sampler();
        NetworkGraph dense = w.apply(NET, sampler.point(1));
        assertThat(density(dense, "conv1")).isEqualTo(0.2);
        assertThat(density(dense, "fc")).isEqualTo(0.2);
        assertThat(density(dense, "conv2")).isEqualTo(0.9);
        NetworkGraph base = w.apply(NET, sampler.point(5));
        assertThat(density(base, "conv1")).isEqualTo(0.3);
        assertThat(density(base, "conv2")).isEqualTo(ActivityDefaults.AFTER_RELU);
    }

    @Test
    void aSweepWithoutNetworkPathsLeavesTheNetworksAlone() {
        SweepPlan plan = read("""
                parameters:
                  - {path: templates.cim-tile.macro.adc.bits, values: [4, 6]}
                """);
        WorkloadVariants w = WorkloadVariants.of(List.of(NET), plan.parameters(), plan.variants());
        assertThat(w.isEmpty()).isTrue();
        assertThat(w.apply(NET, plan.sampler().point(1))).isSameAs(NET);
    }

    @Test
    void everyMistakeIsReportedAtItsPlaceWithADidYouMean() {
        SweepPlan plan = read("""
                parameters:
                  - {path: network.layers.conv3.input_bit_density, values: [0.1]}
                  - {path: network.layers.pool.input_bit_density, values: [0.1]}
                  - {path: network.layers.conv1.input_bit_densty, values: [0.1]}
                  - {path: network.input_bit_density, values: [0.2, 1.5, abc]}
                  - path: network.layers.fc.input_bit_density
                    tied: templates.cim-tile.macro.adc.bits
                    values: [1]
                variants:
                  - {name: v, set: {network.layers.conv2.input_bit_density: 0}}
                """);
        assertThatThrownBy(() -> WorkloadVariants.of(List.of(NET), plan.parameters(), plan.variants()))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("s.yaml:5:12: error: network.layers.conv3.input_bit_density: no crossbar layer "
                        + "'conv3' in network net (did you mean 'conv1'?); crossbar layers there: conv1, conv2, fc")
                .hasMessageContaining("s.yaml:6:12: error: network.layers.pool.input_bit_density: layer 'pool' of "
                        + "network net is a max-pool layer, which drives no crossbar rows and takes no input-bit density")
                .hasMessageContaining("s.yaml:7:12: error: network.layers.conv1.input_bit_densty: not a network path "
                        + "(did you mean 'input_bit_density'?); network paths are network.input_bit_density and "
                        + "network.layers.NAME.input_bit_density (the share of input bits that are 1)")
                .hasMessageContaining("s.yaml:8:53: error: network.input_bit_density: expected the share of input bits "
                        + "that are 1, a number in (0, 1] such as 0.25; found '1.5'")
                .hasMessageContaining("found 'abc'")
                .hasMessageContaining("s.yaml:9:11: error: network.layers.fc.input_bit_density: a network path and an "
                        + "architecture path cannot be tied")
                .hasMessageContaining("s.yaml:13:61: error: network.layers.conv2.input_bit_density: expected the share "
                        + "of input bits that are 1, a number in (0, 1] such as 0.25; found '0'");
    }
}

package org.memdse.mapping.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.memdse.mapping.topology.NetworkTopology;

/**
 * {@code memdse simulate} on a board: packets between chips cross the board links, each a server
 * with its own time per flit (the flit over the link's lanes x width x frequency) and crossing
 * latency. neurosim-vgg8-2chip: two H-tree chips of 56 tiles on one board connection.
 */
class BoardSimulationTest {
    private static final int PACKETS = 20_000;
    private static final int SATURATION_PACKETS = 50_000;
    private static final double HOP_CYCLES = 1;
    /** One lane of 16 Gbit/s moves a 64-bit flit in 4 ns: 1.95 cycles of the chips' 2.05 ns link cycle. */
    private static final NetworkSimulator.BoardTiming NARROW = new NetworkSimulator.BoardTiming(1.95, 0.49);
    /** 64 lanes: 0.03 cycles per flit. */
    private static final NetworkSimulator.BoardTiming WIDE = new NetworkSimulator.BoardTiming(0.03, 0.49);

    private static NetworkTopology board() {
        return NetworkTopology.of(NetworkSimulatorTest.bundled("neurosim-vgg8-2chip"));
    }

    /** Every endpoint to every other on another router, chips alike, equally. */
    private static List<NetworkSimulator.Flow> uniform(NetworkTopology t) {
        List<NetworkSimulator.Flow> flows = new ArrayList<>();
        for (int a = 0; a < t.endpointCount(); a++) {
            for (int b = 0; b < t.endpointCount(); b++) {
                if (t.hops(a, b) > 0) {
                    flows.add(new NetworkSimulator.Flow(a, b, 1));
                }
            }
        }
        return flows;
    }

    @Test
    void packetsBetweenChipsGoToTheGatewayOverTheBoardAndOnFromTheOtherGateway() {
        NetworkTopology t = board();
        NetworkSimulator sim = new NetworkSimulator(t, HOP_CYCLES, NARROW);
        int perChip = t.chipTopology().links().size();
        int chipEndpoints = t.chipTopology().endpointCount();
        assertThat(t.chips()).isEqualTo(2);
        assertThat(sim.resources()).isEqualTo(t.links().size() + 2);
        // From the first tile of chip 0 to the last of chip 1: chip 0's links, one board link (0 -> 1), chip 1's links.
        List<Integer> path = sim.path(0, 2 * chipEndpoints - 1);
        List<Integer> board = path.stream().filter(sim::isBoardLink).toList();
        assertThat(board).containsExactly(t.links().size() + t.boardRoute(0, 1).get(0));
        int at = path.indexOf(board.get(0));
        assertThat(path.subList(0, at)).isNotEmpty().allMatch(l -> l < perChip);
        assertThat(path.subList(at + 1, path.size())).isNotEmpty().allMatch(l -> l >= perChip && l < 2 * perChip);
        // On one chip no board link is crossed, and chip 1's packets stay on chip 1's links.
        assertThat(sim.path(chipEndpoints, 2 * chipEndpoints - 1)).isNotEmpty()
                .allMatch(l -> l >= perChip && l < 2 * perChip);
        assertThatThrownBy(() -> new NetworkSimulator(t, HOP_CYCLES)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 chips");
    }

    @Test
    void theAnalyticModelAgreesWithTheSimulatorAcrossANarrowBoardLink() {
        NetworkTopology t = board();
        NetworkSimulator sim = new NetworkSimulator(t, HOP_CYCLES, NARROW);
        List<NetworkSimulator.Flow> flows = uniform(t);
        // The narrow board link is the busiest resource: both of its directions, before any on-chip link.
        double[] rho = sim.analyticUtilisation(flows);
        double board = Math.max(rho[t.links().size()], rho[t.links().size() + 1]);
        for (int l = 0; l < t.links().size(); l++) {
            assertThat(rho[l]).isLessThan(board);
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%5s %10s %10s %7s%n", "rho", "analytic",
                "simulated", "error"));
        double worst = 0;
        for (double u : new double[] {0.3, 0.5, 0.7}) {
            List<NetworkSimulator.Flow> offered = sim.atUtilisation(flows, u);
            NetworkSimulator.Result run = sim.run(offered, PACKETS, 1);
            double analytic = sim.analyticMeanLatency(offered);
            double error = run.meanLatency() / analytic - 1;
            table.append(String.format(Locale.ROOT, "%5.2f %10.3f %10.3f %+6.1f%%   board link %.3f%n", u, analytic,
                    run.meanLatency(), 100 * error, run.linkUtilisation()[t.links().size()]));
            worst = Math.max(worst, Math.abs(error));
            assertThat(run.linkUtilisation()[t.links().size()]).isCloseTo(u, org.assertj.core.api.Assertions.within(0.05));
        }
        double analytic = sim.atUtilisation(flows, 1).stream().mapToDouble(NetworkSimulator.Flow::rate).sum();
        double simulated = sim.saturationThroughput(flows, SATURATION_PACKETS, 1);
        table.append(String.format(Locale.ROOT, "%5s %10.4f %10.4f %+6.1f%%%n", "sat", analytic, simulated,
                100 * (simulated / analytic - 1)));
        System.out.println(table);
        assertThat(worst).as("mean latency below 70 %%%s", table).isLessThan(0.15);
        assertThat(Math.abs(simulated / analytic - 1)).as("saturation throughput%s", table).isLessThan(0.10);
    }

    @Test
    void aNarrowerBoardLinkLowersTheSaturationThroughputOfTrafficBetweenChips() {
        NetworkTopology t = board();
        List<NetworkSimulator.Flow> flows = uniform(t);
        NetworkSimulator narrow = new NetworkSimulator(t, HOP_CYCLES, NARROW);
        NetworkSimulator wide = new NetworkSimulator(t, HOP_CYCLES, WIDE);
        double narrowSaturation = narrow.saturationThroughput(flows, SATURATION_PACKETS, 1);
        double wideSaturation = wide.saturationThroughput(flows, SATURATION_PACKETS, 1);
        // At 64 lanes the chips' own trees bound the traffic; at one lane the board link does, about half as much.
        assertThat(narrowSaturation).isLessThan(0.6 * wideSaturation);
        // The same offered traffic waits longer behind the narrow link.
        List<NetworkSimulator.Flow> offered = wide.atUtilisation(flows, 0.3);
        assertThat(narrow.run(offered, PACKETS, 1).meanLatency()).isGreaterThan(wide.run(offered, PACKETS, 1).meanLatency());
    }
}

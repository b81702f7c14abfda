package org.memdse.cost.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.memdse.cost.evaluator.PassFixtures.FC;
import static org.memdse.cost.evaluator.PassFixtures.RELU;

import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.eval.LatencyCause;

/** The storage pass alone on the tiny chip: 32-bit tile buffers, 0.5 pJ and 1 ns per access. */
class StoragePassTest {
    private static final String GLOBAL_BUFFER = "  gb: {kind: global-buffer, memory: sram, capacity: 1 KiB, "
            + "width: 8 bit, banks: 2, energy: 0.4 pJ, latency: 1 ns, area: 50 um^2, leakage_power: 0 W}\n";

    @Test
    void aCrossbarLayerReadsItsInputsFromTheTileBufferAndWritesItsOutputsBack() {
        EvaluationLedger l = PassFixtures.run(PassFixtures.fc(PassFixtures.tiny(), false, 1), new StoragePass());
        // ceil(4 x 2 bit / 32 bit) = 1 read, ceil(2 x 2 / 32) = 1 write, 0.5 pJ each, on fc's one tile: 2 x 1 ns
        assertThat(l.energy(ComponentKind.BUFFER)).isCloseTo(1e-12, withinPercentage(1e-9));
        assertThat(l.layerEnergy(FC)).isCloseTo(1e-12, withinPercentage(1e-9));
        assertThat(l.duration(FC, LatencyCause.BUFFER)).isCloseTo(2e-9, withinPercentage(1e-9));
        assertThat(l.duration(FC, LatencyCause.GLOBAL_BUFFER)).isZero();
    }

    @Test
    void perWindowLoadingWritesEachWindowIntoTheBufferAndReadsItOut() {
        EvaluationLedger l = PassFixtures.run(PassFixtures.fc(PassFixtures.tiny("input_loading: per-window", "0 W", ""),
                false, 1), new StoragePass());
        // 1 vector x 4 rows x 2 bit = 8 bits written (1 access) and read (1 access), plus the output write
        assertThat(l.energy(ComponentKind.BUFFER)).isCloseTo(1.5e-12, withinPercentage(1e-9));
        // 16 bits moved in (1 access of 32 bits) + 4 bits out (1 access)
        assertThat(l.duration(FC, LatencyCause.BUFFER)).isCloseTo(2e-9, withinPercentage(1e-9));
    }

    @Test
    void elementWiseWorkUsesTheBuffersOfEveryTile() {
        EvaluationLedger l = PassFixtures.run(PassFixtures.fc(PassFixtures.tiny(), true, 1), new StoragePass());
        // relu: 2 x 2 bits read (1 access), 4 bits written (1 access): 1 pJ; over 2 tiles' 64 bits: 1 + 1 accesses
        assertThat(l.layerEnergy(RELU)).isCloseTo(1e-12, withinPercentage(1e-9));
        assertThat(l.duration(RELU, LatencyCause.BUFFER)).isCloseTo(2e-9, withinPercentage(1e-9));
    }

    @Test
    void aGlobalBufferSuppliesTheInputsAndTakesTheOutputsOneAccessOfAllBanksAtATime() {
        EvaluationLedger l = PassFixtures.run(PassFixtures.fc(PassFixtures.tiny("", "0 W", GLOBAL_BUFFER), false, 1),
                new StoragePass());
        // 8 input bits = 1 line of 8 bits, 4 output bits = 1 line: 2 x 0.4 pJ on top of the tile buffer's 1 pJ
        assertThat(l.energy(ComponentKind.BUFFER)).isCloseTo(1.8e-12, withinPercentage(1e-9));
        // 2 banks x 8 bits = 16 bits per access: 1 read + 1 write access x 1 ns
        assertThat(l.duration(FC, LatencyCause.GLOBAL_BUFFER)).isCloseTo(2e-9, withinPercentage(1e-9));
    }

    @Test
    void analogTransferNeitherWritesTheFirstLayersOutputsNorReadsTheSecondsInputs() {
        EvaluationLedger l = PassFixtures.run(PassFixtures.twoLayers(PassFixtures.tiny("analog_transfer: true", "0 W", "")),
                new StoragePass());
        // fc1 reads its 16 input bits (1 access); fc2 writes its 4 output bits (1 access)
        assertThat(l.energy(ComponentKind.BUFFER)).isCloseTo(1e-12, withinPercentage(1e-9));
        assertThat(l.duration(1, LatencyCause.BUFFER)).isCloseTo(1e-9, withinPercentage(1e-9));
        assertThat(l.duration(2, LatencyCause.BUFFER)).isCloseTo(1e-9, withinPercentage(1e-9));
    }

    @Test
    void eachTileLoadsTheInputsOfTheRowsItHoldsAndTheLayerWaitsForTheBusiestTile() {
        Architecture tiny = PassFixtures.tiny();
        // Split by rows: each tile loads its 16 rows' inputs (32 bits, 1 access) and writes the 4
        // outputs' 8 bits (1 access): 2 ns. Split by columns: each tile needs all 32 inputs (64 bits,
        // 2 accesses) for its 2 outputs (4 bits, 1 access): 3 ns, although the layer moves the same bits.
        EvaluationLedger rows = PassFixtures.run(PassFixtures.wideFc(tiny, true), new StoragePass());
        EvaluationLedger cols = PassFixtures.run(PassFixtures.wideFc(tiny, false), new StoragePass());
        assertThat(rows.duration(FC, LatencyCause.BUFFER)).isCloseTo(2e-9, withinPercentage(1e-9));
        assertThat(cols.duration(FC, LatencyCause.BUFFER)).isCloseTo(3e-9, withinPercentage(1e-9));
        // The energy counts the layer's bits once either way: 2 reads + 1 write of 0.5 pJ.
        assertThat(rows.energy(ComponentKind.BUFFER)).isCloseTo(1.5e-12, withinPercentage(1e-9));
        assertThat(cols.energy(ComponentKind.BUFFER)).isCloseTo(1.5e-12, withinPercentage(1e-9));
    }

    @Test
    void tileSharesFollowTheDistinctRowsAndColumnsEachTileHolds() {
        MappedNetwork.CrossbarLayer byCols = (MappedNetwork.CrossbarLayer) PassFixtures.wideFc(PassFixtures.tiny(), false)
                .work(FC);
        assertThat(byCols.tileShares()).containsExactly(new MappedNetwork.TileShare(1, 0.5),
                new MappedNetwork.TileShare(1, 0.5));
        MappedNetwork.CrossbarLayer byRows = (MappedNetwork.CrossbarLayer) PassFixtures.wideFc(PassFixtures.tiny(), true)
                .work(FC);
        assertThat(byRows.tileShares()).containsExactly(new MappedNetwork.TileShare(0.5, 1),
                new MappedNetwork.TileShare(0.5, 1));
    }
}

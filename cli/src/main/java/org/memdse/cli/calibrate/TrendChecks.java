package org.memdse.cli.calibrate;

import static org.memdse.cli.calibrate.Expectation.down;
import static org.memdse.cli.calibrate.Expectation.unchanged;
import static org.memdse.cli.calibrate.Expectation.up;
import static org.memdse.cli.calibrate.TrendMetric.AREA;
import static org.memdse.cli.calibrate.TrendMetric.ARRAY_ENERGY;
import static org.memdse.cli.calibrate.TrendMetric.DRIVER_ENERGY;
import static org.memdse.cli.calibrate.TrendMetric.ENERGY;
import static org.memdse.cli.calibrate.TrendMetric.LATENCY;
import static org.memdse.cli.calibrate.TrendMetric.PIPELINE_INTERVAL;
import static org.memdse.cli.calibrate.TrendMetric.SPIKE_ENERGY;
import static org.memdse.cli.calibrate.TrendMetric.TOPS_PER_W;
import static org.memdse.cli.calibrate.TrendMetric.WIRE_ENERGY;

import java.util.List;

/**
 * The trend suite's checks, as data: one record per single-knob change on a bundled chip, each
 * metric's expected direction (and range, where the source gives one) with its source. NeuroSim
 * facts are read from DNN+NeuroSim V1.4's source and written out, with file and line, in
 * architectures/neurosim-v14-rram/SOURCE.md; derivations are written out in the source text.
 *
 * <p>To add a check: append a {@link TrendCheck} below. An expectation the models do not meet yet
 * is marked {@link Expectation#pending(String)} with what the model does not yet do; when a
 * modelling change makes it hold, remove the mark (the suite's test says which pending ones hold).
 */
public final class TrendChecks {
    public static final String V14 = "neurosim-v14-rram";
    static final String VGG8 = "vgg8-cifar10";
    private static final String TILE = "templates.neurosim-tile.";
    private static final String MACRO = TILE + "macro.";

    // ---- sources ---------------------------------------------------------------------------------

    static final String MLSA_AREA = "DNN+NeuroSim V1.4 MultilevelSenseAmp.cpp:176-177: MLSA area = (levelOutput - 1)"
            + " x converters x (9 NMOS + a dummy-column share), converters = columns / numColMuxed"
            + " (neurosim-v14-rram/SOURCE.md)";
    static final String MLSA_ENERGY = "DNN+NeuroSim V1.4 MultilevelSenseAmp.cpp, CalculatePower: energy per conversion"
            + " = a switching energy per level x (levelOutput - 1) + the column current over the conversion time";
    static final String MLSA_LATENCY = "DNN+NeuroSim V1.4 MultilevelSenseAmp.cpp:224-231 and ColumnLatency_Table"
            + " (22 nm, current mode): 0.902 / 0.952 / >= 1.052 ns per conversion at 4 / 5 / 6 bits"
            + " (neurosim-v14-rram/SOURCE.md, Clock)";
    static final String MLSA_SHARING = "DNN+NeuroSim V1.4 SubArray.cpp (numCol / numColMuxed MLSAs per subarray) and"
            + " MultilevelSenseAmp.cpp:230 (readLatency = conversion time x numColMuxed)";
    static final String MUX_ENERGY = "DNN+NeuroSim V1.4 SubArray.cpp CalculatePower (conventional parallel read): the"
            + " word lines are charged numColMuxed times per read (readDynamicEnergyArray *= numColMuxed) and"
            + " MultilevelSenseAmp.cpp counts each column's current over its own conversion: the same conversions,"
            + " twice the row drives";
    static final String MUX_ARRAY = "DNN+NeuroSim V1.4 MultilevelSenseAmp.cpp CalculatePower: each column's cell current"
            + " flows for its own conversion time, whichever slot of the shared converter it gets, so the cells'"
            + " energy does not depend on numColMuxed";
    static final String MUX_ROWS = "DNN+NeuroSim V1.4 SubArray.cpp CalculatePower: the word-line energy capRow x V^2"
            + " x rows x activity is multiplied by numColMuxed: 16 / 8 = 2x (+100 %)";
    static final String RATIO = "derivation: TOPS/W = ops / energy, and the op count does not change";
    static final String SAR = "DNN+NeuroSim V1.4 SarADC.cpp CalculateLatency: a SAR conversion takes log2(levelOutput)"
            + " + 1 comparator cycles (6 at 5 bits), a multi-level sense amplifier one comparison"
            + " (MultilevelSenseAmp.cpp), in a read of numColMuxed conversions";
    static final String RAMP = "derivation: a ramp (integrating) ADC counts up to 2^b steps per conversion, a"
            + " flash/sense-amplifier converter compares once";
    static final String CELL_FLOORPLAN = "DNN+NeuroSim V1.4 main.cpp:142 (numColPerSynapse = 8 / cellBit) and Chip.cpp"
            + " ChipFloorPlan: 4,768 instead of 9,472 subarrays at 2 bits per cell (neurosim-v14-rram/SOURCE.md)";
    static final String CELL_CONVERSIONS = "DNN+NeuroSim V1.4 main.cpp:142: half the columns per weight at 2 bits per"
            + " cell, so half the column conversions, shift-adds and cells read per MAC";
    static final String CELL_LATENCY = "DNN+NeuroSim V1.4 SubArray.cpp / MultilevelSenseAmp.cpp:230: a subarray's read"
            + " takes numColMuxed conversions whatever the cell's bits, and a layer's subarrays read in parallel; Tile.cpp:"
            + " each tile's input buffer loads the inputs of the rows it holds, and the cell's bits do not change them";
    static final String ARRAY_FLOORPLAN = "DNN+NeuroSim V1.4 Chip.cpp ChipFloorPlan: 3,456 subarrays of 256 x 256"
            + " instead of 9,472 of 128 x 128, each with twice the MLSAs (neurosim-v14-rram/SOURCE.md): converters"
            + " and row circuits per weight halve";
    static final String ARRAY_CONVERSIONS = "derivation: a column conversion sums all rows of the array; 256 rows halve"
            + " the row blocks of every layer taller than 128 rows, and with them the conversions and partial-sum"
            + " additions per MAC";
    static final String ARRAY_LATENCY = "DNN+NeuroSim V1.4 MultilevelSenseAmp.cpp:230: a read takes numColMuxed"
            + " conversions whatever the array size, and a layer's subarrays read in parallel; Tile.cpp: each tile's input"
            + " buffer loads the inputs of the rows it holds (numBitToLoadOut), Chip.cpp waits for the slowest tile";
    static final String ROWS_AREA = "DNN+NeuroSim V1.4 SubArray.cpp (Initialize): the array is rows x 4 F high, and"
            + " every row has a word-line switch and level shifters; the tile count stays";
    static final String COLS_AREA = "DNN+NeuroSim V1.4 SubArray.cpp: the array is cols x 12 F wide with cols /"
            + " numColMuxed MLSAs; the tile count stays";
    static final String NODE_AREA = "derivation: every transistor and cell area scales with F^2: (45 / 22)^2 = 4.18x;"
            + " parts that scale less (wires at a fixed pitch in F) give at least F: 2.05x";
    static final String NODE_ENERGY = "derivation: switched capacitance scales with F and energy with C V^2:"
            + " 45/22 x (1.0 V / 0.85 V)^2 = 2.83x (+183 %); between +100 % and +250 % with the parts that do not scale";
    static final String NODE_LATENCY = "DNN+NeuroSim V1.4 MultilevelSenseAmp.cpp ColumnLatency_Table: >= 1.80 ns per"
            + " conversion at 45 nm against 0.952 ns at 22 nm (+89 %), and gate delay (FO4) scales with F (+105 %);"
            + " the synchronous clock follows the sensing path (main.cpp:285-302): +50 % to +110 % with parts that"
            + " do not scale";
    static final String DAC_CYCLES = "derivation: a multi-bit DAC applies b input bits per cycle, so an 8-bit input"
            + " takes 8 / b cycles instead of 8 bit-serial ones";
    static final String PULSE_WIDTH = "derivation: a pulse-width input encodes an 8-bit value as up to 2^8 - 1 unit"
            + " pulses, against 8 bit-serial cycles";
    static final String BUFFER_WIDTH = "DNN+NeuroSim V1.4 Chip.cpp ChipCalculatePerformance: a buffer moves"
            + " bits / interface_width lines, one per cycle in synchronous mode; twice the width, half the lines";
    static final String MESH_AREA = "derivation: a mesh adds a router per endpoint (isaac-ce/architecture.yaml, ISAAC"
            + " Table I: 0.151 mm^2 per 8-port router), a bus none";
    static final String MESH_LATENCY = "derivation: at the same link width, a bus carries one transfer at a time and"
            + " a mesh many in parallel, so a layer's traffic takes no longer on the mesh";
    static final String BUS_WIDTH = "DNN+NeuroSim V1.4 XYBus.cpp, CalculateArea: the bus's channel is busWidth x"
            + " (a repeater's or a wire's width) / treeFoldedRatio wide, along every row and column of tiles";
    static final String DRIVER_NODE = "derivation: a row driver charges its line, C V^2, with C = columns x (the row"
            + " wire across a 12 F cell + an access transistor's gate) ∝ F, and a 1T1R word line swings to V_dd:"
            + " 45/22 x (1.0 V / 0.85 V)^2 = 2.83x (+183 %) per drive, the same drives (docs/reference/wires.md §6)";
    static final String WIRE_NODE = "derivation: a repeated wire's capacitance per length hardly changes with the node"
            + " (CACTI 7.0: 0.25 to 0.28 fF/um from 22 to 45 nm, wires.md §2) and its energy is C V^2: V^2 x1.38; its"
            + " length follows the floorplan, x2.05 with F: about x2.9 (+190 %), +100 % to +250 % with what does not scale";
    static final String ROW_LINE = "derivation: a row line's capacitance is ∝ its columns, and a weight matrix wider"
            + " than an array is split over arrays whose rows are all driven: 256 columns drive each input once over"
            + " 256 cells instead of twice over 128, the same line length (wires.md §6)";
    static final String BUS_VS_MESH_WIRES = "derivation: a bus transfer drives the bus between its two ends, on average a"
            + " third of a comb past every tile (about sqrt(148) / 3 = 4 chip sides), a mesh route the Manhattan"
            + " distance between its tiles (2/3 of a side on average; wires.md §4)";
    static final String HTREE_AREA = "derivation: at the same width an H-tree over N leaves lays out about 1.5 sqrt(N)"
            + " chip sides of wire per bit, a comb bus past N tiles (N - 1) / sqrt(N), about sqrt(N) (wires.md §4)";
    static final String MULTICAST = "derivation: multicast sends a spike once to each destination core, which fans it out"
            + " to its synapses (Loihi, Davies et al., IEEE Micro 2018; TrueNorth, Merolla et al., Science 2014); unicast"
            + " sends one packet per target neuron, so an inhibitory spike reaching 399 neurons on 4 cores costs ~100"
            + " packets instead of ~3";
    static final String HTREE_LATENCY = "derivation: at the same link width, a bus carries one transfer at a time and an"
            + " H-tree's links carry transfers between different subtrees in parallel";
    static final String CLOCK = "derivation: a synchronous circuit's time is its cycles x the clock period: twice the"
            + " period, twice the time (+100 %) for everything on the clock; the array's reads too, sensed in whole"
            + " cycles; more than +50 % with the parts off the clock (wires' flight time)";
    static final String INPUT_ACTIVITY = "DNN+NeuroSim V1.4 ProcessingUnit.cpp GetInputVector and GetColumnResistance:"
            + " activityRowRead = rows whose input bit is 1 / rows, and only those rows add their cells' conductance"
            + " to the column; VGG-8's post-ReLU layers (all but conv1, 99 % of its MACs) take 0.15 by default"
            + " (activity.md §2), so 0.5 / 0.15 = 3.33x at most (+233 %) and more than +200 % with conv1 at 0.5 in both";
    static final String ACTIVITY_TIME = "derivation: a bit-serial layer takes one read cycle per input bit whether the"
            + " bit is 1 or 0 (NeuroSim's numBitInput cycles); the density changes energy, not time";
    static final String CLOCK_ENERGY = "derivation: dynamic energy per operation does not depend on the clock; the"
            + " static share (about 1 % here) changes with the latency";


    private TrendChecks() {
    }

    /** Every check, in the order printed. */
    public static List<TrendCheck> all() {
        return List.of(
                TrendCheck.of("adc-bits-4", V14, VGG8, "ADC 5 -> 4 bits")
                        .set(MACRO + "adc.bits", "4")
                        .expect(AREA, down(MLSA_AREA))
                        .expect(ENERGY, down(MLSA_ENERGY))
                        .expect(TOPS_PER_W, up(RATIO))
                        .expect(LATENCY, down(MLSA_LATENCY).between(-0.053, 0))
                        .build(),
                TrendCheck.of("adc-bits-6", V14, VGG8, "ADC 5 -> 6 bits")
                        .set(MACRO + "adc.bits", "6")
                        .expect(AREA, up(MLSA_AREA))
                        .expect(ENERGY, up(MLSA_ENERGY))
                        .expect(TOPS_PER_W, down(RATIO))
                        .expect(LATENCY, up(MLSA_LATENCY))
                        .build(),
                TrendCheck.of("adc-kind-sar", V14, VGG8, "5-bit sense-amplifier (flash) -> SAR ADC")
                        .set(MACRO + "adc.kind", "sar")
                        .expect(LATENCY, up(SAR))
                        .expect(PIPELINE_INTERVAL, up(SAR))
                        .build(),
                TrendCheck.of("adc-kind-ramp", V14, VGG8, "5-bit sense-amplifier (flash) -> ramp ADC")
                        .set(MACRO + "adc.kind", "ramp")
                        .expect(LATENCY, up(RAMP))
                        .expect(PIPELINE_INTERVAL, up(RAMP))
                        .build(),
                TrendCheck.of("bits-per-cell-2", V14, VGG8, "1 -> 2 bits per cell (75 tiles, NeuroSim's floorplan)")
                        .set(MACRO + "crossbars.bits_per_cell", "2")
                        .set("devices.rram-neurosim-v14.levels", "4")
                        .set("subsystems.cim.count", "75")
                        .expect(AREA, down(CELL_FLOORPLAN))
                        .expect(ENERGY, down(CELL_CONVERSIONS))
                        .expect(TOPS_PER_W, up(RATIO))
                        .expect(LATENCY, unchanged(0.1, CELL_LATENCY))
                        .expect(PIPELINE_INTERVAL, unchanged(0.1, CELL_LATENCY))
                        .build(),
                TrendCheck.of("columns-per-adc-16", V14, VGG8, "8 -> 16 columns per ADC")
                        .set(MACRO + "adc.columns_per_adc", "16")
                        .set(MACRO + "shift_add.count", "128")
                        .expect(AREA, down(MLSA_AREA))
                        .expect(LATENCY, up(MLSA_SHARING).between(0, 1))
                        .expect(PIPELINE_INTERVAL, up(MLSA_SHARING).between(0, 1))
                        .expect(ENERGY, up(MUX_ENERGY))
                        .expect(TOPS_PER_W, down(RATIO))
                        .expect(ARRAY_ENERGY, unchanged(0.01, MUX_ARRAY))
                        .expect(DRIVER_ENERGY, up(MUX_ROWS).between(0.95, 1.05))
                        .build(),
                TrendCheck.of("node-45nm", V14, VGG8, "22 -> 45 nm (vdd 0.85 -> 1.0 V, v_read 0.55 -> 0.51 V)")
                        .set("technology.node", "45 nm")
                        .set("technology.vdd", "1.0 V")
                        .set("devices.rram-neurosim-v14.v_read", "0.51 V")
                        .expect(AREA, up(NODE_AREA).between(1.05, 3.18))
                        .expect(ENERGY, up(NODE_ENERGY).between(1.0, 2.5))
                        .expect(TOPS_PER_W, down(RATIO))
                        .expect(LATENCY, up(NODE_LATENCY).between(0.5, 1.1))
                        .expect(DRIVER_ENERGY, up(DRIVER_NODE).between(1.6, 2.1))
                        .expect(WIRE_ENERGY, up(WIRE_NODE).between(1.0, 2.5))
                        .build(),
                TrendCheck.of("array-256x256", V14, VGG8, "128 x 128 -> 256 x 256 arrays (54 tiles, NeuroSim's floorplan)")
                        .set(MACRO + "crossbars.rows", "256")
                        .set(MACRO + "crossbars.cols", "256")
                        .set(MACRO + "shift_add.count", "512")
                        .set("subsystems.cim.count", "54")
                        .expect(AREA, down(ARRAY_FLOORPLAN))
                        .expect(ENERGY, down(ARRAY_CONVERSIONS))
                        .expect(TOPS_PER_W, up(RATIO))
                        .expect(LATENCY, unchanged(0.15, ARRAY_LATENCY))
                        .expect(PIPELINE_INTERVAL, unchanged(0.15, ARRAY_LATENCY))
                        .build(),
                TrendCheck.of("array-rows-256", V14, VGG8, "128 -> 256 rows per array (same tiles)")
                        .set(MACRO + "crossbars.rows", "256")
                        .expect(AREA, up(ROWS_AREA))
                        .expect(ENERGY, down(ARRAY_CONVERSIONS))
                        .build(),
                TrendCheck.of("array-cols-256", V14, VGG8, "128 -> 256 columns per array (same tiles)")
                        .set(MACRO + "crossbars.cols", "256")
                        .set(MACRO + "shift_add.count", "512")
                        .expect(AREA, up(COLS_AREA))
                        .expect(DRIVER_ENERGY, unchanged(0.15, ROW_LINE))
                        .build(),
                TrendCheck.of("input-2-bit-dac", V14, VGG8, "bit-serial -> 2-bit DAC inputs")
                        .set(MACRO + "input_encoding", "multi-bit-dac")
                        .set(MACRO + "dac.bits", "2")
                        .expect(LATENCY, down(DAC_CYCLES))
                        .expect(PIPELINE_INTERVAL, down(DAC_CYCLES))
                        .build(),
                TrendCheck.of("input-pulse-width", V14, VGG8, "bit-serial -> pulse-width inputs")
                        .set(MACRO + "input_encoding", "pulse-width")
                        .set(MACRO + "dac", "~")
                        .expect(LATENCY, up(PULSE_WIDTH))
                        .expect(PIPELINE_INTERVAL, up(PULSE_WIDTH))
                        .build(),
                TrendCheck.of("tile-buffer-128-bit", V14, VGG8, "tile input buffer 64 -> 128 bits wide")
                        .set(TILE + "buffers[0].width", "128 bit")
                        .expect(LATENCY, down(BUFFER_WIDTH))
                        .expect(PIPELINE_INTERVAL, down(BUFFER_WIDTH))
                        .build(),
                TrendCheck.of("interconnect-mesh", V14, VGG8, "X-Y bus -> mesh between the tiles")
                        .set("interconnect.on_chip.topology", "mesh")
                        .expect(AREA, up(MESH_AREA))
                        .expect(LATENCY, down(MESH_LATENCY))
                        .expect(WIRE_ENERGY, down(BUS_VS_MESH_WIRES))
                        .build(),
                TrendCheck.of("interconnect-htree", V14, VGG8, "X-Y bus -> H-tree between the tiles")
                        .set("interconnect.on_chip.topology", "htree")
                        .expect(AREA, up(HTREE_AREA))
                        .expect(LATENCY, down(HTREE_LATENCY))
                        .expect(WIRE_ENERGY, down(BUS_VS_MESH_WIRES))
                        .build(),
                TrendCheck.of("spike-routing-unicast", "loihi-rram-snn", "diehl-cook-stdp",
                                "spike routing multicast -> unicast (the SNN chip, Diehl & Cook)")
                        .set("interconnect.spike_routing", "unicast")
                        .expect(SPIKE_ENERGY, up(MULTICAST).between(10, 1000))
                        .expect(ENERGY, up(MULTICAST))
                        .build(),
                TrendCheck.of("bus-width-2x", V14, VGG8, "X-Y bus 1,089 -> 2,178 bits wide")
                        .set("interconnect.on_chip.flit", "2178 bit")
                        .expect(AREA, up(BUS_WIDTH))
                        .build(),
                TrendCheck.of("clock-half", V14, VGG8, "clock auto (637.5 MHz, 1.4 x the sensing path) -> 318.75 MHz")
                        .set("technology.clock", "318.75 MHz")
                        // up to +100.1 %: the auto clock is 637.525 MHz, so 318.75 MHz is 0.004 % short of half
                        .expect(LATENCY, up(CLOCK).between(0.5, 1.001))
                        .expect(PIPELINE_INTERVAL, up(CLOCK).between(0.5, 1.001))
                        .expect(ENERGY, unchanged(0.05, CLOCK_ENERGY))
                        .build(),
                TrendCheck.of("input-bit-density-0.5", V14, VGG8, "input-bit density 0.15 after ReLU (the defaults) -> 0.5"
                                + " on every layer")
                        .set("network.input_bit_density", "0.5")
                        .expect(ARRAY_ENERGY, up(INPUT_ACTIVITY).between(2.0, 2.34))
                        .expect(DRIVER_ENERGY, up(INPUT_ACTIVITY).between(2.0, 2.34))
                        .expect(ENERGY, up(INPUT_ACTIVITY))
                        .expect(TOPS_PER_W, down(RATIO))
                        .expect(LATENCY, unchanged(0.01, ACTIVITY_TIME))
                        .build(),
                TrendCheck.of("vgg8-adc-bits-6", "neurosim-vgg8", VGG8, "ADC 5 -> 6 bits (the V1.3 example chip)")
                        .set(MACRO + "adc.bits", "6")
                        .expect(AREA, up(MLSA_AREA))
                        .expect(ENERGY, up(MLSA_ENERGY))
                        .expect(TOPS_PER_W, down(RATIO))
                        .build());
    }
}

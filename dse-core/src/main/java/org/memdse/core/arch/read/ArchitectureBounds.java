package org.memdse.core.arch.read;

import static org.memdse.core.units.Dimension.AREA;
import static org.memdse.core.units.Dimension.CONDUCTANCE;
import static org.memdse.core.units.Dimension.CURRENT;
import static org.memdse.core.units.Dimension.DIMENSIONLESS;
import static org.memdse.core.units.Dimension.ENERGY;
import static org.memdse.core.units.Dimension.FREQUENCY;
import static org.memdse.core.units.Dimension.LENGTH;
import static org.memdse.core.units.Dimension.POWER;
import static org.memdse.core.units.Dimension.RESISTANCE;
import static org.memdse.core.units.Dimension.TIME;
import static org.memdse.core.units.Dimension.VOLTAGE;

import java.util.LinkedHashMap;
import java.util.Map;
import org.memdse.core.spec.Bounds;

/**
 * Every number of an architecture description, in one table: the physically possible range
 * (outside it, reading is an error: no real chip has a 1 kV supply or a 1 m node, and values
 * near the double range would overflow the models) and the range the cost models are
 * calibrated in (outside it, a warning: the figure is extrapolated). Each entry says why.
 * The README's "Bounds" table is this table (a test keeps them equal).
 *
 * <p>A few limits are memdse's, not physics': the on-chip network keeps a table of hop
 * distances between every pair of routers and of endpoints, so their number is capped where
 * that table stays small (64 MiB).
 */
public final class ArchitectureBounds {
    private ArchitectureBounds() {
    }

    // ---- technology --------------------------------------------------------------------------

    public static final Bounds NODE = Bounds.quantity(LENGTH, 0.5e-9, 10e-6,
            "no transistor is smaller than the silicon lattice (0.54 nm); 10 um is the node of the first "
                    + "microprocessors (1971)")
            .calibrated(7e-9, 130e-9, "the scaling tables cover 7-130 nm (Stillmaker & Baas 2017); "
                    + "results outside are extrapolated by constant-field scaling");

    public static final Bounds VDD = Bounds.quantity(VOLTAGE, 0.05, 12,
            "CMOS logic stops switching below about 50 mV (a few kT/q); above 12 V, more than the 5 V of "
                    + "the oldest CMOS, gate oxides break down")
            .calibrated(0.5, 1.3, "the published figures were measured at 0.55-1.0 V and the supply "
                    + "scaling is a quadratic fit to 0.7-1.3 V nominal supplies; results outside are extrapolated");

    public static final Bounds CLOCK = Bounds.quantity(FREQUENCY, 1, 100e9,
            "no CMOS logic is clocked above 100 GHz (the fastest processors run below 10 GHz)")
            .calibrated(10e6, 5e9, "the cost figures come from chips clocked at 75 MHz (ODIN) to 1.2 GHz "
                    + "(ISAAC); clock-proportional figures are extrapolated outside");

    // ---- devices -----------------------------------------------------------------------------

    public static final Bounds RESISTANCE_STATE = Bounds.quantity(RESISTANCE, 1, 1e15,
            "below 1 Ohm a nanoscale cell is a short (one via alone has 1-10 Ohm); above 1e15 Ohm a 0.1 V "
                    + "read gives 100 aA, below any sense amplifier")
            .calibrated(1e3, 1e10, "published RRAM, PCM, FeFET and MRAM states lie in 1 kOhm-10 GOhm; "
                    + "the crossbar model (Ohm's law) ignores wire resistance, which matters at low resistances");

    /** The same states given as conductances (1/R of {@link #RESISTANCE_STATE}). */
    public static final Bounds CONDUCTANCE_STATE = Bounds.quantity(CONDUCTANCE, 1e-15, 1,
            "above 1 S a nanoscale cell is a short; below 1e-15 S a 0.1 V read gives 100 aA, below any "
                    + "sense amplifier")
            .calibrated(1e-10, 1e-3, "published RRAM, PCM, FeFET and MRAM states lie in 0.1 nS-1 mS; "
                    + "the crossbar model (Ohm's law) ignores wire resistance, which matters at high conductances");

    public static final Bounds LEVELS = Bounds.count(2, 1 << 16,
            "a cell holds at most 16 bits (bits_per_cell's limit); the most levels measured in one device are 2048 "
                    + "(Rao et al., Nature 2023)");

    public static final Bounds V_READ = Bounds.quantity(VOLTAGE, 1e-3, 10,
            "below 1 mV a read is lost in thermal noise; above 10 V any memristive film breaks down "
                    + "(forming takes 2-5 V)")
            .calibrated(0.05, 1, "published reads use 0.1-0.5 V, below the switching threshold; the models "
                    + "assume a read disturbs no cell");

    /** v_read / r_on: the current one cell in its on state draws during a read. */
    public static final Bounds CELL_READ_CURRENT = Bounds.quantity(CURRENT, 0, 10e-3,
            "10 mA through one nanoscale cell is ten times the largest programming compliance currents (~1 mA) "
                    + "and would melt its filament")
            .calibrated(0, 100e-6, "published cells read at 1-100 uA; NeuroSim's periphery model, which sizes the "
                    + "line switches for the read current, was built for such cells");

    public static final Bounds T_READ = Bounds.quantity(TIME, 1e-12, 1,
            "no array line charges in under 1 ps; a read pulse over 1 s is a retention test")
            .calibrated(1e-9, 1e-6, "published in-memory reads last 1 ns-1 us (NeuroSim 1-10 ns, ISAAC 100 ns)");

    public static final Bounds V_WRITE = Bounds.quantity(VOLTAGE, 0, 20,
            "flash programs at about 20 V, the most any on-chip oxide stands")
            .calibrated(0, 5, "the level-shifter model is NeuroSim's, built for write voltages of a few volts");

    public static final Bounds WRITE_ENERGY = Bounds.quantity(ENERGY, 0, 1e-6,
            "1 uJ in one pulse would heat a 100 nm cell by millions of kelvin; published pulses take fJ to nJ")
            .calibrated(0, 1e-9, "published RRAM, PCM and FeFET pulses take under 1 nJ");

    public static final Bounds WRITE_TIME = Bounds.quantity(TIME, 0, 1,
            "a programming pulse over 1 s is a retention test")
            .calibrated(0, 100e-6, "published programming pulses last 1 ns-100 us (ECRAM and FeFET at the slow end)");

    public static final Bounds ENDURANCE = Bounds.quantity(DIMENSIONLESS, 1, 1e17,
            "no device survives more than about 1e15 writes (STT-MRAM, the most durable)");

    public static final Bounds VARIABILITY = Bounds.quantity(DIMENSIONLESS, 0, 1,
            "a relative spread above 100 % leaves no level distinguishable: the device stores nothing");

    // ---- non-idealities (the accuracy budget) ---------------------------------------------------

    public static final Bounds PROGRAMMING_ERROR = Bounds.quantity(DIMENSIONLESS, 0, 1,
            "a relative spread above 100 % leaves no level distinguishable: the device stores nothing")
            .calibrated(0, 0.2, "published write-verify spreads are 1-10 % of G_max (NeuRRAM, aihwkit PCM); the "
                    + "budget's first-order propagation loses accuracy above 20 %");

    public static final Bounds READ_NOISE = Bounds.quantity(DIMENSIONLESS, 0, 1,
            "read noise above 100 % of the conductance leaves no read meaningful")
            .calibrated(0, 0.1, "published read noise is 1-4 % (aihwkit RRAM and PCM models)");

    public static final Bounds DRIFT_NU = Bounds.quantity(DIMENSIONLESS, 0, 1,
            "a drift exponent of 1 halves the conductance every doubling of time: nothing is retained")
            .calibrated(0, 0.12, "published PCM drift exponents lie in 0.005-0.1 (aihwkit clips the mean to 0.049-0.1)");

    public static final Bounds DRIFT_TIME = Bounds.quantity(TIME, 1e-9, 3.2e9,
            "a time after programming below 1 ns is inside the programming pulse; above 100 years no device is "
                    + "specified");

    public static final Bounds STUCK_AT = Bounds.quantity(DIMENSIONLESS, 0, 1,
            "a probability lies in 0..1")
            .calibrated(0, 0.2, "published faulty-cell shares are 0.1-20 % (MNSIM's default 0.1 %, HfO2 test chips "
                    + "~10 %); the budget treats faults as independent errors, which a mostly faulty array is not");

    public static final Bounds WIRE_RESISTANCE = Bounds.quantity(RESISTANCE, 0, 1e4,
            "a wire segment of one cell pitch (under 1 um) of even the thinnest metal is far below 10 kOhm")
            .calibrated(0, 20, "aihwkit's default is 0.35 Ohm per cell; the IR-drop closed form is first order "
                    + "and holds while the drop on a line stays below about 20 %");

    public static final Bounds ADC_NOISE = Bounds.quantity(DIMENSIONLESS, 0, 1e3,
            "an offset or noise of over 1000 LSB is no converter of the bits it claims")
            .calibrated(0, 2, "published SAR ADCs have offsets and noise of a fraction of an LSB to about 1 LSB");

    public static final Bounds TRANSFER_NOISE = Bounds.quantity(DIMENSIONLESS, 0, 1,
            "a transfer noise above 100 % of full scale leaves no value meaningful");

    // ---- device write parameters (write: under a device; docs/reference/learning.md) ----------------

    public static final Bounds WRITE_LEVELS = Bounds.count(2, 1 << 20,
            "more than 2^20 distinct pulse steps over one conductance range is below the noise of any device "
                    + "(the finest published preset, aihwkit's IdealizedPreset, has 10,000)")
            .calibrated(4, 10_000, "the update model is compared with NeuroSim V2.1's 32-60 levels and aihwkit's "
                    + "device presets, which span 4 (HfO2 arrays) to 10,000 states");

    public static final Bounds WRITE_VOLTAGE = Bounds.quantity(VOLTAGE, 1e-3, 20,
            "below 1 mV no cell switches; flash programs at about 20 V, the most any on-chip oxide stands")
            .calibrated(0.5, 5, "the write-energy model (V^2 G t per pulse, NeuroSim) is compared with 1.5-4 V "
                    + "pulses (MNSIM, NVMExplorer, NeuroSim V2.1's 4 V FeFET)");

    public static final Bounds WRITE_WIDTH = Bounds.quantity(TIME, 1e-12, 1,
            "no line charges in under 1 ps; a programming pulse over 1 s is a retention test")
            .calibrated(1e-9, 1e-3, "published programming pulses last 10 ns (NVMExplorer RRAM) to 300 us "
                    + "(MLP+NeuroSim's Ag:a-Si device)");

    public static final Bounds NONLINEARITY = Bounds.quantity(DIMENSIONLESS, 0, 9,
            "NeuroSim's non-linearity labels run from 0 (linear) to 9; beyond, one pulse moves the cell almost "
                    + "the whole range")
            .calibrated(0, 4.88, "the label-to-curve table is read from NeuroSim at labels 1-4.88 (the Ag:a-Si "
                    + "fit's LTD end); larger labels are extrapolated");

    public static final Bounds CYCLE_VARIATION = Bounds.quantity(DIMENSIONLESS, 0, 1,
            "a spread of one pulse's step above the whole conductance range leaves nothing programmable")
            .calibrated(0, 0.05, "published cycle-to-cycle spreads are 0.3-3.5 % of the range (NeuroSim V2.1, "
                    + "MLP+NeuroSim's Ag:a-Si fit)");

    public static final Bounds DEVICE_VARIATION = Bounds.quantity(DIMENSIONLESS, 0, 1,
            "a relative spread of the step size above 100 % leaves devices that do not move at all");

    public static final Bounds WRITE_ENDURANCE = Bounds.quantity(DIMENSIONLESS, 1, 1e17,
            "no device survives more than about 1e15 writes (STT-MRAM, the most durable); 0 writes is no device")
            .calibrated(1e4, 1e15, "the NVMExplorer survey of 2016-2020 devices spans 1e4 (RRAM) to 1e15 (MRAM)");

    public static final Bounds RETENTION = Bounds.quantity(TIME, 1e-6, 1e12,
            "a state held under 1 us is a volatile device (a neuron, not a synapse); 1e12 s is 30,000 years");

    // ---- learning (learning: on tiles and cores) ----------------------------------------------------

    public static final Bounds BATCH_SIZE = Bounds.count(1, 1_000_000_000,
            "a batch holds at least one sample, and no training set holds 1e9 (ImageNet-21k: 1.4e7)")
            .calibrated(1, 4096, "the per-batch counts are compared with NeuroSim V2.1's batch of 200");

    public static final Bounds SAMPLES_PER_EPOCH = Bounds.count(1, 1_000_000_000,
            "an epoch sees at least one sample, and no training set holds 1e9 (ImageNet-21k: 1.4e7)");

    public static final Bounds EPOCHS = Bounds.count(1, 1_000_000_000,
            "training runs at least one epoch, and 1e9 epochs of even one sample outlast any chip");

    public static final Bounds EVENT_RATE = Bounds.quantity(FREQUENCY, 1e-9, 1e9,
            "a synapse updated more often than 1e9 times a second would update faster than its circuits switch")
            .calibrated(1e-3, 1e4, "biological synapses see 0.1-100 events per second; accelerated cores "
                    + "(Loihi at 1,000x) up to 1e4");

    public static final Bounds MAX_ITERATIONS = Bounds.count(1, 10_000,
            "a verify loop longer than 10,000 iterations programs slower than retention decays")
            .calibrated(1, 100, "published write-verify loops stop at 100 iterations (IGVVA-100, CrossSim's "
                    + "RRAM_Milo fit)");

    public static final Bounds TOLERANCE = Bounds.quantity(DIMENSIONLESS, 1e-6, 10,
            "a tolerance of more than 10 level spacings verifies nothing")
            .calibrated(0.05, 1, "verify targets lie within a fraction of one level spacing");

    public static final Bounds UPDATE_STEPS = Bounds.quantity(DIMENSIONLESS, 1e-6, 1 << 20,
            "an update of more than 2^20 device steps exceeds any write levels");

    public static final Bounds PULSE_TRAIN = Bounds.count(1, 1 << 16,
            "a stochastic pulse train longer than 65536 would take longer than a batch")
            .calibrated(1, 1000, "aihwkit's default train is 31 pulses (desired_bl)");

    // ---- published figures (one instance) ------------------------------------------------------

    public static final Bounds FIGURE_AREA = Bounds.quantity(AREA, 0, 0.07,
            "no single instance is larger than a 300 mm wafer (70,000 mm^2)");

    public static final Bounds FIGURE_ENERGY = Bounds.quantity(ENERGY, 0, 1e-3,
            "1 mJ is a whole accelerator's energy per image; one action of one instance takes fJ to nJ");

    public static final Bounds FIGURE_POWER = Bounds.quantity(POWER, 0, 1e3,
            "one instance drawing over 1 kW would draw more than a data-centre GPU");

    public static final Bounds FIGURE_LATENCY = Bounds.quantity(TIME, 0, 1,
            "one action of one instance does not take over a second");

    // ---- CIM tiles -----------------------------------------------------------------------------

    public static final Bounds MACROS = Bounds.count(1, 4096,
            "a tile of more than 4096 macros is a chip: describe it as several tiles (ISAAC has 12 per tile)");

    public static final Bounds CROSSBAR_COUNT = Bounds.count(1, 4096,
            "a macro of more than 4096 arrays is a tile: describe it with more macros (ISAAC has 8 per macro)");

    public static final Bounds CROSSBAR_LINES = Bounds.count(1, 1 << 16,
            "wire resistance leaves lines of more than 65536 cells unreadable")
            .calibrated(16, 1024, "published macros use 16-512 lines (Yao 2020: 128x16; ISAAC, NeuroSim: 128x128); "
                    + "the crossbar model ignores IR drop, which grows with line length");

    public static final Bounds BITS_PER_CELL = Bounds.count(1, 16, "a cell holds at most 16 bits");

    public static final Bounds CELL_AREA_F2 = Bounds.quantity(DIMENSIONLESS, 1, 20_000,
            "no cell is smaller than 1 F^2 (a 1F x 1F crossing); the largest drawn cell in NeuroSim V1.4 Table V, "
                    + "a 6T SRAM cell at 1 nm, is 11,500 F^2: 20,000 F^2 leaves room for it and nothing bigger is a cell")
            .calibrated(4, 1000, "the crossbar model's cells run from the 4 F^2 crosspoint to SRAM's ~300 F^2");

    public static final Bounds CONVERTER_BITS = Bounds.count(1, 16,
            "thermal noise limits on-chip converters to about 16 bits");

    public static final Bounds COLUMNS_PER_ADC = Bounds.count(1, 1 << 16, "an ADC serves at most the 65536 columns of one array");

    public static final Bounds SAMPLE_RATE = Bounds.quantity(FREQUENCY, 1, 1e12,
            "no converter samples faster than about 200 GS/s (time-interleaved)")
            .calibrated(1e6, 10e9, "the ADC figures come from 0.1-1.3 GS/s converters; a sample_rate sets the "
                    + "latency and, below the figures' own rate, the static bias (in proportion); the energy per "
                    + "conversion does not follow it");

    public static final Bounds UNIT_COUNT = Bounds.count(1, 1 << 20, "a block of more than 2^20 units is a chip");

    public static final Bounds BUFFER_CAPACITY = Bounds.bits(1, 8.0 * (1L << 40),
            "1 TiB is 20 times the SRAM of the largest wafer-scale chip (44 GB)")
            .calibrated(256, 8.0 * 64 * (1 << 20), "the buffer fits are anchored on 256 B-64 KiB arrays "
                    + "(ISAAC's CACTI figures, Horowitz's 8-32 KB SRAMs); larger ones are extrapolated");

    public static final Bounds BUFFER_WIDTH = Bounds.bits(1, 1 << 16,
            "no memory port is wider than 65536 bits")
            .calibrated(8, 2048, "the buffer fits are anchored on 64- to 256-bit ports");

    public static final Bounds WIRING_WIDTH = Bounds.bits(1, 65536,
            "the wiring carries words from the tile's buffers, and no memory port is wider than 65536 bits "
                    + "(65536 wires at the semi-global pitch of 4 F are 1.8 mm wide at 7 nm, 47 mm at 180 nm)")
            .calibrated(8, 4096, "the tile-wiring model is compared with ISAAC's 384-wire eDRAM-to-IMA bus "
                    + "(docs/reference/wires.md §5) and by default takes the width of the tile's buffers (8-2048 bit "
                    + "each); wider or narrower wiring is extrapolated");

    // ---- SNN cores ----------------------------------------------------------------------------

    public static final Bounds NEURONS = Bounds.count(1, 1 << 20,
            "a core of more than 2^20 neurons is a chip (TrueNorth: 256 per core, 2^20 per chip)")
            .calibrated(64, 4096, "the neuron figures come from 256-neuron cores (TrueNorth, ODIN)");

    public static final Bounds SYNAPSE_LINES = Bounds.count(1, 1 << 20,
            "a synapse array line of more than 2^20 cells is unreadable");

    public static final Bounds WEIGHT_BITS = Bounds.count(1, 16, "a synapse holds at most 16 bits")
            .calibrated(1, 4, "the SNN core models are calibrated on TrueNorth's 1-bit and ODIN's 4-bit synapses");

    public static final Bounds TIME_STEP = Bounds.quantity(TIME, 1e-9, 10,
            "an SNN time step is between a gate delay (1 ns) and ten seconds of biological time")
            .calibrated(1e-6, 10e-3, "the per-step figures come from TrueNorth's 1 ms tick; accelerated cores "
                    + "step in microseconds");

    // ---- subsystems ---------------------------------------------------------------------------

    public static final Bounds TILE_COUNT = Bounds.count(1, 4096,
            "memdse keeps every pair of network endpoints' hop distance: at most 4096 endpoints "
                    + "(TrueNorth, the largest one-chip neuromorphic system, has 4096 cores)");

    public static final Bounds CHANNELS = Bounds.count(1, 1 << 24, "more than 2^24 converters is no chip");

    public static final Bounds RESERVOIR_DEVICES = Bounds.count(1, 1 << 24,
            "more than 2^24 separately driven and sampled devices is no analog front end");

    public static final Bounds RESERVOIR_PULSE_VOLTAGE = Bounds.quantity(VOLTAGE, 1e-3, 20,
            "below 1 mV no dynamic memristor responds; no on-chip oxide stands more than about 20 V")
            .calibrated(0.5, 5, "published dynamic-memristor reservoirs pulse at 0.8-3 V (Zhong et al. 2021: "
                    + "-0.8 to 2.5 V inputs, 3 V characterisation)");

    public static final Bounds RESERVOIR_PULSE_CURRENT = Bounds.quantity(CURRENT, 0, 10e-3,
            "10 mA through one nanoscale device would melt its filament");

    public static final Bounds RESERVOIR_PULSE_WIDTH = Bounds.quantity(TIME, 1e-12, 1,
            "no line charges in under 1 ps; a pulse over 1 s is a retention test")
            .calibrated(1e-9, 10e-3, "published reservoir pulses last 10 ns-10 ms (Zhong et al. 2021: 10 us reads, "
                    + "1 ms writes)");

    public static final Bounds BANKS = Bounds.count(1, 1 << 16, "no on-chip memory has more than 65536 banks");

    // ---- interconnect ---------------------------------------------------------------------------

    public static final Bounds CONCENTRATION = Bounds.count(1, 1024,
            "no router has more than 1024 ports (high-radix routers have 64-128)");

    public static final Bounds GRID_SIDE = Bounds.count(1, 4096,
            "memdse keeps every pair of routers' hop distance: at most 4096 routers");

    public static final Bounds FLIT = Bounds.bits(1, 1 << 16, "no on-chip link is wider than 65536 bits")
            .calibrated(8, 512, "the router model scales ISAAC's 32-bit router linearly in flit width");

    public static final Bounds LINK_LENGTH = Bounds.quantity(LENGTH, 100e-9, 0.3,
            "a link spans at least a router's pitch and at most a 300 mm wafer")
            .calibrated(10e-6, 30e-3, "the wire energy is TrueNorth's per-micrometre figure for on-die wires "
                    + "(a die is at most about 30 mm across)");

    public static final Bounds PACKET = Bounds.bits(1, 1 << 16, "no spike packet is wider than 65536 bits");

    public static final Bounds HEADER = Bounds.bits(0, 1 << 16, "no packet header is wider than 65536 bits");

    public static final Bounds PAYLOAD = Bounds.bits(1, 1 << 20,
            "a packet carries at most 2^20 bits (1 Mibit) before a network splits it");

    public static final Bounds SPIKE_PAYLOAD = Bounds.bits(0, 1 << 16,
            "no spike payload (a graded spike's value) is wider than 65536 bits");

    public static final Bounds ADDRESS = Bounds.bits(1, 64,
            "64 address bits name 2^64 neurons, more than any system holds (TrueNorth's spikes carry 32 bits in all)");

    public static final Bounds LINK_CLOCK = Bounds.quantity(FREQUENCY, 1, 100e9,
            "no on-chip link is clocked above 100 GHz (the fastest processors run below 10 GHz)")
            .calibrated(10e6, 5e9, "the router model is ISAAC's at 1 GHz; hop latencies in cycles follow the clock, "
                    + "energies do not");

    public static final Bounds CHIP_LINKS = Bounds.count(1, 1024,
            "no package has more than 1024 chip-to-chip links (large ones have a few hundred lanes)");

    public static final Bounds CHIP_WIDTH = Bounds.bits(1, 1 << 16, "no chip-to-chip link is wider than 65536 bits");

    public static final Bounds CHIP_FREQUENCY = Bounds.quantity(FREQUENCY, 1, 1e12,
            "no chip-to-chip link signals faster than about 200 GBd");

    public static final Bounds CHIPS = Bounds.count(1, 1024,
            "memdse keeps every pair of chips' board hops; 1024 chips is a rack, not a board");

    public static final Bounds BOARD_SIDE = Bounds.count(1, 1024, "a board grid side of more than 1024 places is no board");

    // ---- power gating ---------------------------------------------------------------------------

    public static final Bounds RESIDUAL_LEAKAGE = Bounds.quantity(DIMENSIONLESS, 0, 1,
            "a share of a switched-off block's leakage: 0 (none flows) to 1 (the switch cuts nothing)")
            .calibrated(0.01, 0.2, "the default 0.05 is Tschanz et al. 2003's measured 20x cut; published sleep "
                    + "transistors cut leakage 5-100x");

    // ---- whole system -------------------------------------------------------------------------

    /** Endpoints (tiles, cores and one per other block) of the on-chip network. */
    public static final Bounds ENDPOINTS = Bounds.count(1, 4096,
            "memdse keeps every pair of endpoints' hop distance (64 MiB at 4096); TrueNorth, the largest "
                    + "one-chip neuromorphic system, has 4096 cores");

    /** Routers of the on-chip network. */
    public static final Bounds ROUTERS = Bounds.count(0, 4096,
            "memdse keeps every pair of routers' hop distance (64 MiB at 4096)");

    /** Memristor cells of all crossbars and synapse arrays. */
    public static final Bounds CELLS = Bounds.quantity(DIMENSIONLESS, 0, 1e14,
            "25 times the transistors of the largest chip ever built (Cerebras WSE-3: 4e12)");

    /**
     * Every bound, keyed by the keys it applies to as the README writes them, in the README's
     * order. A test checks that the README's table says the same.
     */
    public static Map<String, Bounds> table() {
        Map<String, Bounds> t = new LinkedHashMap<>();
        t.put("technology.node", NODE);
        t.put("technology.vdd", VDD);
        t.put("technology.clock", CLOCK);
        t.put("r_on, r_off", RESISTANCE_STATE);
        t.put("g_on, g_off", CONDUCTANCE_STATE);
        t.put("levels", LEVELS);
        t.put("v_read", V_READ);
        t.put("v_read / r_on (read current of one cell)", CELL_READ_CURRENT);
        t.put("t_read", T_READ);
        t.put("v_write", V_WRITE);
        t.put("write_energy", WRITE_ENERGY);
        t.put("write_time", WRITE_TIME);
        t.put("endurance", ENDURANCE);
        t.put("variability", VARIABILITY);
        t.put("nonidealities.programming_error", PROGRAMMING_ERROR);
        t.put("nonidealities.read_noise", READ_NOISE);
        t.put("nonidealities.drift.nu, drift.nu_sigma", DRIFT_NU);
        t.put("nonidealities.drift.t0, drift.at", DRIFT_TIME);
        t.put("nonidealities.stuck_at.hrs, stuck_at.lrs", STUCK_AT);
        t.put("nonidealities.wire_resistance", WIRE_RESISTANCE);
        t.put("macro.nonidealities.adc_offset, adc_noise", ADC_NOISE);
        t.put("macro.nonidealities.transfer_noise", TRANSFER_NOISE);
        t.put("write.levels", WRITE_LEVELS);
        t.put("write.set.voltage, write.reset.voltage", WRITE_VOLTAGE);
        t.put("write.set.width, write.reset.width", WRITE_WIDTH);
        t.put("write.g_min, write.g_max", CONDUCTANCE_STATE);
        t.put("write.nonlinearity.ltp, write.nonlinearity.ltd", NONLINEARITY);
        t.put("write.c2c", CYCLE_VARIATION);
        t.put("write.d2d", DEVICE_VARIATION);
        t.put("write.endurance", WRITE_ENDURANCE);
        t.put("write.retention", RETENTION);
        t.put("area (figure)", FIGURE_AREA);
        t.put("energy (figure)", FIGURE_ENERGY);
        t.put("power, leakage_power (figures)", FIGURE_POWER);
        t.put("latency (figure)", FIGURE_LATENCY);
        t.put("macros", MACROS);
        t.put("crossbars.count", CROSSBAR_COUNT);
        t.put("crossbars.rows, crossbars.cols", CROSSBAR_LINES);
        t.put("bits_per_cell", BITS_PER_CELL);
        t.put("crossbars.cell_area_f2", CELL_AREA_F2);
        t.put("adc.bits, dac.bits", CONVERTER_BITS);
        t.put("columns_per_adc", COLUMNS_PER_ADC);
        t.put("sample_rate", SAMPLE_RATE);
        t.put("shift_add.count, digital count", UNIT_COUNT);
        t.put("buffer capacity", BUFFER_CAPACITY);
        t.put("buffer width", BUFFER_WIDTH);
        t.put("wiring.width", WIRING_WIDTH);
        t.put("neurons", NEURONS);
        t.put("synapses.rows, synapses.cols", SYNAPSE_LINES);
        t.put("weight_bits", WEIGHT_BITS);
        t.put("time_step", TIME_STEP);
        t.put("learning.batch_size", BATCH_SIZE);
        t.put("learning.samples_per_epoch", SAMPLES_PER_EPOCH);
        t.put("learning.epochs", EPOCHS);
        t.put("learning.event_rate", EVENT_RATE);
        t.put("learning.update.max_iterations", MAX_ITERATIONS);
        t.put("learning.update.tolerance", TOLERANCE);
        t.put("learning.update.steps", UPDATE_STEPS);
        t.put("learning.update.pulse_train", PULSE_TRAIN);
        t.put("activation_products.max_iterations", MAX_ITERATIONS);
        t.put("activation_products.tolerance", TOLERANCE);
        t.put("subsystem count (tiles, cores)", TILE_COUNT);
        t.put("channels", CHANNELS);
        t.put("banks", BANKS);
        t.put("concentration", CONCENTRATION);
        t.put("on_chip.columns, on_chip.rows", GRID_SIDE);
        t.put("flit", FLIT);
        t.put("link_length", LINK_LENGTH);
        t.put("packet", PACKET);
        t.put("on_chip.clock", LINK_CLOCK);
        t.put("on_chip.packet.header", HEADER);
        t.put("on_chip.packet.payload", PAYLOAD);
        t.put("spikes.address", ADDRESS);
        t.put("spikes.payload", SPIKE_PAYLOAD);
        t.put("chip_to_chip.links", CHIP_LINKS);
        t.put("chip_to_chip.width", CHIP_WIDTH);
        t.put("chip_to_chip.frequency", CHIP_FREQUENCY);
        t.put("board.chips, board.places", CHIPS);
        t.put("board.columns, board.rows", BOARD_SIDE);
        t.put("power_gating.residual_leakage", RESIDUAL_LEAKAGE);
        t.put("power_gating.area (figure)", FIGURE_AREA);
        t.put("network endpoints (whole system)", ENDPOINTS);
        t.put("routers (whole system)", ROUTERS);
        t.put("memristor cells (whole system)", CELLS);
        return t;
    }
}

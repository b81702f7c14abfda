package org.memdse.cost.digital;

import java.util.List;
import org.memdse.core.arch.Buffer;
import org.memdse.core.arch.BufferKind;
import org.memdse.core.arch.Technology;
import org.memdse.core.arch.TransistorFlavour;
import org.memdse.core.eval.Action;
import org.memdse.cost.scaling.Anchor;
import org.memdse.cost.scaling.Costs;
import org.memdse.cost.spi.Citation;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;
import org.memdse.cost.spi.Support;

/**
 * SRAM, eDRAM and register buffers of capacity C bits and access width W bits, a CACTI-style fit.
 *
 * <ul>
 *   <li>Access energy (READ; WRITE the same, as CACTI's read and write energies are close):
 *       E = W · e_bit · √(D / D₀), D = C / W rows: bit-line and word-line lengths grow with the
 *       square root of the array. SRAM and register: e_bit = 10 pJ / 64 at D₀ = 1024 rows
 *       (Horowitz ISSCC 2014, 8 KB SRAM 64-bit read 10 pJ at 45 nm; his 32 KB point, 20 pJ,
 *       confirms the √ rule). eDRAM: e_bit = 20.45 pJ / 256 at D₀ = 2048 (ISAAC's 64 KB, 256-bit
 *       eDRAM at 32 nm, hwcomponents-library isaac.py; published-figures.md §1.4).</li>
 *   <li>Area A = C · A_bit + W · A_io. A_io = 4.53 µm² per I/O bit at 32 nm and register
 *       A_bit = 0.0928 µm² from the exact fit through ISAAC's CACTI-6.5 IR (2 KB, 0.0021 mm²)
 *       and OR (256 B, 0.00077 mm²), both 128 bits wide. SRAM A_bit = the 6T cell of DNN+NeuroSim
 *       V1.4 Table V (280 F² at 22 nm and above, 326/420/551/1120/2048/4680/11500 F² at
 *       14/10/7/5/3/2/1 nm; published-figures.md §3.4) × F². eDRAM A_bit = (0.083 mm² − 256·A_io)
 *       / 524 288 bits (ISAAC Table I).</li>
 *   <li>Leakage per bit: eDRAM 0.46 mW / 64 KB, SRAM and register 0.33 mW / 2 KB
 *       (puma-simulator constants.py, 32 nm).</li>
 *   <li>Latency: 1 clock cycle (SRAM, register), 2 (eDRAM) (puma-simulator constants.py).</li>
 * </ul>
 * Everything not in F² is scaled from its anchor node with Stillmaker &amp; Baas.
 *
 * <p>{@code dff}: a register file of DNN+NeuroSim's D flip-flops (V1.3 Buffer.cpp with
 * {@code SRAM = false}, DFF.cpp), the buffers of its default configuration (Param.cpp
 * {@code globalBufferType}, {@code tileBufferType}, {@code peBufferType} = false):
 * <ul>
 *   <li>Area per bit: DFF.cpp lays a DFF out as 12 minimum inverters side by side; with
 *       constant.h's rules (FormulaFunctions.cpp CalculateGateArea: cell height
 *       MAX_TRANSISTOR_HEIGHT = 28 F, an unfolded gate two contacts of 1.3 + 2·0.7 F and one
 *       poly of 1 F wide) an inverter is 6.4 F × 28 F = 179.2 F², a DFF 2,150.4 F² (1.04 µm² at
 *       22 nm), about 21 times the {@code register} fit of ISAAC's CACTI IR/OR (0.050 µm² at 22 nm). The row decoder
 *       of Buffer.cpp (log2(lines) address bits) is left out: under 1 % for these sizes.</li>
 *   <li>Access energy per bit (DFF.cpp CalculatePower: both clock inverters and both clock
 *       transmission gates of every DFF switch each cycle, plus the D-to-Q path): with a
 *       minimum inverter 2 F + 4 F wide (NMOS + PMOS at NeuroSim's p/n ratio 2) and drain
 *       capacitance taken equal to gate capacitance, E = 108 F · C_g · V_dd² per bit
 *       (4 × 12 + 2 × 6 + 48 F of gate width), C_g from CACTI 6.5 technology.cc (32 nm,
 *       5.74e-16 F/µm HP, 5.11e-16 F/µm LSTP): 0.78 fJ at 22 nm, 0.8 V, LSTP.</li>
 *   <li>Leakage per bit: 8 inverters, each I_off · 2 F · V_dd (DFF.cpp: 8 × the inverter's
 *       leakage), I_off from CACTI 6.5 technology.cc (1.52e-7 A/µm HP, 2.06e-11 A/µm LSTP).</li>
 *   <li>Latency: one clock cycle per line of {@code width} bits: a register file is read or
 *       written on a clock edge. This is Buffer.cpp in synchronous mode, the mode of NeuroSim's
 *       VGG-8 example (its printed 2.05141 ns clock period is the synchronous clock main.cpp
 *       computes). With {@code timing: asynchronous}, half a cycle: Buffer.cpp's asynchronous mode,
 *       the only one DNN+NeuroSim V2.1 has ("assume dff need half clock cycle to access").</li>
 * </ul>
 */
public final class BufferModelProvider implements ComponentModelProvider {
    static final double SRAM_E_BIT_45NM = 10e-12 / 64;
    static final double SRAM_D0 = 8 * 1024 * 8 / 64.0;
    static final double EDRAM_E_BIT_32NM = 20.45e-12 / 256;
    static final double EDRAM_D0 = 64 * 1024 * 8 / 256.0;
    // Exact fit through ISAAC IR (16384 bits, 0.0021 mm^2) and OR (2048 bits, 0.00077 mm^2), width 128:
    static final double REG_A_BIT = (0.0021e-6 - 0.00077e-6) / (16384 - 2048);     // 9.277e-14 m^2
    static final double A_IO = (0.00077e-6 - 2048 * REG_A_BIT) / 128;              // 4.53e-12 m^2
    static final double EDRAM_A_BIT = (0.083e-6 - 256 * A_IO) / (64 * 1024 * 8);  // 1.561e-13 m^2
    static final double EDRAM_LEAK_BIT = 0.46e-3 / (64 * 1024 * 8);
    static final double SRAM_LEAK_BIT = 0.33e-3 / (2 * 1024 * 8);
    /** NeuroSim DFF.cpp: 12 minimum inverters of 6.4 F x 28 F (constant.h, CalculateGateArea). */
    static final double DFF_CELL_F2 = 12 * (2 * (1.3 + 2 * 0.7) + 1.0) * 28;
    /** Gate width in F switched per DFF bit per access (DFF.cpp CalculatePower, drain = gate capacitance). */
    static final double DFF_SWITCHED_WIDTH_F = 4 * 12 + 2 * 6 + 48;
    /** NeuroSim V1.4 Table V, 6T SRAM cell in F^2 by node (nm). */
    private static final double[] SRAM_NODES_NM = {22, 14, 10, 7, 5, 3, 2, 1};
    private static final double[] SRAM_CELL_F2 = {280, 326, 420, 551, 1120, 2048, 4680, 11500};

    @Override
    public String name() {
        return "buffer-cacti-fit";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("Horowitz, Computing's energy problem, ISSCC 2014: SRAM 64-bit read 10 pJ (8 KB), 20 pJ (32 KB) at 45 nm"),
                new Citation("Shafiee et al., ISAAC, ISCA 2016 Table I (CACTI 6.5): eDRAM 64 KB 20.7 mW 0.083 mm^2, "
                        + "IR 2 KB 0.0021 mm^2, OR 256 B 0.00077 mm^2; 20.45 pJ per 256-bit eDRAM access from hwcomponents-library isaac.py"),
                new Citation("DNN+NeuroSim V1.4 manual Table V: 6T SRAM cell area in F^2 by node (published-figures.md §3.4)"),
                new Citation("puma-simulator include/constants.py: eDRAM and data-memory leakage and cycles"),
                new Citation("DNN+NeuroSim V1.3 Buffer.cpp, DFF.cpp, constant.h, FormulaFunctions.cpp: DFF register-file buffers "
                        + "(12 minimum inverters per bit, half a clock per line)"),
                new Citation("CACTI 6.5 technology.cc (32 nm): c_g_ideal + c_fringe, I_off for HP and LSTP"));
    }

    @Override
    public Support supports(ModelQuery query) {
        Buffer b = query.spec(Buffer.class);
        if (b == null) {
            return Support.notFor("not a buffer");
        }
        if (b.widthBits() > b.capacityBits()) {
            return Support.no("width " + b.widthBits() + " bits exceeds capacity " + b.capacityBits() + " bits");
        }
        return Support.accuracy(40);
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        Buffer b = query.spec(Buffer.class);
        Technology tech = query.technology();
        Anchor isaac = Anchor.ISAAC_32NM;
        double rows = b.capacityBits() / b.widthBits();
        double f = tech.nodeMeters();
        double energy;
        double area;
        double leak;
        int cycles;
        if (b.kind() == BufferKind.DFF) {
            boolean lstp = tech.flavour() == TransistorFlavour.LSTP;
            double gateCapPerMeter = (lstp ? 5.11e-16 : 5.74e-16) / 1e-6;
            double offPerMeter = (lstp ? 2.06e-11 : 1.52e-7) / 1e-6;
            energy = b.widthBits() * DFF_SWITCHED_WIDTH_F * f * gateCapPerMeter * tech.vdd() * tech.vdd();
            area = b.capacityBits() * DFF_CELL_F2 * f * f;
            leak = b.capacityBits() * 8 * offPerMeter * 2 * f * tech.vdd();
            // Synchronous: one line per clock cycle (V1.3 Buffer.cpp, synchronous mode: "read 1 line per
            // cycle"); asynchronous: half a cycle (V1.3 and V2.1 Buffer.cpp: "assume dff need half clock
            // cycle to access"; the word-line decoder's delay, a few gate delays, is left out).
            double latency = (tech.selfTimed() ? 0.5 : 1) / tech.clockHz();
            return Costs.builder().area(area).leakage(leak)
                    .action(Action.READ, energy, latency)
                    .action(Action.WRITE, energy, latency)
                    .build();
        }
        if (b.kind() == BufferKind.EDRAM) {
            energy = isaac.energy(b.widthBits() * EDRAM_E_BIT_32NM * Math.sqrt(rows / EDRAM_D0), tech);
            area = isaac.area(b.capacityBits() * EDRAM_A_BIT + b.widthBits() * A_IO, tech);
            leak = isaac.leakage(b.capacityBits() * EDRAM_LEAK_BIT, tech);
            cycles = 2;
        } else {
            energy = Anchor.HOROWITZ_45NM.energy(b.widthBits() * SRAM_E_BIT_45NM * Math.sqrt(rows / SRAM_D0), tech);
            double cellArea = b.kind() == BufferKind.SRAM ? sramCellF2(f) * f * f : isaac.area(REG_A_BIT, tech);
            area = b.capacityBits() * cellArea + isaac.area(b.widthBits() * A_IO, tech);
            leak = isaac.leakage(b.capacityBits() * SRAM_LEAK_BIT, tech);
            cycles = 1;
        }
        double latency = cycles / tech.clockHz();
        return Costs.builder().area(area).leakage(leak)
                .action(Action.READ, energy, latency)
                .action(Action.WRITE, energy, latency)
                .build();
    }

    /** NeuroSim's 6T cell in F^2, interpolated in log(node) below 22 nm. */
    static double sramCellF2(double nodeMeters) {
        double nm = nodeMeters * 1e9;
        if (nm >= SRAM_NODES_NM[0]) {
            return SRAM_CELL_F2[0];
        }
        int last = SRAM_NODES_NM.length - 1;
        if (nm <= SRAM_NODES_NM[last]) {
            return SRAM_CELL_F2[last];
        }
        for (int i = 0; i < last; i++) {
            if (nm <= SRAM_NODES_NM[i] && nm >= SRAM_NODES_NM[i + 1]) {
                double t = Math.log(SRAM_NODES_NM[i] / nm) / Math.log(SRAM_NODES_NM[i] / SRAM_NODES_NM[i + 1]);
                return Math.exp(Math.log(SRAM_CELL_F2[i]) + t * Math.log(SRAM_CELL_F2[i + 1] / SRAM_CELL_F2[i]));
            }
        }
        throw new IllegalStateException("unreachable");
    }
}

package org.memdse.cost.evaluator;

/**
 * The two-tile test chip of the evaluator's hand calculations: every component carries
 * published figures (zero leakage unless a test asks for some), so each expected value follows
 * from the counting rules alone. One macro of two 4x4 arrays per tile, on a 2x1 mesh.
 */
final class TinyChip {
    private TinyChip() {
    }

    /**
     * @param name            the system's name
     * @param tileKeys        extra keys of the tile template (e.g. {@code analog_transfer: true}), or ""
     * @param bufferLeakage   the tile buffer's leakage power, e.g. {@code 0 W}
     * @param digitalUnit     the tile's one digital unit, e.g. {@code {kind: activation, count: 1, energy: 0.2 pJ, ...}}
     */
    static String yaml(String name, String tileKeys, String bufferLeakage, String digitalUnit) {
        return """
                name: %s
                technology: {node: 32 nm, vdd: 1 V, clock: 1 GHz}
                devices:
                  d: {r_on: 10 kOhm, r_off: 100 kOhm, levels: 4, v_read: 0.2 V, t_read: 10 ns}
                templates:
                  t:
                    kind: cim-tile
                    %s
                    macro:
                      crossbars: {count: 2, rows: 4, cols: 4, bits_per_cell: 2, device: d, signed_weights: unsigned,
                                  energy: 2 pJ, latency: 10 ns, area: 1 um^2, leakage_power: 0 W}
                      adc: {kind: sar, bits: 4, columns_per_adc: 2, energy: 1 pJ, latency: 1 ns, area: 10 um^2, leakage_power: 0 W}
                      dac: {bits: 1, energy: 0.1 pJ, latency: 1 ns, area: 0.1 um^2, leakage_power: 0 W}
                      sample_hold: {energy: 0.01 pJ, latency: 1 ns, area: 0.01 um^2, leakage_power: 0 W}
                      shift_add: {count: 1, energy: 0.05 pJ, latency: 1 ns, area: 1 um^2, leakage_power: 0 W}
                      array_periphery: {energy: 0 pJ, latency: 10 ns, area: 0 um^2, leakage_power: 0 W}
                    buffers:
                      - {name: buf, kind: sram, capacity: 1 KiB, width: 32 bit, energy: 0.5 pJ, latency: 1 ns, area: 100 um^2, leakage_power: %s}
                    digital:
                      - %s
                    wiring: {width: 8 bit, energy: 0 pJ, latency: 1 ns, area: 0 um^2, leakage_power: 0 W}
                subsystems:
                  cim: {template: t, count: 2}
                interconnect:
                  on_chip:
                    topology: mesh
                    columns: 2
                    rows: 1
                    flit: 32 bit
                    router: {energy: 3 pJ, latency: 1 ns, area: 1000 um^2, leakage_power: 0 W}
                    link: {energy: 1 pJ, latency: 1 ns, area: 0 um^2, leakage_power: 0 W}
                """.formatted(name, tileKeys.isEmpty() ? "macros: 1" : tileKeys, bufferLeakage, digitalUnit);
    }
}

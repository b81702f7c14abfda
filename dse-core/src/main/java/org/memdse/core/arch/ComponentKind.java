package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/**
 * The kinds of component a system is built from. Their keys name the breakdowns of area and
 * energy in every output (JSON, CSV, reports).
 */
public enum ComponentKind implements Keyed {
    CROSSBAR("crossbar"),
    ADC("adc"),
    DAC("dac"),
    /** One crossbar array's row decoder, word-line switch matrix, column multiplexers and their decoder. */
    ARRAY_PERIPHERY("array_periphery"),
    /** One crossbar array's write-path level shifters, which lift its lines to the device's write voltage. */
    LEVEL_SHIFTER("level_shifter"),
    SAMPLE_HOLD("sample_hold"),
    SHIFT_ADD("shift_add"),
    BUFFER("buffer"),
    DIGITAL("digital"),
    /** A tile's own overhead that a paper lists apart (control, ...). */
    TILE("tile"),
    /** A tile's wires from its buffers to its macros (ISAAC's eDRAM-to-IMA bus, NeuroSim's tile H-tree). */
    TILE_WIRING("tile_wiring"),
    NEURON("neuron"),
    SYNAPSE("synapse"),
    /** An SNN core's own overhead (control, scheduler) that a paper lists apart. */
    CORE("core"),
    ENCODER("encoder"),
    INTERFACE("interface"),
    /** The analog front end's dynamic-memristor reservoir array with its mask generator. */
    RESERVOIR("reservoir"),
    /** The wires from the chip's global buffer to every tile (DNN+NeuroSim's global bus). */
    GLOBAL_BUS("global_bus"),
    ROUTER("router"),
    LINK("link"),
    SPIKE_ROUTER("spike_router"),
    CHIP_LINK("chip_link"),
    /** A tile's or core's sleep switch, present when the description asks for power gating. */
    POWER_SWITCH("power_switch");

    private final String key;

    ComponentKind(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}

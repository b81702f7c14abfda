package org.memdse.cost.conversion;

import org.memdse.core.arch.InputEncoding;

/**
 * How many crossbar read cycles, and how long, it takes to apply one input of {@code inputBits}
 * bits under each input encoding: what the evaluator needs to count DRIVE, READ and CONVERT
 * actions and the read time.
 *
 * <ul>
 *   <li>bit-serial: ⌈inputBits / 1⌉ read cycles of t_read, one 1-bit drive per row per cycle
 *       (ISAAC: 16 cycles for 16-bit inputs, published-figures.md §1.2);</li>
 *   <li>multi-bit DAC: ⌈inputBits / dacBits⌉ cycles of t_read;</li>
 *   <li>pulse-width: one read whose pulse lasts up to 2^inputBits − 1 unit pulses of t_read,
 *       no DAC (time-domain encoding, e.g. Yao et al. 2020 encode 8-bit inputs by pulse count).</li>
 * </ul>
 */
public final class InputEncodingTiming {
    private InputEncodingTiming() {
    }

    /** Read cycles (ADC conversions per column) per input vector. */
    public static int readCycles(InputEncoding encoding, int inputBits, int dacBits) {
        return switch (encoding) {
            case BIT_SERIAL -> inputBits;
            case MULTI_BIT_DAC -> (inputBits + dacBits - 1) / dacBits;
            case PULSE_WIDTH -> 1;
        };
    }

    /** Time for one input vector to be applied, s. */
    public static double readTime(InputEncoding encoding, int inputBits, int dacBits, double tRead) {
        if (encoding == InputEncoding.PULSE_WIDTH) {
            return (Math.pow(2, inputBits) - 1) * tRead;
        }
        return readCycles(encoding, inputBits, dacBits) * tRead;
    }
}

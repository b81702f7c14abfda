package org.memdse.core.arch;

import java.util.List;
import java.util.Optional;

/**
 * The analogue compute unit inside a CIM tile (ISAAC's IMA, NeuroSim's PE): crossbars with
 * their converters and local buffers.
 *
 * @param crossbars     the arrays
 * @param adc           output converters
 * @param dac           row drivers
 * @param inputEncoding how inputs reach the rows
 * @param sampleHold    sample-and-hold per column, if present
 * @param shiftAdd      shift-and-add units, if present
 * @param buffers       macro-level buffers (input and output registers)
 * @param arrayPeriphery published figures for one array's periphery (decoders, switch matrices,
 *                      column multiplexers), {@link PublishedFigures#NONE} to use the model
 * @param levelShifters  published figures for one array's write-path level shifters, NONE to use the model
 * @param circuitNoise   ADC offset and noise, analog-transfer noise (the accuracy budget's circuit side)
 */
public record Macro(Crossbars crossbars, Adc adc, Dac dac, InputEncoding inputEncoding, Optional<SampleHold> sampleHold,
                    Optional<ShiftAdd> shiftAdd, List<Buffer> buffers, PublishedFigures arrayPeriphery,
                    PublishedFigures levelShifters, CircuitNoise circuitNoise) {
    public Macro {
        Checks.notNull("crossbars", crossbars);
        Checks.notNull("adc", adc);
        Checks.notNull("dac", dac);
        Checks.notNull("inputEncoding", inputEncoding);
        Checks.notNull("sampleHold", sampleHold);
        Checks.notNull("shiftAdd", shiftAdd);
        buffers = List.copyOf(buffers);
        Checks.notNull("arrayPeriphery", arrayPeriphery);
        Checks.notNull("levelShifters", levelShifters);
        Checks.notNull("circuitNoise", circuitNoise);
    }

    /** A macro with ideal converters and transfers. */
    public Macro(Crossbars crossbars, Adc adc, Dac dac, InputEncoding inputEncoding, Optional<SampleHold> sampleHold,
                 Optional<ShiftAdd> shiftAdd, List<Buffer> buffers, PublishedFigures arrayPeriphery,
                 PublishedFigures levelShifters) {
        this(crossbars, adc, dac, inputEncoding, sampleHold, shiftAdd, buffers, arrayPeriphery, levelShifters,
                CircuitNoise.IDEAL);
    }

    /** A macro whose array periphery is priced by the model. */
    public Macro(Crossbars crossbars, Adc adc, Dac dac, InputEncoding inputEncoding, Optional<SampleHold> sampleHold,
                 Optional<ShiftAdd> shiftAdd, List<Buffer> buffers) {
        this(crossbars, adc, dac, inputEncoding, sampleHold, shiftAdd, buffers, PublishedFigures.NONE, PublishedFigures.NONE);
    }

    /** One array's decoders, switch matrices and column multiplexers. */
    public ArrayPeriphery periphery() {
        return new ArrayPeriphery(crossbars, Math.min(adc.columnsPerAdc(), crossbars.cols()), arrayPeriphery);
    }

    /** One array's write-path level shifters. */
    public LevelShifters shifters() {
        return new LevelShifters(crossbars, levelShifters);
    }

    /** ADCs per macro: each array's columns are shared out over ADCs of {@code columnsPerAdc}. */
    public int adcCount() {
        int perArray = (crossbars.cols() + adc.columnsPerAdc() - 1) / adc.columnsPerAdc();
        return crossbars.count() * perArray;
    }

    /** Row drivers per macro: one per row of each array. */
    public int dacCount() {
        return crossbars.count() * crossbars.rows();
    }

    /** Sample-and-hold circuits per macro: one per column of each array, when present. */
    public int sampleHoldCount() {
        return sampleHold.isPresent() ? crossbars.count() * crossbars.cols() : 0;
    }
}

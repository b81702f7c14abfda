package org.memdse.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.memdse.nir.NirImportOptions;
import org.memdse.onnx.OnnxImportOptions;
import picocli.CommandLine.Option;

/**
 * How an imported network is read: for ONNX the workload parameters a transformer leaves
 * symbolic (sequence length, past length of a KV cache) and the batch size; for NIR the spike
 * rates and time steps the file does not hold. YAML networks ignore them.
 */
final class ImportOptionsMixin {
    @Option(names = "--dim", paramLabel = "NAME=SIZE",
            description = "ONNX only: the size of a symbolic dimension, by its name in the file, e.g. "
                    + "--dim seq_len=128 --dim past_len=127 (repeatable).")
    Map<String, Long> dims = new LinkedHashMap<>();

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1",
            description = "ONNX only: the size of a symbolic or unknown batch dimension (default: ${DEFAULT-VALUE}); "
                    + "counts stay per inference, the batch's samples being evaluated one after another.")
    long batch;

    @Option(names = "--nir-time-steps", paramLabel = "N",
            description = "NIR only: time steps per inference (default: " + NirImportOptions.DEFAULT_TIME_STEPS
                    + ", an assumption: NIR files hold no spike data).")
    Integer nirTimeSteps;

    @Option(names = "--nir-firing-rate", paramLabel = "RATE",
            description = "NIR only: spikes per neuron per time step of every spiking population, 0..1 (default: "
                    + NirImportOptions.DEFAULT_FIRING_RATE + ", an assumption).")
    Double nirFiringRate;

    @Option(names = "--nir-input-rate", paramLabel = "RATE",
            description = "NIR only: spikes per input per time step, 0..1 (default: the firing rate).")
    Double nirInputRate;

    NirImportOptions nirOptions() {
        int steps = nirTimeSteps == null ? NirImportOptions.DEFAULT_TIME_STEPS : nirTimeSteps;
        double rate = nirFiringRate == null ? NirImportOptions.DEFAULT_FIRING_RATE : nirFiringRate;
        double input = nirInputRate == null ? rate : nirInputRate;
        if (steps < 1) {
            throw new UserInputException("--nir-time-steps must be at least 1, was " + steps);
        }
        if (!(rate >= 0 && rate <= 1) || !(input >= 0 && input <= 1)) {
            throw new UserInputException("--nir-firing-rate and --nir-input-rate are spikes per neuron per time step, "
                    + "in 0..1, e.g. 0.05; were " + rate + " and " + input);
        }
        return new NirImportOptions(steps, rate, input);
    }

    /** As {@link #options(boolean)}, with one more symbolic dimension sized (a decoding step's past length). */
    OnnxImportOptions options(boolean skipUnsupported, String dimension, long size) {
        Map<String, Long> all = new LinkedHashMap<>(dims);
        all.put(dimension, size);
        return options(skipUnsupported).withDimensionValues(all);
    }

    OnnxImportOptions options(boolean skipUnsupported) {
        if (batch < 1) {
            throw new UserInputException("--batch must be at least 1, was " + batch);
        }
        for (Map.Entry<String, Long> e : dims.entrySet()) {
            if (e.getKey().isBlank()) {
                throw new UserInputException("--dim " + e.getKey() + "=" + e.getValue() + ": give the symbolic "
                        + "dimension's name, as the file spells it, before '=', e.g. --dim seq_len=128");
            }
            if (e.getValue() == null || e.getValue() < 1) {
                throw new UserInputException("--dim " + e.getKey() + "=" + e.getValue() + ": a size must be at least 1");
            }
        }
        return OnnxImportOptions.defaults().withSkipUnsupported(skipUnsupported).withBatchSize(batch)
                .withDimensionValues(dims);
    }
}

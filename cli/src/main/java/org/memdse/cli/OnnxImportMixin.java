package org.memdse.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.memdse.onnx.OnnxImportOptions;
import picocli.CommandLine.Option;

/**
 * How an ONNX network is imported: the workload parameters a transformer leaves symbolic
 * (sequence length, past length of a KV cache) and the batch size. YAML networks ignore them.
 */
final class OnnxImportMixin {
    @Option(names = "--dim", paramLabel = "NAME=SIZE",
            description = "ONNX only: the size of a symbolic dimension, by its name in the file, e.g. "
                    + "--dim seq_len=128 --dim past_len=127 (repeatable).")
    Map<String, Long> dims = new LinkedHashMap<>();

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1",
            description = "ONNX only: the size of a symbolic or unknown batch dimension (default: ${DEFAULT-VALUE}); "
                    + "counts stay per inference, the batch's samples being evaluated one after another.")
    long batch;

    OnnxImportOptions options(boolean skipUnsupported) {
        if (batch < 1) {
            throw new UserInputException("--batch must be at least 1, was " + batch);
        }
        for (Map.Entry<String, Long> e : dims.entrySet()) {
            if (e.getValue() == null || e.getValue() < 1) {
                throw new UserInputException("--dim " + e.getKey() + "=" + e.getValue() + ": a size must be at least 1");
            }
        }
        return OnnxImportOptions.defaults().withSkipUnsupported(skipUnsupported).withBatchSize(batch)
                .withDimensionValues(dims);
    }
}

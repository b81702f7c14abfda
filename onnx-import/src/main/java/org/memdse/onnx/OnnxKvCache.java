package org.memdse.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The key-value cache of an autoregressive decoding step, as exporters write it: a graph input
 * (the past keys or values) concatenated with the new token's and leaving again as a graph output
 * (the present ones). Per inference (one token of one sequence), without the batch axis.
 *
 * @param inputs         the graph inputs that carry the cache in
 * @param pastValues     values the step reads from the cache
 * @param appendedValues values the step adds to it (the new token's keys and values)
 */
public record OnnxKvCache(List<String> inputs, long pastValues, long appendedValues) {
    public OnnxKvCache {
        inputs = List.copyOf(inputs);
    }

    /** Whether the network has a cache at all. */
    public boolean present() {
        return !inputs.isEmpty();
    }

    /** The cache found in {@code network}: every input-to-output concatenation of a graph input. */
    public static OnnxKvCache of(OnnxNetwork network) {
        Map<String, OnnxLayer> byName = network.layers().stream()
                .collect(Collectors.toMap(OnnxLayer::name, Function.identity()));
        List<String> inputs = new ArrayList<>();
        long past = 0;
        long appended = 0;
        for (String out : network.outputs()) {
            OnnxLayer concat = byName.get(out);
            if (concat == null || !(concat.op() instanceof LayerOp.Concat)) {
                continue;
            }
            long cached = 0;
            for (String in : concat.inputs()) {
                OnnxLayer source = byName.get(in);
                if (source != null && source.op() instanceof LayerOp.Input) {
                    inputs.add(in);
                    cached += perInference(source.outputShape(), source.batchAxis());
                }
            }
            if (cached > 0) {
                past += cached;
                appended += perInference(concat.outputShape(), concat.batchAxis()) - cached;
            }
        }
        return new OnnxKvCache(inputs, past, appended);
    }

    private static long perInference(List<Long> shape, int batchAxis) {
        long n = 1;
        for (int i = 0; i < shape.size(); i++) {
            if (i != batchAxis) {
                n *= shape.get(i);
            }
        }
        return n;
    }
}

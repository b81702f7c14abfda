package org.memdse.core.eval;

import java.util.Map;
import java.util.Optional;

/**
 * What sets the pipeline interval: the slowest layer and the cause it spends most of its time
 * on ({@link LatencyCause} key), so a researcher sees whether the arrays, the converters, the
 * buffers or the network pace a design before changing a knob.
 *
 * @param layer the slowest layer
 * @param cause the cause it spends most of its time on
 * @param share that cause's share of the layer's time, 0..1
 */
public record PipelineLimit(String layer, String cause, double share) {

    /** The limit of an evaluation's per-layer times, or empty when no layer takes time. */
    public static Optional<PipelineLimit> of(Breakdown latencyByLayer, Map<String, Breakdown> byLayerAndCause) {
        String slowest = null;
        double worst = 0;
        for (Map.Entry<String, Double> e : latencyByLayer.parts().entrySet()) {
            if (e.getValue() > worst) {
                worst = e.getValue();
                slowest = e.getKey();
            }
        }
        if (slowest == null) {
            return Optional.empty();
        }
        String cause = null;
        double most = 0;
        for (Map.Entry<String, Double> e : byLayerAndCause.getOrDefault(slowest, Breakdown.EMPTY).parts().entrySet()) {
            if (e.getValue() > most) {
                most = e.getValue();
                cause = e.getKey();
            }
        }
        return cause == null ? Optional.empty() : Optional.of(new PipelineLimit(slowest, cause, most / worst));
    }
}

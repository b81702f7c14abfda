package org.memdse.cost.evaluator;

import org.memdse.core.eval.LatencyCause;

/**
 * Layer-by-layer latency and the pipeline interval, from the durations the work passes wrote.
 * Within a layer the array reads and the conversions overlap (a read cycle lasts the slower of
 * the two), then come the element-wise work or SNN time steps, the tile-buffer and global-buffer
 * accesses and the network transfer of the outputs, one after another, and before the reads a
 * rewritten crossbar's cell writes:
 * t = t_write + max(t_array, t_conversion) + t_digital + t_snn + t_buffer + t_global + t_network.
 * The inference takes the sum over the layers; pipelined, a new inference starts every
 * slowest layer. The split by cause gives the array its read time and the conversion only the
 * time the reads do not hide, so the shares add up to the layer's time. A macro without
 * sample-and-hold senses its columns while the rows are held, one after another: its array
 * settling and its conversions add up (t_array + t_conversion) instead of overlapping.
 */
public final class TimingPass implements EvaluationPass {
    private static final LatencyCause[] CAUSES = LatencyCause.values();

    @Override
    public String name() {
        return "timing";
    }

    @Override
    public void run(MappedNetwork view, EvaluationLedger ledger) {
        double latency = 0;
        double slowest = 0;
        double[] shares = new double[CAUSES.length];
        for (int i = 0; i < view.size(); i++) {
            double array = ledger.duration(i, LatencyCause.ARRAY);
            double conversion = ledger.duration(i, LatencyCause.CONVERSION);
            boolean serial = ledger.isSensedInTurn(i);
            double compute = serial ? array + conversion : Math.max(array, conversion);
            double t = compute + ledger.duration(i, LatencyCause.DIGITAL) + ledger.duration(i, LatencyCause.SNN_TICKS)
                    + ledger.duration(i, LatencyCause.BUFFER) + ledger.duration(i, LatencyCause.GLOBAL_BUFFER)
                    + ledger.duration(i, LatencyCause.NETWORK) + ledger.duration(i, LatencyCause.CELL_WRITE);
            for (LatencyCause c : CAUSES) {
                shares[c.ordinal()] = ledger.duration(i, c);
            }
            if (!serial) {
                shares[LatencyCause.CONVERSION.ordinal()] = compute - array;
            }
            ledger.layerLatency(i, t, shares);
            latency += t;
            slowest = Math.max(slowest, t);
        }
        ledger.latency(latency, slowest);
    }
}

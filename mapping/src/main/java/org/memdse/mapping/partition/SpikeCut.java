package org.memdse.mapping.partition;

import org.memdse.core.arch.SpikeDelivery;

/**
 * Spike traffic of an SNN cut into cores, per inference, from the neuron-level graph.
 *
 * <p>Multicast (TrueNorth, Loihi, SpiNNaker): a spike goes once to each core, other than its
 * own, that holds any of its targets (the router fans it out along a tree), so a net costs
 * {@code bits × (cores holding its targets, its own excepted)}. Unicast: once per target neuron
 * on another core. Boundary sources (encoders, integration interfaces) are counted apart, once
 * per core (multicast) or target (unicast) they reach.
 *
 * @param coreToCoreBits spike bits between cores (encoder and interface flows excluded)
 * @param boundaryBits   spike bits from boundary sources into cores
 */
public record SpikeCut(double coreToCoreBits, double boundaryBits) {
    /** The traffic of {@code part} (core index of every neuron, parts 0..parts-1). */
    public static SpikeCut of(NeuronGraph g, int[] part, int parts, SpikeDelivery routing) {
        int[] stamp = new int[parts];
        java.util.Arrays.fill(stamp, -1);
        double cores = 0;
        double boundary = 0;
        for (int n = 0; n < g.nets(); n++) {
            int s = g.source(n);
            int own = s >= 0 ? part[s] : -1;
            long reached = 0;
            for (int k = g.pinStart(n); k < g.pinEnd(n); k++) {
                int p = part[g.pin(k)];
                if (p == own) {
                    continue;
                }
                if (routing == SpikeDelivery.UNICAST) {
                    reached++;
                } else if (stamp[p] != n) {
                    stamp[p] = n;
                    reached++;
                }
            }
            if (s >= 0) {
                cores += g.bits(n) * reached;
            } else {
                boundary += g.bits(n) * reached;
            }
        }
        return new SpikeCut(cores, boundary);
    }

    /** Synapse rows each core needs: one per net with a target on it (an axon shared by its neurons). */
    public static int[] rows(NeuronGraph g, int[] part, int parts) {
        int[] rows = new int[parts];
        int[] stamp = new int[parts];
        java.util.Arrays.fill(stamp, -1);
        for (int n = 0; n < g.nets(); n++) {
            for (int k = g.pinStart(n); k < g.pinEnd(n); k++) {
                int p = part[g.pin(k)];
                if (stamp[p] != n) {
                    stamp[p] = n;
                    rows[p]++;
                }
            }
        }
        return rows;
    }

    /** Neurons on each core. */
    public static int[] neurons(int[] part, int parts) {
        int[] n = new int[parts];
        for (int p : part) {
            n[p]++;
        }
        return n;
    }
}

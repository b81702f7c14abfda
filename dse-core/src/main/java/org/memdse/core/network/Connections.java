package org.memdse.core.network;

/**
 * The synapses a projection makes, neuron by neuron: what a partitioner needs to see which
 * neurons talk to which, and what synapse counts and fan-in per neuron follow from.
 *
 * <p>Neurons are numbered in row-major order of their population's shape ({@code [c, h, w]}:
 * {@code (c·h + y)·w + x}). Patterns:
 * <ul>
 *   <li>dense (all-to-all): every pair;</li>
 *   <li>sparse (random): pair (i, j) is connected when a hash of (seed, i, j) falls below the
 *       probability, so the same seed gives the same synapses in any order of enumeration, and
 *       any pair can be asked about alone;</li>
 *   <li>one-to-one: i to i; all-but-self: i to every j != i;</li>
 *   <li>conv: output (o, y, x) receives from the input channels of its group at
 *       (y·stride − pad_top + ky·dilation, x·stride − pad_left + kx·dilation) for each kernel tap
 *       that falls inside the input (taps on the padding make no synapse);</li>
 *   <li>file: the listed pairs.</li>
 * </ul>
 */
public final class Connections {
    /** Random projections above this many candidate pairs are counted by expectation, not pair by pair. */
    public static final long EXACT_RANDOM_PAIRS = 1L << 24;

    /** Receives one synapse. */
    @FunctionalInterface
    public interface Visitor {
        void synapse(int pre, int post);
    }

    private Connections() {
    }

    /** Visits every synapse of {@code p} from a source of shape {@code pre} onto {@code post}, grouped by postsynaptic neuron for conv. */
    public static void forEach(Projection p, Shape pre, Shape post, Visitor v) {
        int n = toInt(pre.elements());
        int m = toInt(post.elements());
        switch (p.connectivity()) {
            case DENSE -> {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        v.synapse(i, j);
                    }
                }
            }
            case SPARSE -> {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        if (randomPair(p.seed(), p.connectionProbability(), i, j)) {
                            v.synapse(i, j);
                        }
                    }
                }
            }
            case ONE_TO_ONE -> {
                for (int i = 0; i < Math.min(n, m); i++) {
                    v.synapse(i, i);
                }
            }
            case ALL_BUT_SELF -> {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        if (i != j) {
                            v.synapse(i, j);
                        }
                    }
                }
            }
            case CONV -> conv(p.conv(), pre, post, v);
            case FILE -> {
                SynapseList list = p.synapseList();
                for (int k = 0; k < list.size(); k++) {
                    v.synapse(list.pre(k), list.post(k));
                }
            }
            default -> throw new IllegalStateException("connectivity " + p.connectivity());
        }
    }

    private static void conv(ConvGeometry g, Shape pre, Shape post, Visitor v) {
        int inC = pre.dim(0);
        int inH = pre.dim(1);
        int inW = pre.dim(2);
        int outC = post.dim(0);
        int outH = post.dim(1);
        int outW = post.dim(2);
        int inPerGroup = inC / g.groups();
        int outPerGroup = outC / g.groups();
        for (int o = 0; o < outC; o++) {
            int firstIn = (o / outPerGroup) * inPerGroup;
            for (int y = 0; y < outH; y++) {
                for (int x = 0; x < outW; x++) {
                    int target = (o * outH + y) * outW + x;
                    for (int c = firstIn; c < firstIn + inPerGroup; c++) {
                        for (int ky = 0; ky < g.kernel().h(); ky++) {
                            int iy = y * g.stride().h() - g.padding().top() + ky * g.dilation().h();
                            if (iy < 0 || iy >= inH) {
                                continue;
                            }
                            for (int kx = 0; kx < g.kernel().w(); kx++) {
                                int ix = x * g.stride().w() - g.padding().left() + kx * g.dilation().w();
                                if (ix >= 0 && ix < inW) {
                                    v.synapse((c * inH + iy) * inW + ix, target);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Synapses {@code p} makes: exact for every pattern, except random projections of more than
     * {@link #EXACT_RANDOM_PAIRS} candidate pairs, counted by expectation (probability × pairs).
     */
    public static long count(Projection p, Shape pre, Shape post) {
        long n = pre.elements();
        long m = post.elements();
        return switch (p.connectivity()) {
            case DENSE -> n * m;
            case SPARSE -> {
                if (n * m > EXACT_RANDOM_PAIRS) {
                    yield Math.round(p.connectionProbability() * n * m);
                }
                long[] c = {0};
                forEach(p, pre, post, (i, j) -> c[0]++);
                yield c[0];
            }
            case ONE_TO_ONE -> Math.min(n, m);
            case ALL_BUT_SELF -> n * (m - 1);
            case CONV -> {
                ConvGeometry g = p.conv();
                long ys = taps(pre.dim(1), post.dim(1), g.kernel().h(), g.stride().h(), g.padding().top(), g.dilation().h());
                long xs = taps(pre.dim(2), post.dim(2), g.kernel().w(), g.stride().w(), g.padding().left(), g.dilation().w());
                yield (long) post.dim(0) * (pre.dim(0) / g.groups()) * ys * xs;
            }
            case FILE -> p.synapseList().size();
        };
    }

    /** Kernel taps inside the input, summed over the output positions of one axis. */
    private static long taps(int in, int out, int kernel, int stride, int padBefore, int dilation) {
        long t = 0;
        for (int o = 0; o < out; o++) {
            for (int k = 0; k < kernel; k++) {
                int i = o * stride - padBefore + k * dilation;
                if (i >= 0 && i < in) {
                    t++;
                }
            }
        }
        return t;
    }

    /** Synapses onto each postsynaptic neuron (its fan-in from this projection). */
    public static int[] fanIn(Projection p, Shape pre, Shape post) {
        int[] in = new int[toInt(post.elements())];
        forEach(p, pre, post, (i, j) -> in[j]++);
        return in;
    }

    /**
     * Whether a random projection connects presynaptic {@code i} to postsynaptic {@code j}: the
     * pair's hash, a uniform 53-bit fraction, below the probability. The hash is a 64-bit
     * finaliser (multiply, xor-shift) of seed, i and j.
     */
    public static boolean randomPair(long seed, double probability, int i, int j) {
        long z = seed * 0x9E3779B97F4A7C15L + ((long) i << 32 | (j & 0xffffffffL));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53 < probability;
    }

    private static int toInt(long v) {
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("more than 2^31 neurons in one population");
        }
        return (int) v;
    }
}

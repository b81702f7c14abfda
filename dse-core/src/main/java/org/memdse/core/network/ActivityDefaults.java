package org.memdse.core.network;

/**
 * Default input-bit densities of crossbar layers, by what produced their input: the share of
 * activation bits that are 1 when neither the layer nor the network gives one. The figures and
 * their sources are in docs/reference/activity.md (cited as {@code activity.md §N}).
 *
 * <ul>
 *   <li>The network input (image pixels, data): {@value #NETWORK_INPUT}, uniform data bits.
 *       CiMLoop's measured input histograms of the first layers of VGG-16 and ResNet-18 give 0.50
 *       (activity.md §2).</li>
 *   <li>After ReLU and ReLU6: {@value #AFTER_RELU}. ReLU sets about half of the values to 0 and
 *       most of the rest are small against the quantisation range, so their high bits are 0.
 *       Derived from CiMLoop's measured per-layer input histograms (ImageNet): MAC-weighted over
 *       the post-ReLU layers 0.127 for VGG-16 and 0.162 for ResNet-18, mean 0.145, rounded
 *       (activity.md §2); within Pragmatic's published bound of at most 38 % non-zero bits for
 *       8-bit quantised activations of six CNNs (Albericio et al., MICRO 2017, §2.1; activity.md
 *       §1), and above DNN+NeuroSim V1.4's own VGG-8 trace of its last layer's input (0.08,
 *       activity.md §3). ReLU6 zeroes as ReLU does; no separate measurement was found.</li>
 *   <li>Anything else (identity, batch norm, sigmoid, tanh, leaky ReLU, GELU, ..., a recurrent
 *       state): {@value #DENSE}. These leave no exact zeros or give signed values, whose two's
 *       complement bits are about as often 1 as 0; no measured figure is used.</li>
 * </ul>
 */
public final class ActivityDefaults {
    /** The network's own input: uniform data bits (activity.md §2). */
    public static final double NETWORK_INPUT = 0.5;
    /** After ReLU or ReLU6 (activity.md §2, checked against §1 and §3). */
    public static final double AFTER_RELU = 0.15;
    /** Activations without exact zeros, and signed values: half the bits are 1. */
    public static final double DENSE = 0.5;

    private ActivityDefaults() {
    }

    /** The default density of the inputs a layer receives from {@code function}. */
    public static double after(ActivationFunction function) {
        return switch (function) {
            case RELU, RELU6 -> AFTER_RELU;
            default -> DENSE;
        };
    }
}

package org.memdse.core.network;

import java.util.Objects;

/**
 * A 2-D convolution over a [C, H, W] input.
 *
 * @param inChannels  the input channels the weights expect, checked against the input; 0 = take them from the input
 * @param outChannels output channels
 * @param geometry    kernel, stride, padding, dilation, groups (depthwise: groups = in channels)
 * @param bias        whether the layer has a bias per output channel
 * @param batchNorm   whether a batch norm follows and is folded into the weights (2 parameters per channel, no crossbar)
 * @param activation  a fused activation, {@link ActivationFunction#IDENTITY} for none
 */
public record Conv2d(String name, int inChannels, int outChannels, ConvGeometry geometry, boolean bias,
                     boolean batchNorm, ActivationFunction activation) implements NetworkNode {
    public Conv2d {
        NetworkNode.requireName(name);
        if (inChannels < 0 || outChannels < 1) {
            throw new IllegalArgumentException("inChannels >= 0 and outChannels >= 1 expected, found " + inChannels + ", " + outChannels);
        }
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(activation, "activation");
    }

    @Override
    public NodeKind kind() {
        return NodeKind.CONV2D;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}

package org.memdse.core.network;

import java.util.Objects;

/**
 * The sliding-window part of a convolution (ANN {@link Conv2d} or a convolutional SNN
 * {@link Projection}): kernel, stride, padding, dilation and groups. A depthwise convolution is
 * {@code groups = in_channels}.
 */
public record ConvGeometry(Size2 kernel, Size2 stride, Padding padding, Size2 dilation, int groups) {
    public ConvGeometry {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(stride, "stride");
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(dilation, "dilation");
        if (groups < 1) {
            throw new IllegalArgumentException("groups: must be at least 1, found " + groups);
        }
    }

    /** Kernel {@code k}×{@code k}, stride {@code s}, padding {@code p} on all sides, no dilation, one group. */
    public static ConvGeometry of(int k, int s, int p) {
        return new ConvGeometry(Size2.square(k), Size2.square(s), Padding.of(p), Size2.square(1), 1);
    }

    public ConvGeometry withGroups(int g) {
        return new ConvGeometry(kernel, stride, padding, dilation, g);
    }

    /** Output height for an input height; below 1 means the kernel does not fit. */
    public int outHeight(int inHeight) {
        return outSize(inHeight, padding.top() + padding.bottom(), dilation.h(), kernel.h(), stride.h(), false);
    }

    public int outWidth(int inWidth) {
        return outSize(inWidth, padding.left() + padding.right(), dilation.w(), kernel.w(), stride.w(), false);
    }

    /** The usual formula: floor((in + pads − dilation·(k − 1) − 1) / stride) + 1 (ceil in ceil mode). */
    static int outSize(int in, int pads, int dilation, int kernel, int stride, boolean ceil) {
        long span = in + (long) pads - (long) dilation * (kernel - 1) - 1;
        if (span < 0) {
            return 0;
        }
        long out = ceil ? Math.floorDiv(span + stride - 1, stride) + 1 : span / stride + 1;
        return (int) Math.min(out, Integer.MAX_VALUE);
    }
}

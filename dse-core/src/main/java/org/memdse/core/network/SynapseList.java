package org.memdse.core.network;

import java.util.Arrays;
import java.util.Objects;

/**
 * An explicit connectivity: (presynaptic, postsynaptic) neuron index pairs, as read from a file,
 * each with the line it came from so that a later check (a presynaptic index beyond the source's
 * neurons, known only once shapes are inferred) can name it. Immutable; duplicates are kept as
 * written (two synapses between the same pair are two synapses).
 */
public final class SynapseList {
    private final String source;
    private final int postNeurons;
    private final int[] pre;
    private final int[] post;
    private final int[] lines;

    /**
     * @param source      the file as the user named it (for messages)
     * @param postNeurons postsynaptic neurons (the projection's size; every post index is below it)
     * @param pre         presynaptic indices, 0-based
     * @param post        postsynaptic indices, 0-based
     * @param lines       the 1-based line of each pair in {@code source}
     */
    public SynapseList(String source, int postNeurons, int[] pre, int[] post, int[] lines) {
        this.source = Objects.requireNonNull(source, "source");
        if (postNeurons < 1) {
            throw new IllegalArgumentException("postNeurons: must be at least 1, found " + postNeurons);
        }
        if (pre.length != post.length || pre.length != lines.length) {
            throw new IllegalArgumentException("pre, post, lines: must have the same length");
        }
        for (int i = 0; i < pre.length; i++) {
            if (pre[i] < 0 || post[i] < 0 || post[i] >= postNeurons) {
                throw new IllegalArgumentException(source + ":" + lines[i] + ": pair (" + pre[i] + ", " + post[i]
                        + ") out of range");
            }
        }
        this.postNeurons = postNeurons;
        this.pre = pre.clone();
        this.post = post.clone();
        this.lines = lines.clone();
    }

    public String source() {
        return source;
    }

    public int postNeurons() {
        return postNeurons;
    }

    /** Number of synapses (pairs). */
    public int size() {
        return pre.length;
    }

    public int pre(int i) {
        return pre[i];
    }

    public int post(int i) {
        return post[i];
    }

    public int line(int i) {
        return lines[i];
    }

    /** Index of the first pair whose presynaptic neuron is {@code >= neurons}, or -1. */
    public int firstPreAtOrAbove(int neurons) {
        for (int i = 0; i < pre.length; i++) {
            if (pre[i] >= neurons) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SynapseList s && s.source.equals(source) && s.postNeurons == postNeurons
                && Arrays.equals(s.pre, pre) && Arrays.equals(s.post, post);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, postNeurons, Arrays.hashCode(pre), Arrays.hashCode(post));
    }

    @Override
    public String toString() {
        return source + " (" + pre.length + " synapses onto " + postNeurons + " neurons)";
    }
}

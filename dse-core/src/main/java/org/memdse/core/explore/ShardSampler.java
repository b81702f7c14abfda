package org.memdse.core.explore;

/**
 * The points of one {@link Shard} of another sampler, in order. Index {@code k} here is the
 * shard's {@code k}-th point; the point keeps its id in the whole sweep (the CSV's {@code point}
 * column), so shards merge into the file one unsharded run writes.
 */
public final class ShardSampler implements Sampler {
    private final Sampler inner;
    private final Shard shard;
    private final long size;

    public ShardSampler(Sampler inner, Shard shard) {
        this.inner = inner;
        this.shard = shard;
        this.size = shard.size(inner.size());
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public DesignPoint point(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("point " + index + " of shard " + shard + " (" + size + " points)");
        }
        return inner.point(shard.pointId(index));
    }

    /** The id in the whole sweep of this sampler's point {@code index}. */
    public long pointId(long index) {
        return shard.pointId(index);
    }

    public Shard shard() {
        return shard;
    }
}

package org.memdse.core.explore;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} parts of a sweep, numbered from 1 ({@code --shard 2/4}): the points whose
 * index leaves the remainder {@code index - 1} when divided by {@code count}. Interleaved rather than
 * contiguous so that every shard gets the same mix of the grid (a grid changes its last parameter
 * fastest, so a contiguous quarter would give one shard all the large crossbars, or all the
 * infeasible points, and the array job would wait for it); the split depends on the point index
 * only, so it is the same on any machine and with any thread count.
 *
 * @param index 1..count
 * @param count how many shards, at least 1
 */
public record Shard(int index, int count) {
    private static final Pattern SPEC = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    /** The whole sweep as one shard. */
    public static final Shard WHOLE = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException(problem(index, count).orElse("bad shard"));
        }
    }

    /**
     * Reads {@code i/n}.
     *
     * @throws IllegalArgumentException with a message that says what is wrong and what is expected
     */
    public static Shard parse(String text) {
        Matcher m = SPEC.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a shard; expected i/n with whole numbers, "
                    + "1 <= i <= n (e.g. 2/4: the second of four shards)");
        }
        int index = Integer.parseInt(m.group(1));
        int count = Integer.parseInt(m.group(2));
        Optional<String> problem = problem(index, count);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("'" + text + "': " + problem.get());
        }
        return new Shard(index, count);
    }

    private static Optional<String> problem(int index, int count) {
        if (count < 1) {
            return Optional.of("a sweep cannot be cut into " + count + " shards; n must be at least 1");
        }
        if (index < 1 || index > count) {
            return Optional.of("shard " + index + " of " + count + " does not exist; shards are numbered 1 to " + count
                    + " (1/" + count + " ... " + count + "/" + count + ")");
        }
        return Optional.empty();
    }

    /** Whether point {@code id} belongs to this shard. */
    public boolean contains(long id) {
        return id % count == index - 1;
    }

    /** How many of a sweep's {@code total} points are in this shard. */
    public long size(long total) {
        long first = index - 1;
        return total <= first ? 0 : (total - first + count - 1) / count;
    }

    /** The point index of this shard's {@code k}-th point (0-based). */
    public long pointId(long k) {
        return (index - 1) + k * count;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}

package org.memdse.mapping.place.solver;

import java.util.List;

/**
 * How many units the solver moves at once, level by level: coarsest first (e.g. a tile's
 * crossbars: whole layers cross the chip), finest last (a macro's: the planning entity).
 *
 * @param unitsPerChunk strictly decreasing, each at least 1
 */
public record ChunkLevels(List<Integer> unitsPerChunk) {
    public ChunkLevels {
        unitsPerChunk = List.copyOf(unitsPerChunk);
        if (unitsPerChunk.isEmpty()) {
            throw new IllegalArgumentException("at least one chunk level");
        }
        for (int i = 0; i < unitsPerChunk.size(); i++) {
            if (unitsPerChunk.get(i) < 1 || i > 0 && unitsPerChunk.get(i) >= unitsPerChunk.get(i - 1)) {
                throw new IllegalArgumentException("chunk levels must be >= 1 and strictly decreasing: "
                        + unitsPerChunk);
            }
        }
    }

    /** The given sizes, largest first, duplicates dropped. */
    public static ChunkLevels of(int... sizes) {
        return new ChunkLevels(java.util.Arrays.stream(sizes).boxed().distinct()
                .sorted(java.util.Comparator.reverseOrder()).toList());
    }

    /** Units per planning entity. */
    public int finest() {
        return unitsPerChunk.get(unitsPerChunk.size() - 1);
    }
}

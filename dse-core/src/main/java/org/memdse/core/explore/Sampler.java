package org.memdse.core.explore;

import java.util.List;

/**
 * Which design points a sweep visits, by index: {@code point(i)} for {@code i} in
 * {@code [0, size())}. Points are computed on demand (never materialised), the same index
 * always gives the same point, and any index can be asked first, so a sweep can run in
 * parallel and resume. Implementations name the strategy (grid, random, Latin hypercube).
 */
public interface Sampler {
    /** The strategy's YAML name ({@code grid}, {@code random}, {@code latin-hypercube}). */
    String name();

    /** How many points. */
    long size();

    /** The point with this index (its id). */
    DesignPoint point(long index);

    /** The sizes of the parameters' value lists. */
    static int[] radices(List<Parameter> parameters) {
        return parameters.stream().mapToInt(Parameter::size).toArray();
    }
}

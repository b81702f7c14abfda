package org.memdse.core.explore;

import java.util.List;

/**
 * Evaluates one design point on every network of a sweep. Called from many threads at once;
 * never throws for a bad point (it answers {@link PointResult.Invalid} or
 * {@link PointResult.Infeasible} instead).
 */
public interface PointEvaluator {
    /** The networks, in the order results are given (the CSV's secondary sort key). */
    List<String> networks();

    /** One result per network, in {@link #networks()} order. */
    List<PointResult> evaluate(DesignPoint point);

    /** Builds and checks the point's architecture without mapping or pricing it: empty if valid, else why not. */
    java.util.Optional<String> check(DesignPoint point);
}

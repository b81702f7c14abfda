package org.memdse.core.eval;

import org.memdse.core.arch.Architecture;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.network.NetworkGraph;

/**
 * Prices a mapped network on a system: counts every component action from the mapping and the
 * network and multiplies by per-action costs. Pure and deterministic.
 */
public interface Evaluator {
    Metrics evaluate(Architecture architecture, NetworkGraph network, Mapping mapping, OpConvention convention);
}

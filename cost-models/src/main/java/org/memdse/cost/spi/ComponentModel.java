package org.memdse.cost.spi;

import java.util.Set;
import org.memdse.core.eval.Action;

/**
 * The cost of one instance of a component: its area and static power, and per action its
 * energy and latency (Accelergy's ART and ERT for one component). All values SI.
 */
public interface ComponentModel {
    /** Area of one instance, m^2. */
    double area();

    /** Static (leakage) power of one instance, W. */
    double leakagePower();

    /**
     * Power of one instance busy at its full rate (dynamic + leakage), W: what a paper's
     * "power" column means, and what peak-power figures add up.
     */
    double peakPower();

    /** Energy of one action, J; 0 for an action the component does not do. */
    double energy(Action action);

    /** Latency of one action, s; 0 for an action the component does not do. */
    double latency(Action action);

    /** The actions this component does. */
    Set<Action> actions();
}

package org.memdse.cost.scaling;

import java.util.EnumMap;
import java.util.Map;
import org.memdse.core.eval.Action;
import org.memdse.cost.spi.ActionCosts;

/**
 * Builds an {@link ActionCosts} action by action. Peak power defaults to leakage plus the
 * largest energy/latency ratio of the actions (the instance busy with its most power-hungry
 * action), unless set.
 */
public final class Costs {
    private double area;
    private double leakage;
    private double peak = -1;
    private final Map<Action, Double> energy = new EnumMap<>(Action.class);
    private final Map<Action, Double> latency = new EnumMap<>(Action.class);

    public static Costs builder() {
        return new Costs();
    }

    /** m^2 per instance. */
    public Costs area(double m2) {
        this.area = m2;
        return this;
    }

    /** W per instance. */
    public Costs leakage(double watts) {
        this.leakage = watts;
        return this;
    }

    /** W per instance at full rate (otherwise derived). */
    public Costs peak(double watts) {
        this.peak = watts;
        return this;
    }

    /** J and s of one action. */
    public Costs action(Action a, double joules, double seconds) {
        energy.put(a, joules);
        latency.put(a, seconds);
        return this;
    }

    public ActionCosts build() {
        double p = peak;
        if (p < 0) {
            double dyn = 0;
            for (Map.Entry<Action, Double> e : energy.entrySet()) {
                double t = latency.getOrDefault(e.getKey(), 0.0);
                if (t > 0) {
                    dyn = Math.max(dyn, e.getValue() / t);
                }
            }
            p = leakage + dyn;
        }
        return new ActionCosts(area, leakage, p, energy, latency);
    }
}

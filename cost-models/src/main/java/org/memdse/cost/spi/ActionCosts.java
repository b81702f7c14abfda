package org.memdse.cost.spi;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.memdse.core.eval.Action;
import org.memdse.core.eval.NonFiniteResultException;

/**
 * A component model as numbers: what every {@link ComponentModelProvider} computes once per
 * component, so that evaluation only looks values up.
 *
 * @param area          m^2 per instance
 * @param leakagePower  W per instance
 * @param peakPower     W per instance at full rate
 * @param energy        J per action
 * @param latency       s per action
 */
public record ActionCosts(double area, double leakagePower, double peakPower, Map<Action, Double> energy,
                          Map<Action, Double> latency) implements ComponentModel {
    public ActionCosts {
        check("area", area);
        check("leakagePower", leakagePower);
        check("peakPower", peakPower);
        energy = Collections.unmodifiableMap(new EnumMap<>(energy.isEmpty() ? new EnumMap<>(Action.class) : energy));
        latency = Collections.unmodifiableMap(new EnumMap<>(latency.isEmpty() ? new EnumMap<>(Action.class) : latency));
        energy.forEach((a, v) -> check("energy(" + a.key() + ")", v));
        latency.forEach((a, v) -> check("latency(" + a.key() + ")", v));
    }

    private static void check(String what, double v) {
        // Extreme inputs overflow: a clear error naming the figure, not an internal one.
        NonFiniteResultException.requireFinite(what, v);
        if (v < 0) {
            throw new IllegalArgumentException(what + " must be finite and >= 0, was " + v);
        }
    }

    /** A model for one main action; peak power is its energy over its latency plus leakage. */
    public static ActionCosts single(Action action, double area, double leakagePower, double energy, double latency) {
        double peak = leakagePower + (latency > 0 ? energy / latency : 0);
        return new ActionCosts(area, leakagePower, peak, Map.of(action, energy), Map.of(action, latency));
    }

    @Override
    public double energy(Action action) {
        return energy.getOrDefault(action, 0.0);
    }

    @Override
    public double latency(Action action) {
        return latency.getOrDefault(action, 0.0);
    }

    @Override
    public Set<Action> actions() {
        return energy.keySet();
    }

    /** A copy of any model as numbers. */
    public static ActionCosts of(ComponentModel m) {
        if (m instanceof ActionCosts c) {
            return c;
        }
        Map<Action, Double> e = new EnumMap<>(Action.class);
        Map<Action, Double> l = new EnumMap<>(Action.class);
        for (Action a : m.actions()) {
            e.put(a, m.energy(a));
            l.put(a, m.latency(a));
        }
        return new ActionCosts(m.area(), m.leakagePower(), m.peakPower(), e, l);
    }
}

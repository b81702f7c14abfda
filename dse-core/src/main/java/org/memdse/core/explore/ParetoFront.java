package org.memdse.core.explore;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The non-dominated items for a list of objectives, kept incrementally: {@link #offer} a
 * candidate, and the front keeps it if no member dominates it and drops the members it
 * dominates. A dominates B when A is no worse in every objective and better in at least one;
 * items with equal objective values are all kept. Items with a NaN objective are never members.
 * Memory is the size of the front, not of the sweep. Not thread-safe.
 *
 * @param <T> what is kept for each member (e.g. a point id)
 */
public final class ParetoFront<T> {
    private final List<Objective> objectives;
    private final List<T> items = new ArrayList<>();
    private final List<double[]> costs = new ArrayList<>();

    public ParetoFront(List<Objective> objectives) {
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException("a Pareto front needs at least one objective");
        }
        this.objectives = List.copyOf(objectives);
    }

    public List<Objective> objectives() {
        return objectives;
    }

    /**
     * Offers an item with its metrics (indexed by {@link Metric#ordinal()}).
     *
     * @return whether it is on the front now
     */
    public boolean offer(T item, double[] metrics) {
        double[] c = new double[objectives.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = objectives.get(i).cost(metrics);
            if (Double.isNaN(c[i])) {
                return false;
            }
        }
        for (double[] m : costs) {
            if (dominates(m, c)) {
                return false;
            }
        }
        Iterator<T> it = items.iterator();
        Iterator<double[]> ic = costs.iterator();
        while (it.hasNext()) {
            it.next();
            if (dominates(c, ic.next())) {
                it.remove();
                ic.remove();
            }
        }
        items.add(item);
        costs.add(c);
        return true;
    }

    /** The current members, in the order they were offered. */
    public List<T> members() {
        return List.copyOf(items);
    }

    public int size() {
        return items.size();
    }

    /** Whether cost vector {@code a} dominates {@code b} (smaller is better). */
    public static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
            if (a[i] < b[i]) {
                better = true;
            }
        }
        return better;
    }
}

package org.memdse.core.arch;

import java.util.OptionalDouble;

/**
 * Figures a paper publishes for one instance of a component. Each given figure overrides the
 * cost model for that component, so a user can reproduce a paper's table exactly.
 *
 * @param area         area of one instance, m^2
 * @param energy       energy of one action (a read, a conversion, a spike...), J
 * @param power        average power of one instance while working (dynamic + leakage), W
 * @param leakagePower static power of one instance, W
 * @param latency      latency of one action, s
 */
public record PublishedFigures(OptionalDouble area, OptionalDouble energy, OptionalDouble power,
                               OptionalDouble leakagePower, OptionalDouble latency) {
    public static final PublishedFigures NONE = new PublishedFigures(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());

    public PublishedFigures {
        Checks.notNull("area", area);
        Checks.notNull("energy", energy);
        Checks.notNull("power", power);
        Checks.notNull("leakagePower", leakagePower);
        Checks.notNull("latency", latency);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}

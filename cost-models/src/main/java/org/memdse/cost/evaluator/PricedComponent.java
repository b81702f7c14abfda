package org.memdse.cost.evaluator;

import java.util.Objects;
import org.memdse.core.arch.Component;
import org.memdse.cost.spi.ComponentModel;

/**
 * A component group with its chosen model (published figures applied).
 *
 * @param component the group and its instance count
 * @param model     the cost of one instance
 */
public record PricedComponent(Component component, ComponentModel model) {
    public PricedComponent {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(model, "model");
    }

    /** Area of all instances, m^2. */
    public double area() {
        return component.count() * model.area();
    }

    /** Power of all instances busy at full rate, W. */
    public double peakPower() {
        return component.count() * model.peakPower();
    }

    /** Static power of all instances, W. */
    public double leakagePower() {
        return component.count() * model.leakagePower();
    }
}

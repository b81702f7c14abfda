package org.memdse.cost.spi;

import java.util.Objects;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Component;
import org.memdse.core.arch.Technology;

/**
 * What a provider is asked to price: one component group, in its system.
 *
 * @param component    the component group (its {@code spec} is the model record)
 * @param architecture the whole system (technology, devices, clock)
 */
public record ModelQuery(Component component, Architecture architecture) {
    public ModelQuery {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(architecture, "architecture");
    }

    public Technology technology() {
        return architecture.technology();
    }

    /** The component's record as {@code type}, or null if it is of another type. */
    public <T> T spec(Class<T> type) {
        return type.isInstance(component.spec()) ? type.cast(component.spec()) : null;
    }
}

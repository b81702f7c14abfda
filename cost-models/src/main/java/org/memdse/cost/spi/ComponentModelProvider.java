package org.memdse.cost.spi;

import java.util.List;

/**
 * A cost model for some components, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.memdse.cost.spi.ComponentModelProvider}). Adding a model is one
 * class, one services line and one subclass of the contract test.
 */
public interface ComponentModelProvider {
    /** Unique name, e.g. {@code sar-adc-walden}; a YAML {@code model:} may pin it later. */
    String name();

    /** The papers and tables behind every constant. */
    List<Citation> sources();

    /** Whether, and how well, this provider prices the component; a refusal says why. */
    Support supports(ModelQuery query);

    /** The model for a component this provider supports. */
    ComponentModel create(ModelQuery query);
}

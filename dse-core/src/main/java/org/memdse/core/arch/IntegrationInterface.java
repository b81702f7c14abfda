package org.memdse.core.arch;

/**
 * The interface for spatiotemporal integration between the SNN and ANN subsystems.
 *
 * @param name      subsystem name
 * @param direction conversion direction
 * @param channels  conversions in parallel
 * @param figures   published figures for one channel (energy per conversion)
 */
public record IntegrationInterface(String name, IntegrationDirection direction, int channels, PublishedFigures figures)
        implements Subsystem {
    public static final String KIND = "integration";

    public IntegrationInterface {
        Checks.notNull("name", name);
        Checks.notNull("direction", direction);
        Checks.atLeast("channels", channels, 1);
        Checks.notNull("figures", figures);
    }

    @Override
    public int networkEndpoints() {
        return 1;
    }
}

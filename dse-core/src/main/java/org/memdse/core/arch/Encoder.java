package org.memdse.core.arch;

/**
 * The multimodal data-encoding module: sensor channels in, spikes or voltages out.
 *
 * @param name     subsystem name
 * @param channels sensor channels encoded in parallel
 * @param scheme   encoding scheme
 * @param figures  published figures for one channel (energy per encoded sample)
 */
public record Encoder(String name, int channels, EncodingScheme scheme, PublishedFigures figures) implements Subsystem {
    public static final String KIND = "encoder";

    public Encoder {
        Checks.notNull("name", name);
        Checks.atLeast("channels", channels, 1);
        Checks.notNull("scheme", scheme);
        Checks.notNull("figures", figures);
    }

    @Override
    public int networkEndpoints() {
        return 1;
    }
}

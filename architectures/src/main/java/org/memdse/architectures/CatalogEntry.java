package org.memdse.architectures;

import java.util.Objects;

/**
 * One bundled description.
 *
 * @param id       the name users type ({@code memdse describe fig4-hybrid})
 * @param kind     architecture, network or sweep
 * @param resource classpath resource of its YAML
 * @param summary  one line on what it is
 * @param source   where its numbers or definition come from
 */
public record CatalogEntry(String id, Kind kind, String resource, String summary, String source) {
    /** What an entry describes. */
    public enum Kind { ARCHITECTURE, NETWORK, SWEEP }

    public CatalogEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(source, "source");
    }
}

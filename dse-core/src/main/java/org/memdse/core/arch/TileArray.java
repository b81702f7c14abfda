package org.memdse.core.arch;

/**
 * {@code count} instances of a template (CIM tiles or SNN cores).
 *
 * @param name     subsystem name
 * @param template the instantiated template
 * @param count    instances
 */
public record TileArray(String name, Template template, int count) implements Subsystem {
    public TileArray {
        Checks.notNull("name", name);
        Checks.notNull("template", template);
        Checks.atLeast("count", count, 1);
    }

    @Override
    public int networkEndpoints() {
        return count;
    }
}

package org.memdse.core.spec;

/**
 * An enum whose constants are written in YAML, JSON and CSV under one snake_case or kebab-case
 * key (e.g. {@code sample_hold}, {@code pulse-width}). {@link SpecMap#enumValue} reads them.
 */
public interface Keyed {
    String key();
}

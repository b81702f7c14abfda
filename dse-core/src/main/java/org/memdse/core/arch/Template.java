package org.memdse.core.arch;

/** A tile or core written once under {@code templates:} and instantiated by subsystems. */
public sealed interface Template permits CimTileTemplate, SnnCoreTemplate {
    String name();

    /** The YAML {@code kind} of this template. */
    String kindKey();
}

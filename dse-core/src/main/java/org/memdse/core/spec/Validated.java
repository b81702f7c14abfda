package org.memdse.core.spec;

import java.util.List;
import java.util.Objects;

/**
 * What a strict reader built from an input that has no error, with the warnings it found
 * (values outside a model's calibrated range, settings recorded but not yet used). Callers that
 * talk to a user print the warnings; the value is usable either way.
 *
 * @param value    what was read
 * @param warnings sorted by position; empty when there is nothing to say
 * @param sources  where the parts of the value were written, for checks made after reading
 * @param <T>      the kind of value
 */
public record Validated<T>(T value, List<Diagnostic> warnings, SourceMap sources) {
    public Validated {
        Objects.requireNonNull(value, "value");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(sources, "sources");
    }
}

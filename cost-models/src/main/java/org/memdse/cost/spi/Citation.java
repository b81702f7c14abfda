package org.memdse.cost.spi;

import java.util.Objects;

/**
 * Where a model's constants come from: a paper with its table or figure, or a derivation.
 *
 * @param text e.g. "Murmann, ADC Performance Survey 1997-2025 (Walden FoM envelope)"
 */
public record Citation(String text) {
    public Citation {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a citation needs text");
        }
    }
}

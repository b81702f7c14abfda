package org.memdse.core.arch;

import java.util.Objects;

/**
 * Invariant checks for the model's compact constructors. Users never see these messages:
 * readers reject bad input with diagnostics before building records.
 */
final class Checks {
    private Checks() {
    }

    static double positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be positive and finite, was " + value);
        }
        return value;
    }

    static double nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be >= 0 and finite, was " + value);
        }
        return value;
    }

    static int atLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", was " + value);
        }
        return value;
    }

    static <T> T notNull(String field, T value) {
        return Objects.requireNonNull(value, field);
    }
}

package org.memdse.core.eval;

/**
 * A figure of an evaluation came out infinite or NaN: the values of a description combine
 * beyond what a double holds. Raised where {@link Metrics} and {@link PeakFigures} are built,
 * so that no such figure is ever printed or written; the command line reports it as bad input
 * (exit code 2) naming the quantity. After the architecture reader's bounds it should not
 * happen; it is the last guard.
 */
public final class NonFiniteResultException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String quantity;
    private final double value;

    public NonFiniteResultException(String quantity, double value) {
        super("the " + quantity + " is not a finite number (" + value + "): the description's values combine "
                + "beyond what memdse can compute; bring its extreme values closer to a real chip "
                + "(the README's Bounds table gives each key's range)");
        this.quantity = quantity;
        this.value = value;
    }

    /** The value it came out as (infinite or NaN). */
    public double value() {
        return value;
    }

    /** The quantity that is not finite, e.g. "energy per inference". */
    public String quantity() {
        return quantity;
    }

    /** Throws unless {@code value} is finite. */
    public static void requireFinite(String quantity, double value) {
        if (!Double.isFinite(value)) {
            throw new NonFiniteResultException(quantity, value);
        }
    }

    /** Throws unless every part of {@code breakdown} and its total are finite. */
    static void requireFinite(String quantity, Breakdown breakdown) {
        breakdown.parts().forEach((key, value) -> requireFinite(quantity + " of '" + key + "'", value));
        requireFinite(quantity + " (total)", breakdown.total());
    }
}

package org.memdse.core.units;

/** A value that is not a well-formed quantity of the expected dimension. The message is for users. */
public final class UnitFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final boolean outOfRange;

    public UnitFormatException(String message) {
        this(message, false);
    }

    private UnitFormatException(String message, boolean outOfRange) {
        super(message);
        this.outOfRange = outOfRange;
    }

    /** A well-formed number beyond the double range (e.g. '1e999 V', or '1e308 GOhm' in ohms). */
    static UnitFormatException outOfRange(String text) {
        return new UnitFormatException("number out of range: '" + text.trim() + "'", true);
    }

    /** Whether the text was a well-formed quantity too large for a double (not a malformed one). */
    public boolean isOutOfRange() {
        return outOfRange;
    }
}

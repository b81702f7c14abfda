package org.memdse.core.units;

/** A value that is not a well-formed quantity of the expected dimension. The message is for users. */
public final class UnitFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnitFormatException(String message) {
        super(message);
    }
}

package org.memdse.core.units;

/**
 * The physical dimension of a quantity. Every dimension has one SI base unit in which memdse
 * stores values as {@code double}s; information is stored in bits.
 */
public enum Dimension {
    DIMENSIONLESS("number", ""),
    VOLTAGE("voltage", "V"),
    CURRENT("current", "A"),
    RESISTANCE("resistance", "Ohm"),
    CONDUCTANCE("conductance", "S"),
    TIME("time", "s"),
    FREQUENCY("frequency", "Hz"),
    ENERGY("energy", "J"),
    POWER("power", "W"),
    LENGTH("length", "m"),
    AREA("area", "m^2"),
    INFORMATION("amount of information", "bit");

    private final String description;
    private final String baseSymbol;

    Dimension(String description, String baseSymbol) {
        this.description = description;
        this.baseSymbol = baseSymbol;
    }

    /** A phrase for messages, e.g. "time". */
    public String description() {
        return description;
    }

    /** The symbol of the unit values of this dimension are stored in. */
    public String baseSymbol() {
        return baseSymbol;
    }
}

package org.memdse.core.arch;

/**
 * How data is cut into packets on the on-chip network: every packet carries a header (routing
 * address, type) and at most {@code payloadBits} of data, and travels as whole flits.
 *
 * @param headerBits  header bits of every packet
 * @param payloadBits data bits of a full packet
 */
public record PacketFormat(double headerBits, double payloadBits) {
    public PacketFormat {
        Checks.nonNegative("header", headerBits);
        Checks.positive("payload", payloadBits);
    }

    /** Packets needed for {@code bits} of data. */
    public double packets(double bits) {
        return bits <= 0 ? 0 : Math.ceil(bits / payloadBits);
    }

    /**
     * Flits that carry {@code bits} of data over {@code flitBits}-wide links: full packets of
     * ceil((header + payload) / flit) flits and a last one of what is left.
     */
    public double flits(double bits, double flitBits) {
        if (bits <= 0) {
            return 0;
        }
        double full = Math.floor(bits / payloadBits);
        double rest = bits - full * payloadBits;
        double flits = full * Math.ceil((headerBits + payloadBits) / flitBits);
        return rest > 0 ? flits + Math.ceil((headerBits + rest) / flitBits) : flits;
    }
}

package org.memdse.core.mapping;

/**
 * One place on the on-chip network where units can sit: a CIM tile, an SNN core, or an
 * interface block.
 *
 * @param index     dense index over the whole system (subsystems in file order, instances in order)
 * @param subsystem subsystem name
 * @param instance  instance within the subsystem
 * @param resource  what it offers
 * @param router    the router it attaches to (numbered across chips in a multi-chip system)
 * @param chip      the chip it is on (0 in a one-chip system)
 */
public record Endpoint(int index, String subsystem, int instance, ResourceKind resource, int router, int chip) {
    /** An endpoint of a one-chip system. */
    public Endpoint(int index, String subsystem, int instance, ResourceKind resource, int router) {
        this(index, subsystem, instance, resource, router, 0);
    }

    @Override
    public String toString() {
        return (chip == 0 ? "" : "chip" + chip + ".") + subsystem + "[" + instance + "]";
    }
}

package org.memdse.core.mapping;

/**
 * One place on the on-chip network where units can sit: a CIM tile, an SNN core, or an
 * interface block.
 *
 * @param index     dense index over the whole system (subsystems in file order, instances in order)
 * @param subsystem subsystem name
 * @param instance  instance within the subsystem
 * @param resource  what it offers
 * @param router    the router it attaches to
 */
public record Endpoint(int index, String subsystem, int instance, ResourceKind resource, int router) {
    @Override
    public String toString() {
        return subsystem + "[" + instance + "]";
    }
}

package org.memdse.core.arch;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The on-chip network that joins tiles, cores and the other blocks.
 *
 * @param topology      mesh, torus, H-tree or bus
 * @param concentration endpoints per router (4 makes ISAAC's concentrated mesh)
 * @param columns       router columns of a mesh/torus; empty to choose a near-square grid
 * @param rows          router rows of a mesh/torus; empty to choose a near-square grid
 * @param flitBits      flit (or bus) width, bits
 * @param linkLengthM   length of one link, m; empty to derive it from the tile area
 * @param router        published figures for one router
 * @param link          published figures for one link (energy per flit)
 * @param clockHz       the links' clock (one flit per link and cycle), Hz; empty: the technology's clock
 * @param packet        header and payload of a packet; empty: data travels as bare flits (no header)
 */
public record OnChipNetwork(Topology topology, int concentration, OptionalInt columns, OptionalInt rows, double flitBits,
                            OptionalDouble linkLengthM, PublishedFigures router, PublishedFigures link,
                            OptionalDouble clockHz, Optional<PacketFormat> packet) {
    public OnChipNetwork {
        Checks.notNull("topology", topology);
        Checks.atLeast("concentration", concentration, 1);
        Checks.notNull("columns", columns);
        Checks.notNull("rows", rows);
        Checks.positive("flit", flitBits);
        Checks.notNull("linkLengthM", linkLengthM);
        Checks.notNull("router", router);
        Checks.notNull("link", link);
        Checks.notNull("clockHz", clockHz);
        if (clockHz.isPresent()) {
            Checks.positive("clock", clockHz.getAsDouble());
        }
        Checks.notNull("packet", packet);
    }

    /** A network clocked with the chip, without packet headers. */
    public OnChipNetwork(Topology topology, int concentration, OptionalInt columns, OptionalInt rows, double flitBits,
                         OptionalDouble linkLengthM, PublishedFigures router, PublishedFigures link) {
        this(topology, concentration, columns, rows, flitBits, linkLengthM, router, link, OptionalDouble.empty(),
                Optional.empty());
    }

    /** This network with other published figures. */
    public OnChipNetwork withFigures(PublishedFigures router, PublishedFigures link) {
        return new OnChipNetwork(topology, concentration, columns, rows, flitBits, linkLengthM, router, link, clockHz,
                packet);
    }

    /** Routers needed for {@code endpoints} endpoints (a bus has none). */
    public int routersFor(int endpoints) {
        if (topology == Topology.BUS) {
            return 0;
        }
        if (columns.isPresent() && rows.isPresent()) {
            return columns.getAsInt() * rows.getAsInt();
        }
        return (endpoints + concentration - 1) / concentration;
    }

    /**
     * Router columns of a mesh or torus joining {@code endpoints} endpoints: the given ones, else
     * the near-square grid's ceil(sqrt(routers)) (as the mapping's topology lays it out).
     */
    public int gridColumns(int endpoints) {
        if (columns.isPresent()) {
            return columns.getAsInt();
        }
        int groups = Math.max(1, (endpoints + concentration - 1) / concentration);
        return (int) Math.ceil(Math.sqrt(groups));
    }

    /** The links' clock: the given one, else {@code technology}'s, Hz. */
    public double linkClockHz(Technology technology) {
        return clockHz.orElse(technology.clockHz());
    }

    /** Bandwidth of one link, bit/s: one flit per cycle. */
    public double linkBandwidth(Technology technology) {
        return flitBits * linkClockHz(technology);
    }

    /** Flits that carry {@code bits} of data: whole packets with their headers, else ceil(bits / flit). */
    public double flits(double bits) {
        if (packet.isPresent()) {
            return packet.get().flits(bits, flitBits);
        }
        return Math.ceil(bits / flitBits);
    }
}

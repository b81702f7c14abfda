package org.memdse.core.arch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A multi-chip system: {@code chips} copies of the chip the description gives, on a board (or
 * package) of {@code places} places, wired by {@code topology} with one {@code link} (its lanes,
 * width, clock and kind) per connection.
 *
 * @param chips       chips in the system, at least 1
 * @param topology    how the chips are connected
 * @param places      places on the board (at least {@code chips}); a mesh has {@code columns x rows}
 * @param columns     columns of a mesh's grid of places (0 for other topologies)
 * @param connections the links between chips, derived from
 *                    the topology (or as written for {@link BoardTopology#CUSTOM})
 * @param link        one connection's link; empty only for a single chip
 */
public record Board(int chips, BoardTopology topology, int places, int columns, List<Board.Connection> connections,
                    Optional<ChipLinks> link) {
    public Board {
        Checks.atLeast("chips", chips, 1);
        Checks.notNull("topology", topology);
        Checks.atLeast("places", places, chips);
        connections = List.copyOf(connections);
        Checks.notNull("link", link);
        for (Connection c : connections) {
            if (c.b() >= chips) {
                throw new IllegalArgumentException("connections: " + c + " names a chip beyond the " + chips + " chips");
            }
        }
        if (chips > 1 && link.isEmpty()) {
            throw new IllegalArgumentException("link: a board of " + chips + " chips needs a link");
        }
    }

    /** A board of {@code chips} chips wired by a regular topology (not {@link BoardTopology#CUSTOM}). */
    public static Board of(int chips, BoardTopology topology, int places, int columns, Optional<ChipLinks> link) {
        return new Board(chips, topology, places, columns, connections(chips, topology, columns), link);
    }

    /**
     * The connections of a regular topology between chips 0..chips-1: a line's neighbours, a ring's
     * (closed from three chips on), a mesh's horizontal and vertical neighbours among the places the
     * chips take in row-major order, every pair for all-to-all. Empty for {@link BoardTopology#CUSTOM}.
     */
    public static List<Connection> connections(int chips, BoardTopology topology, int columns) {
        List<Connection> out = new ArrayList<>();
        switch (topology) {
            case LINE, RING -> {
                for (int i = 0; i + 1 < chips; i++) {
                    out.add(new Connection(i, i + 1));
                }
                if (topology == BoardTopology.RING && chips > 2) {
                    out.add(new Connection(0, chips - 1));
                }
            }
            case MESH -> {
                int cols = Math.max(1, columns);
                for (int i = 0; i < chips; i++) {
                    if ((i % cols) + 1 < cols && i + 1 < chips) {
                        out.add(new Connection(i, i + 1));
                    }
                    if (i + cols < chips) {
                        out.add(new Connection(i, i + cols));
                    }
                }
            }
            case ALL_TO_ALL -> {
                for (int i = 0; i < chips; i++) {
                    for (int j = i + 1; j < chips; j++) {
                        out.add(new Connection(i, j));
                    }
                }
            }
            case CUSTOM -> {
            }
        }
        return out;
    }

    /**
     * Board hops between every pair of chips (breadth first over the connections), row-major
     * {@code [a * chips + b]}; {@link Integer#MAX_VALUE} where no path joins them.
     */
    public int[] hops() {
        List<List<Integer>> adjacent = new ArrayList<>();
        for (int i = 0; i < chips; i++) {
            adjacent.add(new ArrayList<>());
        }
        for (Connection c : connections) {
            adjacent.get(c.a()).add(c.b());
            adjacent.get(c.b()).add(c.a());
        }
        int[] hops = new int[chips * chips];
        Arrays.fill(hops, Integer.MAX_VALUE);
        for (int s = 0; s < chips; s++) {
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            hops[s * chips + s] = 0;
            queue.add(s);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                for (int w : adjacent.get(v)) {
                    if (hops[s * chips + w] == Integer.MAX_VALUE) {
                        hops[s * chips + w] = hops[s * chips + v] + 1;
                        queue.add(w);
                    }
                }
            }
        }
        return hops;
    }

    /** The chips no path of connections joins to chip 0, in order (empty when every chip is reachable). */
    public List<Integer> unreachable() {
        int[] hops = hops();
        List<Integer> out = new ArrayList<>();
        for (int c = 1; c < chips; c++) {
            if (hops[c] == Integer.MAX_VALUE) {
                out.add(c);
            }
        }
        return out;
    }

    /** Rows of a mesh's grid of places (0 for other topologies). */
    public int rows() {
        return columns == 0 ? 0 : places / columns;
    }

    /**
     * One link between two chips.
     *
     * @param a the lower chip index
     * @param b the higher chip index
     */
    public record Connection(int a, int b) {
        public Connection {
            if (a < 0 || b <= a) {
                throw new IllegalArgumentException("a connection joins two chips a < b, found " + a + "-" + b);
            }
        }

        @Override
        public String toString() {
            return a + "-" + b;
        }
    }
}

package org.memdse.report.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each router of a system's on-chip network is drawn: a cell {@code (x, y)} of a
 * {@code columns × rows} grid, or {@link Cell#HIDDEN} (an inner H-tree router, which no
 * endpoint attaches to). The command line builds it from the mapping module's topology; the
 * reports only draw it.
 *
 * @param topology {@code mesh}, {@code torus}, {@code htree} or {@code bus}
 * @param columns  grid columns
 * @param rows     grid rows
 * @param routers  one cell per router id
 */
public record Floorplan(String topology, int columns, int rows, List<Cell> routers) {
    public Floorplan {
        routers = List.copyOf(routers);
        if (columns < 1 || rows < 1) {
            throw new IllegalArgumentException("columns and rows must be >= 1");
        }
    }

    /**
     * A grid cell.
     *
     * @param x column, 0 on the left
     * @param y row, 0 at the top
     */
    public record Cell(int x, int y) {
        public static final Cell HIDDEN = new Cell(-1, -1);

        public boolean visible() {
            return x >= 0;
        }
    }

    /** A mesh or torus: router {@code r} at {@code (r mod columns, r / columns)}. */
    public static Floorplan grid(String topology, int columns, int rows) {
        List<Cell> cells = new ArrayList<>();
        for (int r = 0; r < columns * rows; r++) {
            cells.add(new Cell(r % columns, r / columns));
        }
        return new Floorplan(topology, columns, rows, cells);
    }

    /** A tree: its leaf routers {@code 0..leaves-1} in a near-square grid, the inner routers hidden. */
    public static Floorplan leaves(String topology, int routers, int leaves) {
        int columns = Math.max(1, (int) Math.ceil(Math.sqrt(leaves)));
        int rows = Math.max(1, (leaves + columns - 1) / columns);
        List<Cell> cells = new ArrayList<>();
        for (int r = 0; r < routers; r++) {
            cells.add(r < leaves ? new Cell(r % columns, r / columns) : Cell.HIDDEN);
        }
        return new Floorplan(topology, columns, rows, cells);
    }

    /** A bus: one shared medium, drawn as one cell holding every endpoint. */
    public static Floorplan single(String topology) {
        return new Floorplan(topology, 1, 1, List.of(new Cell(0, 0)));
    }

    /** Whether neighbouring cells are joined by links (mesh and torus). */
    public boolean isGrid() {
        return "mesh".equals(topology) || "torus".equals(topology);
    }

    public Cell cell(int router) {
        return router >= 0 && router < routers.size() ? routers.get(router) : Cell.HIDDEN;
    }
}

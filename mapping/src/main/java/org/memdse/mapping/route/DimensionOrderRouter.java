package org.memdse.mapping.route;

import java.util.ArrayList;
import java.util.List;
import org.memdse.core.arch.Topology;
import org.memdse.mapping.topology.NetworkTopology;

/**
 * XY (dimension-order) routing, deadlock-free on a mesh: first along the row to the target
 * column, then along the column. On a torus each dimension goes the shorter way round (ties
 * go in the increasing direction).
 */
public final class DimensionOrderRouter implements Router {
    @Override
    public List<Integer> route(NetworkTopology t, int fromEndpoint, int toEndpoint) {
        int from = t.router(fromEndpoint);
        int to = t.router(toEndpoint);
        List<Integer> links = new ArrayList<>();
        if (fromEndpoint == toEndpoint || from == to) {
            return links;
        }
        boolean torus = t.kind() == Topology.TORUS;
        int cols = t.columns();
        int rows = t.rows();
        int x = t.x(from);
        int y = t.y(from);
        int stepX = step(x, t.x(to), cols, torus);
        while (x != t.x(to)) {
            int nx = Math.floorMod(x + stepX, cols);
            links.add(t.link(y * cols + x, y * cols + nx));
            x = nx;
        }
        int stepY = step(y, t.y(to), rows, torus);
        while (y != t.y(to)) {
            int ny = Math.floorMod(y + stepY, rows);
            links.add(t.link(y * cols + x, ny * cols + x));
            y = ny;
        }
        return links;
    }

    private static int step(int from, int to, int size, boolean torus) {
        if (!torus) {
            return Integer.compare(to, from);
        }
        int forward = Math.floorMod(to - from, size);
        return forward <= size - forward ? 1 : -1;
    }
}

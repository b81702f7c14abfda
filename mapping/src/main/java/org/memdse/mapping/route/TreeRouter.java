package org.memdse.mapping.route;

import java.util.ArrayList;
import java.util.List;
import org.memdse.mapping.topology.NetworkTopology;

/** The unique tree path on an H-tree: up from the sender's leaf to the lowest common ancestor, then down. */
public final class TreeRouter implements Router {
    @Override
    public List<Integer> route(NetworkTopology t, int fromEndpoint, int toEndpoint) {
        int a = t.router(fromEndpoint);
        int b = t.router(toEndpoint);
        List<Integer> up = new ArrayList<>();
        List<Integer> down = new ArrayList<>();
        if (fromEndpoint == toEndpoint) {
            return up;
        }
        while (a != b) {
            if (t.depth(a) >= t.depth(b)) {
                int p = t.parent(a);
                up.add(t.link(a, p));
                a = p;
            } else {
                int p = t.parent(b);
                down.add(0, t.link(p, b));
                b = p;
            }
        }
        up.addAll(down);
        return up;
    }
}

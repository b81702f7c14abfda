package org.memdse.mapping.objective;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.core.network.Projection;
import org.memdse.core.network.TrafficEdge;
import org.memdse.mapping.partition.NodeUnits;
import org.memdse.mapping.partition.Partition;

/**
 * The uniform traffic model. Each network edge {@code A → B} carries {@code bits} per inference;
 * it is spread evenly over the units: the traffic from endpoint {@code a} to endpoint {@code b}
 * is {@code bits × (A's units on a / A's units) × (B's units on b / B's units)}, i.e. every pair
 * (unit of A, unit of B) exchanges {@code bits / (|A| · |B|)} ({@link Flow#pairWeight()}).
 * traffic × hops = Σ over flows and unit pairs of {@code pairWeight × hops(endpoint(u), endpoint(v))}.
 *
 * <p>Nodes without units run where their data already is:
 * <ul>
 *   <li>a projection is attached to the population it feeds (its synapses sit on that
 *       population's cores, so the presynaptic spikes travel there);</li>
 *   <li>any other unit-less node (activation, pooling, batch norm, add, concat, flatten, reshape)
 *       is attached to its nearest unit-bearing predecessor along its first forward input (port
 *       0): a pooling node runs on the digital units of the tiles of the layer that feeds it, so
 *       its output flows from there; a residual add runs on the tiles of its first operand, and
 *       the shortcut's data flows to them;</li>
 *   <li>a node whose chain reaches no unit (an input from off chip) is off the network: its
 *       edges carry no on-chip traffic.</li>
 * </ul>
 * Edges between two nodes attached to the same node carry nothing on the network (element-wise
 * work on data in place), and so do edges of zero bits (a projection's currents).
 */
public final class TrafficModel {
    private final Partition partition;
    private final int[] anchor;
    private final List<String> nodeNames;
    private final List<Flow> flows;
    private final int[] unitNode;
    private final int[] unitsPerNode;
    private final double[][] nodeWeight;

    private TrafficModel(Partition partition, List<String> nodeNames, int[] anchor, List<Flow> flows) {
        this.partition = partition;
        this.nodeNames = List.copyOf(nodeNames);
        this.anchor = anchor;
        this.flows = List.copyOf(flows);
        this.unitNode = partition.unitNode().stream().mapToInt(Integer::intValue).toArray();
        int n = partition.nodes().size();
        this.unitsPerNode = partition.nodes().stream().mapToInt(NodeUnits::count).toArray();
        this.nodeWeight = new double[n][n];
        for (Flow f : flows) {
            nodeWeight[f.from()][f.to()] += f.pairWeight();
        }
    }

    public static TrafficModel of(NetworkGraph network, Partition partition) {
        Map<String, NodeUnits> byName = partition.byName();
        List<NetworkNode> nodes = network.nodes();
        List<String> names = new ArrayList<>();
        for (NetworkNode n : nodes) {
            names.add(n.name());
        }
        int[] anchor = new int[nodes.size()];
        Arrays.fill(anchor, Integer.MIN_VALUE);
        for (int i = 0; i < nodes.size(); i++) {
            resolve(network, byName, names, anchor, i, 0);
        }
        List<Flow> flows = new ArrayList<>();
        for (TrafficEdge e : network.edges()) {
            if (!(e.bitsPerInference() > 0)) {
                continue;
            }
            int a = anchor[names.indexOf(e.source())];
            int b = anchor[names.indexOf(e.target())];
            if (a < 0 || b < 0 || a == b) {
                continue;
            }
            double pair = e.bitsPerInference() / ((double) partition.nodes().get(a).count() * partition.nodes().get(b).count());
            flows.add(new Flow(e.id(), a, b, e.bitsPerInference(), pair));
        }
        return new TrafficModel(partition, names, anchor, flows);
    }

    private static int resolve(NetworkGraph network, Map<String, NodeUnits> byName, List<String> names, int[] anchor,
                               int i, int depth) {
        if (anchor[i] != Integer.MIN_VALUE) {
            return anchor[i];
        }
        if (depth > names.size()) {
            return -1;
        }
        NetworkNode node = network.nodes().get(i);
        NodeUnits own = byName.get(node.name());
        int result = -1;
        if (own != null) {
            result = own.index();
        } else if (node instanceof Projection) {
            for (TrafficEdge out : network.outputs(node)) {
                result = resolve(network, byName, names, anchor, names.indexOf(out.target()), depth + 1);
                break;
            }
        } else {
            for (TrafficEdge in : network.inputs(node)) {
                if (!in.feedback()) {
                    result = resolve(network, byName, names, anchor, names.indexOf(in.source()), depth + 1);
                    break;
                }
            }
        }
        anchor[i] = result;
        return result;
    }

    public Partition partition() {
        return partition;
    }

    /** Every flow, in edge order. */
    public List<Flow> flows() {
        return flows;
    }

    /** Index (in the partition's nodes) of the node a network node runs on; -1 if off the network. */
    public int anchorOf(String networkNode) {
        int i = nodeNames.indexOf(networkNode);
        return i < 0 ? -1 : anchor[i];
    }

    /** Node index of each unit. */
    public int nodeOfUnit(int unit) {
        return unitNode[unit];
    }

    /** Units of each node, by node index. */
    public int unitsOf(int node) {
        return unitsPerNode[node];
    }

    public int nodeCount() {
        return unitsPerNode.length;
    }

    /**
     * Bits exchanged per inference between one unit of node {@code from} and one unit of node
     * {@code to}, summed over all edges between them (0 if none); a constraint stream can join
     * unit pairs on a non-zero weight and penalise {@code weight × hops}.
     */
    public double pairWeight(int from, int to) {
        return nodeWeight[from][to];
    }
}

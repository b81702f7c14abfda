package org.memdse.mapping.place;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.memdse.core.mapping.CoreGroup;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.mapping.MappingProblem;
import org.memdse.mapping.objective.Flow;
import org.memdse.mapping.objective.TrafficModel;
import org.memdse.mapping.partition.NodeUnits;
import org.memdse.mapping.partition.Partition;
import org.memdse.mapping.topology.Capacity;
import org.memdse.mapping.topology.NetworkTopology;

/**
 * Cuts a network's units into chip-sized parts with the least traffic between chips, before
 * anything is placed on a chip (a multi-chip system's first concern: a bit that crosses the board
 * costs more than any path on a chip).
 *
 * <p>The traffic model spreads an edge's bits evenly over its nodes' units
 * ({@link TrafficModel}), so a cut depends only on how many units of each node sit on each chip:
 * crossing bits = Σ over flows A→B of w_AB · (|A| |B| − Σ_c n_A(c) n_B(c)), where w_AB is the
 * flow's pair weight. Two steps:
 * <ol>
 *   <li><b>Contiguous cut by dynamic programming.</b> Units in id order (nodes in topological
 *       order) are cut into at most {@code chips} consecutive segments, each within one chip's
 *       capacity; a segment's value is the traffic it keeps inside, Σ w_AB · n_A · n_B over its
 *       overlap with each node, which is additive over segments, so the best cut over candidate
 *       positions (every node boundary and steps of at most 1/512 of the units inside nodes) is
 *       exact over those positions.</li>
 *   <li><b>Move refinement</b> (after Fiduccia-Mattheyses): a unit of A moved from chip c to d
 *       changes the crossing bits by Σ_B w_AB (n_B(c) − n_B(d)), the same for every unit of A, so
 *       the best move takes as many units as d has room for; pair swaps of two nodes' units
 *       between full chips are tried too. Moves are applied while one gains.</li>
 *   <li><b>Restarts</b>: the refinement also runs from {@link #RESTARTS} seeded random cuts that fit,
 *       and the lowest cut of all wins (the contiguous cut misses cuts that leave a chip holding
 *       layers from both ends of a network).</li>
 * </ol>
 * Capacity per chip: crossbars for crossbar blocks, neurons and synapse rows for SNN core groups
 * (summed over the chip's cores; packing is checked when the units are placed); boundary units
 * (encoder, integration) have room on every chip.
 */
public final class ChipAssigner {
    /** Candidate cut positions inside a node: at most this many across all units. */
    static final int POSITIONS = 512;

    private final int chips;
    private final int units;
    private final int nodes;
    private final int[] nodeOf;
    private final int[] start;
    private final int[] count;
    private final List<Flow> flows;
    /** Per unit, its demand in each capacity dimension (crossbars, neurons, synapse rows). */
    private final long[][] demand;
    /** One chip's capacity in each dimension. */
    private final long[] capacity;

    private ChipAssigner(Partition partition, TrafficModel traffic, long[] capacity, int chips) {
        this.chips = chips;
        this.units = partition.unitCount();
        this.nodes = partition.nodes().size();
        this.nodeOf = new int[units];
        for (int u = 0; u < units; u++) {
            nodeOf[u] = partition.unitNode().get(u);
        }
        this.start = new int[nodes];
        this.count = new int[nodes];
        for (NodeUnits n : partition.nodes()) {
            start[n.index()] = n.firstUnit();
            count[n.index()] = n.count();
        }
        this.flows = traffic.flows();
        this.demand = new long[units][];
        for (MappingUnit u : partition.units()) {
            demand[u.id()] = demandOf(u);
        }
        this.capacity = capacity;
    }

    /** The chip of every unit, as cut for {@code problem}'s topology ({@link NetworkTopology#chips()} chips). */
    public static int[] assign(MappingProblem problem) {
        return of(problem).assign();
    }

    /** An assigner for {@code problem} (its chips and their capacity). */
    public static ChipAssigner of(MappingProblem problem) {
        NetworkTopology t = problem.topology();
        return new ChipAssigner(problem.partition(), problem.traffic(), chipCapacity(t), t.chips());
    }

    /** An assigner over a partition and its traffic, for {@code chips} chips of {@code capacity} each. */
    public static ChipAssigner of(Partition partition, TrafficModel traffic, long[] capacity, int chips) {
        return new ChipAssigner(partition, traffic, capacity.clone(), chips);
    }

    /** Crossbars, neurons and synapse rows of one chip (chip 0; all chips are alike). */
    static long[] chipCapacity(NetworkTopology t) {
        long[] c = new long[3];
        for (int e = 0; e < t.endpointCount(); e++) {
            if (t.chipOf(e) != 0) {
                continue;
            }
            Capacity cap = t.capacity(e);
            if (cap.crossbars() != Capacity.UNLIMITED) {
                c[0] += cap.crossbars();
            }
            if (cap.neurons() != Capacity.UNLIMITED) {
                c[1] += cap.neurons();
                c[2] += cap.synapseRows();
            }
        }
        return c;
    }

    static long[] demandOf(MappingUnit u) {
        if (u instanceof CrossbarBlock) {
            return new long[] {1, 0, 0};
        }
        if (u instanceof CoreGroup g) {
            return new long[] {0, g.neurons(), g.fanIn()};
        }
        return new long[] {0, 0, 0};
    }

    /** Random starts the assignment tries besides the contiguous cut (seeded: the same cut every time). */
    static final int RESTARTS = 8;

    /**
     * The best contiguous cut, refined by moves, or, if lower, the best of {@link #RESTARTS}
     * seeded random cuts that fit, each refined by moves.
     */
    public int[] assign() {
        int[] best = contiguous();
        refine(best);
        double bestCut = crossingBits(best);
        Random random = new Random(RESTARTS);
        for (int s = 0; s < RESTARTS && bestCut > 0; s++) {
            int[] chipOf = randomFit(random);
            if (chipOf == null) {
                continue;
            }
            refine(chipOf);
            double cut = crossingBits(chipOf);
            if (cut < bestCut - 1e-9 * bestCut) {
                best = chipOf;
                bestCut = cut;
            }
        }
        return best;
    }

    /** Bits per inference that cross between chips under an assignment (see the class comment). */
    public double crossingBits(int[] chipOf) {
        return crossing(counts(chipOf));
    }

    // ---- contiguous cut -------------------------------------------------------------------------

    /** The best cut of units in id order into at most {@code chips} segments that fit; all on chip 0 if none. */
    int[] contiguous() {
        int[] cand = candidates();
        int m = cand.length;
        // prefix demand over units, to test a segment's fit in O(dimensions)
        long[][] prefix = new long[units + 1][3];
        for (int u = 0; u < units; u++) {
            for (int d = 0; d < 3; d++) {
                prefix[u + 1][d] = prefix[u][d] + demand[u][d];
            }
        }
        double[][] best = new double[chips + 1][m];
        int[][] from = new int[chips + 1][m];
        for (double[] row : best) {
            Arrays.fill(row, Double.NEGATIVE_INFINITY);
        }
        best[0][0] = 0;
        for (int j = 1; j <= chips; j++) {
            for (int e = 0; e < m; e++) {
                for (int s = e; s >= 0; s--) {
                    if (!fits(prefix, cand[s], cand[e])) {
                        break;
                    }
                    if (best[j - 1][s] == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    double v = best[j - 1][s] + (s == e ? 0 : internal(cand[s], cand[e]));
                    if (v > best[j][e]) {
                        best[j][e] = v;
                        from[j][e] = s;
                    }
                }
            }
        }
        int[] chipOf = new int[units];
        if (best[chips][m - 1] == Double.NEGATIVE_INFINITY) {
            return chipOf; // does not fit at all: the placer reports it
        }
        int e = m - 1;
        for (int j = chips; j >= 1; j--) {
            int s = from[j][e];
            for (int u = cand[s]; u < cand[e]; u++) {
                chipOf[u] = j - 1;
            }
            e = s;
        }
        return chipOf;
    }

    private int[] candidates() {
        int step = Math.max(1, (units + POSITIONS - 1) / POSITIONS);
        List<Integer> out = new ArrayList<>();
        out.add(0);
        for (int n = 0; n < nodes; n++) {
            for (int k = step; k < count[n]; k += step) {
                out.add(start[n] + k);
            }
            out.add(start[n] + count[n]);
        }
        return out.stream().distinct().sorted().mapToInt(Integer::intValue).toArray();
    }

    private boolean fits(long[][] prefix, int from, int to) {
        for (int d = 0; d < 3; d++) {
            if (prefix[to][d] - prefix[from][d] > capacity[d]) {
                return false;
            }
        }
        return true;
    }

    /** Traffic kept inside the unit range [from, to). */
    private double internal(int from, int to) {
        double sum = 0;
        for (Flow f : flows) {
            long a = overlap(f.from(), from, to);
            if (a == 0) {
                continue;
            }
            long b = overlap(f.to(), from, to);
            sum += f.pairWeight() * a * b;
        }
        return sum;
    }

    private long overlap(int node, int from, int to) {
        return Math.max(0, Math.min(to, start[node] + count[node]) - Math.max(from, start[node]));
    }

    // ---- refinement -----------------------------------------------------------------------------

    private long[][] counts(int[] chipOf) {
        long[][] n = new long[nodes][chips];
        for (int u = 0; u < units; u++) {
            n[nodeOf[u]][chipOf[u]]++;
        }
        return n;
    }

    private double crossing(long[][] n) {
        double sum = 0;
        for (Flow f : flows) {
            double same = 0;
            for (int c = 0; c < chips; c++) {
                same += (double) n[f.from()][c] * n[f.to()][c];
            }
            sum += f.pairWeight() * ((double) count[f.from()] * count[f.to()] - same);
        }
        return sum;
    }

    /** Per node, its flows to and from other nodes with their pair weights. */
    private List<List<double[]>> neighbours() {
        List<List<double[]>> out = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            out.add(new ArrayList<>());
        }
        for (Flow f : flows) {
            out.get(f.from()).add(new double[] {f.to(), f.pairWeight()});
            out.get(f.to()).add(new double[] {f.from(), f.pairWeight()});
        }
        return out;
    }

    /** Crossing bits saved per unit of {@code node} moved from chip c to d. */
    private static double gain(List<double[]> adjacent, long[][] n, int c, int d) {
        double g = 0;
        for (double[] a : adjacent) {
            int b = (int) a[0];
            g += a[1] * (n[b][d] - n[b][c]);
        }
        return g;
    }

    /** Applies the best improving move (or swap) until none gains; at most 20 x nodes x chips rounds. */
    void refine(int[] chipOf) {
        long[][] n = counts(chipOf);
        long[][] used = new long[chips][3];
        for (int u = 0; u < units; u++) {
            for (int d = 0; d < 3; d++) {
                used[chipOf[u]][d] += demand[u][d];
            }
        }
        List<List<double[]>> adjacent = neighbours();
        // units of each node by chip, so a move can pick them
        List<List<List<Integer>>> members = new ArrayList<>();
        for (int a = 0; a < nodes; a++) {
            List<List<Integer>> byChip = new ArrayList<>();
            for (int c = 0; c < chips; c++) {
                byChip.add(new ArrayList<>());
            }
            members.add(byChip);
        }
        for (int u = units - 1; u >= 0; u--) {
            members.get(nodeOf[u]).get(chipOf[u]).add(u);
        }
        int rounds = 20 * Math.max(1, nodes) * chips;
        for (int round = 0; round < rounds; round++) {
            double bestGain = 1e-9;
            int[] bestMove = null;
            for (int a = 0; a < nodes; a++) {
                for (int c = 0; c < chips; c++) {
                    if (n[a][c] == 0) {
                        continue;
                    }
                    for (int d = 0; d < chips; d++) {
                        if (d == c) {
                            continue;
                        }
                        double g = gain(adjacent.get(a), n, c, d);
                        if (g <= 0) {
                            continue;
                        }
                        long k = movable(members.get(a).get(c), used[d]);
                        if (k > 0 && g * k > bestGain) {
                            bestGain = g * k;
                            bestMove = new int[] {a, c, d, (int) k, -1};
                        }
                    }
                }
            }
            if (bestMove == null) {
                int[] swap = bestSwap(adjacent, n, members);
                if (swap == null) {
                    return;
                }
                bestMove = swap;
            }
            apply(bestMove, chipOf, n, used, members);
        }
    }

    /** How many units of a node's list fit the free room of a chip (in list order). */
    private long movable(List<Integer> list, long[] usedOnTarget) {
        long[] room = new long[3];
        for (int d = 0; d < 3; d++) {
            room[d] = capacity[d] - usedOnTarget[d];
        }
        long k = 0;
        for (int i = list.size() - 1; i >= 0; i--) {
            long[] dem = demand[list.get(i)];
            boolean fits = true;
            for (int d = 0; d < 3; d++) {
                fits &= dem[d] <= room[d];
            }
            if (!fits) {
                break;
            }
            for (int d = 0; d < 3; d++) {
                room[d] -= dem[d];
            }
            k++;
        }
        return k;
    }

    /**
     * The best exchange of k units of node a on chip c with k units of node b on chip d (crossbar
     * blocks for crossbar blocks, so capacity is kept): gain k (g_a + g_b) − 2 k² w_ab, best at
     * k = (g_a + g_b) / (4 w_ab), bounded by the units there.
     */
    private int[] bestSwap(List<List<double[]>> adjacent, long[][] n, List<List<List<Integer>>> members) {
        double bestGain = 1e-9;
        int[] best = null;
        for (int c = 0; c < chips; c++) {
            for (int d = c + 1; d < chips; d++) {
                for (int a = 0; a < nodes; a++) {
                    if (n[a][c] == 0 || !sameDemand(a)) {
                        continue;
                    }
                    double ga = gain(adjacent.get(a), n, c, d);
                    for (int b = 0; b < nodes; b++) {
                        if (b == a || n[b][d] == 0 || !sameDemand(b) || !Arrays.equals(demand[start[a]], demand[start[b]])) {
                            continue;
                        }
                        double gb = gain(adjacent.get(b), n, d, c);
                        if (ga + gb <= 0) {
                            continue;
                        }
                        double w = 0;
                        for (double[] x : adjacent.get(a)) {
                            if ((int) x[0] == b) {
                                w += x[1];
                            }
                        }
                        long max = Math.min(n[a][c], n[b][d]);
                        long k = w > 0 ? Math.max(1, Math.min(max, Math.round((ga + gb) / (4 * w)))) : max;
                        double g = k * (ga + gb) - 2.0 * k * k * w;
                        if (g > bestGain) {
                            bestGain = g;
                            best = new int[] {a, c, d, (int) k, b};
                        }
                    }
                }
            }
        }
        return best;
    }

    /** Every unit of the node asks the same capacity (so any k of them can trade places). */
    private boolean sameDemand(int node) {
        for (int u = start[node] + 1; u < start[node] + count[node]; u++) {
            if (!Arrays.equals(demand[u], demand[start[node]])) {
                return false;
            }
        }
        return true;
    }

    private void apply(int[] move, int[] chipOf, long[][] n, long[][] used, List<List<List<Integer>>> members) {
        int a = move[0];
        int c = move[1];
        int d = move[2];
        int k = move[3];
        shift(a, c, d, k, chipOf, n, used, members);
        if (move[4] >= 0) {
            shift(move[4], d, c, k, chipOf, n, used, members);
        }
    }

    private void shift(int node, int c, int d, int k, int[] chipOf, long[][] n, long[][] used,
                       List<List<List<Integer>>> members) {
        List<Integer> fromList = members.get(node).get(c);
        List<Integer> toList = members.get(node).get(d);
        for (int i = 0; i < k; i++) {
            int u = fromList.remove(fromList.size() - 1);
            toList.add(u);
            chipOf[u] = d;
            n[node][c]--;
            n[node][d]++;
            for (int x = 0; x < 3; x++) {
                used[c][x] -= demand[u][x];
                used[d][x] += demand[u][x];
            }
        }
    }

    /**
     * A reference for tests and reports: the refinement started from {@code starts} random
     * assignments that fit (seeded), the lowest crossing found.
     */
    public double referenceCut(int starts, long seed) {
        Random random = new Random(seed);
        double best = Double.POSITIVE_INFINITY;
        for (int s = 0; s < starts; s++) {
            int[] chipOf = randomFit(random);
            if (chipOf == null) {
                continue;
            }
            refine(chipOf);
            best = Math.min(best, crossingBits(chipOf));
        }
        return best;
    }

    private int[] randomFit(Random random) {
        int[] chipOf = new int[units];
        long[][] used = new long[chips][3];
        Integer[] order = new Integer[units];
        for (int u = 0; u < units; u++) {
            order[u] = u;
        }
        java.util.Collections.shuffle(Arrays.asList(order), random);
        for (int u : order) {
            int first = random.nextInt(chips);
            boolean placed = false;
            for (int i = 0; i < chips && !placed; i++) {
                int c = (first + i) % chips;
                boolean fits = true;
                for (int d = 0; d < 3; d++) {
                    fits &= used[c][d] + demand[u][d] <= capacity[d];
                }
                if (fits) {
                    chipOf[u] = c;
                    for (int d = 0; d < 3; d++) {
                        used[c][d] += demand[u][d];
                    }
                    placed = true;
                }
            }
            if (!placed) {
                return null;
            }
        }
        return chipOf;
    }

    /**
     * The exact minimum cut by exhaustive search over every assignment that fits (chips^units:
     * small graphs only, at most 20 million assignments).
     */
    public double exhaustiveCut() {
        double total = Math.pow(chips, units);
        if (total > 2e7) {
            throw new IllegalArgumentException(chips + "^" + units + " assignments are too many to enumerate");
        }
        int[] chipOf = new int[units];
        double best = Double.POSITIVE_INFINITY;
        long limit = (long) total;
        for (long code = 0; code < limit; code++) {
            long x = code;
            for (int u = 0; u < units; u++) {
                chipOf[u] = (int) (x % chips);
                x /= chips;
            }
            if (chipOf.length > 0 && chipOf[0] != 0) {
                continue; // chips are alike: fix the first unit's chip
            }
            if (!fitsAll(chipOf)) {
                continue;
            }
            best = Math.min(best, crossingBits(chipOf));
        }
        return best;
    }

    private boolean fitsAll(int[] chipOf) {
        long[][] used = new long[chips][3];
        for (int u = 0; u < units; u++) {
            for (int d = 0; d < 3; d++) {
                if ((used[chipOf[u]][d] += demand[u][d]) > capacity[d]) {
                    return false;
                }
            }
        }
        return true;
    }
}

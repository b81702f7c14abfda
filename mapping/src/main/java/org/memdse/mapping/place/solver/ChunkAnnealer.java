package org.memdse.mapping.place.solver;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.memdse.core.mapping.ResourceKind;
import org.memdse.mapping.place.solver.domain.EndpointSlot;
import org.memdse.mapping.place.solver.domain.PlacementConstraintConfiguration;
import org.memdse.mapping.place.solver.domain.PlacementSolution;
import org.memdse.mapping.place.solver.domain.TrafficFlow;
import org.memdse.mapping.place.solver.domain.UnitAssignment;

/**
 * Simulated annealing and steepest descent over swaps and moves of chunks, on plain arrays: the
 * search behind the solver's annealing phase ({@link AnnealingPhase}).
 *
 * <p>The planning entities are the finest chunks (a macro's crossbars of one layer). At each
 * level {@link #regroup(int)} bundles the entities of one node on one endpoint into chunks of up
 * to so many units, and the search moves whole chunks: at a tile's worth it relocates layers
 * across the chip, at a macro's worth it settles the boundaries between them. A candidate is a
 * swap of two chunks of different nodes in different hop zones or a move of a chunk to an
 * endpoint of its kind; capacities are never exceeded and resource kinds never broken (a chunk
 * stays where it is if nothing fits). The objective is the solver's soft score: traffic × hops,
 * endpoints used and squared load, weighted as {@link PlacementConstraintConfiguration} says.
 *
 * <p>Why a candidate is cheap: a node {@code A} keeps its <i>pull</i> per hop zone, {@code
 * G_A(z) = Σ_B c_AB · Σ_{z'} share_B(z') · hops(z, z')} over its neighbours {@code B} ({@code
 * c_AB} the soft units per share pair and hop of the flows between them). Moving {@code k} units
 * of A from zone {@code x} to zone {@code y} changes traffic by {@code k · (G_A(y) − G_A(x))};
 * swapping {@code k_A} units of A with {@code k_B} units of B adds {@code k_B · (G_B(x) − G_B(y))}
 * and the cross term {@code 2 k_A k_B hops(x, y) c_AB}. A candidate costs O(1); a move applied
 * costs O(neighbours × zones). On ResNet-50 / ISAAC-CE that is some ten million candidates a
 * second, against 0.1-0.4 million for OptaPlanner's generic moves on the incremental score.
 *
 * <p>Deterministic: the same placement, levels, steps and random sequence give the same result.
 * Not thread-safe; one instance per search.
 */
final class ChunkAnnealer {
    /** A candidate must gain at least this many soft units to count as an improvement. */
    private static final double MIN_GAIN = 1e-6;

    /** The temperature falls geometrically to this share of the starting one. */
    static final double FINAL_TEMPERATURE_RATIO = 1e-3;

    /** How often (in candidates) the annealing looks at the clock, when it has a deadline. */
    private static final int CLOCK_CHECK_INTERVAL = 4096;

    private final EndpointSlot[] slots;
    private final int[] zoneOf;
    private final int[][] zoneHops;
    private final int zones;
    private final double[][] pairWeight;
    private final int[][] neighbours;
    private final double[][] pull;
    private final double trafficWeight;
    private final double endpointWeight;
    private final double loadWeight;

    // Entities (the finest chunks), by position in the solution's assignment list.
    private final int entities;
    private final int[] entityNode;
    private final int[] entityEndpoint;
    private final long[] entityShare;
    private final int[] entityCrossbars;
    private final int[] entityNeurons;
    private final int[] entityRows;
    private final long[] entityLoad;
    private final ResourceKind[] entityKind;
    private final boolean[] entityCounted;
    private final boolean[] entityGroupable;

    // Endpoint state.
    private final int[] crossbarsUsed;
    private final int[] neuronsUsed;
    private final int[] rowsUsed;
    private final int[] entitiesOn;
    private final long[] loadOn;

    // Chunks of the current level: members are entity indices.
    private int chunks;
    private int[] memberStart;
    private int[] members;
    private int[] node;
    private int[] endpoint;
    private long[] share;
    private int[] crossbars;
    private int[] neurons;
    private int[] rows;
    private long[] load;
    private int[] counted;
    private ResourceKind[] kind;

    /**
     * Reads the solution's entities and placement; entities without an endpoint stay out.
     *
     * @param start an endpoint index per entity to start from instead (within capacity), or null
     */
    ChunkAnnealer(PlacementSolution solution, int[] start) {
        List<EndpointSlot> slotList = solution.getSlots();
        slots = new EndpointSlot[slotList.size()];
        int z = 0;
        for (EndpointSlot s : slotList) {
            slots[s.index()] = s;
            z = Math.max(z, s.zone().index() + 1);
        }
        zones = z;
        zoneOf = new int[slots.length];
        zoneHops = new int[zones][];
        for (EndpointSlot s : slots) {
            zoneOf[s.index()] = s.zone().index();
            zoneHops[s.zone().index()] = s.zone().hops();
        }
        List<UnitAssignment> assignments = solution.getAssignments();
        entities = assignments.size();
        entityNode = new int[entities];
        entityEndpoint = new int[entities];
        entityShare = new long[entities];
        entityCrossbars = new int[entities];
        entityNeurons = new int[entities];
        entityRows = new int[entities];
        entityLoad = new long[entities];
        entityKind = new ResourceKind[entities];
        entityCounted = new boolean[entities];
        entityGroupable = new boolean[entities];
        int nodes = solution.getNodes().stream().mapToInt(n -> n.index() + 1).max().orElse(0);
        for (int i = 0; i < entities; i++) {
            UnitAssignment a = assignments.get(i);
            entityNode[i] = a.getNode().index();
            nodes = Math.max(nodes, entityNode[i] + 1);
            entityEndpoint[i] = start != null ? start[i] : a.getSlot() == null ? -1 : a.getSlot().index();
            entityShare[i] = a.getSize();
            entityCrossbars[i] = a.getCrossbars();
            entityNeurons[i] = a.getNeurons();
            entityRows[i] = a.getSynapseRows();
            entityLoad[i] = a.getLoad();
            entityKind[i] = a.getResource();
            entityCounted[i] = !a.isBoundary();
            // Crossbar blocks of a layer are interchangeable; core groups differ in size.
            entityGroupable[i] = a.getCrossbars() > 0 && a.getNeurons() == 0 && a.getSynapseRows() == 0;
        }
        pairWeight = new double[nodes][nodes];
        for (TrafficFlow f : solution.getFlows()) {
            double w = f.softPerSharePair();
            pairWeight[f.from().index()][f.to().index()] += w;
            pairWeight[f.to().index()][f.from().index()] += w;
        }
        neighbours = new int[nodes][];
        for (int a = 0; a < nodes; a++) {
            int[] nb = new int[nodes];
            int count = 0;
            for (int b = 0; b < nodes; b++) {
                if (pairWeight[a][b] > 0) {
                    nb[count++] = b;
                }
            }
            neighbours[a] = Arrays.copyOf(nb, count);
        }
        pull = new double[nodes][zones];
        crossbarsUsed = new int[slots.length];
        neuronsUsed = new int[slots.length];
        rowsUsed = new int[slots.length];
        entitiesOn = new int[slots.length];
        loadOn = new long[slots.length];
        for (int i = 0; i < entities; i++) {
            int e = entityEndpoint[i];
            if (e >= 0) {
                crossbarsUsed[e] += entityCrossbars[i];
                neuronsUsed[e] += entityNeurons[i];
                rowsUsed[e] += entityRows[i];
                entitiesOn[e] += entityCounted[i] ? 1 : 0;
                loadOn[e] += entityLoad[i];
            }
        }
        PlacementConstraintConfiguration config = solution.getConfiguration();
        trafficWeight = config.getTrafficHops().softScore();
        endpointWeight = config.getEndpointsUsed().softScore();
        loadWeight = config.getLoadImbalance().softScore();
        regroup(1);
    }

    /**
     * Bundles placed entities into chunks: crossbar entities of one node on one endpoint, in
     * entity order, up to {@code unitsPerChunk} units; every other entity alone.
     */
    void regroup(int unitsPerChunk) {
        recomputePull();
        int[] chunkOf = new int[entities];
        int[] size = new int[entities];
        long[] units = new long[entities];
        Map<Long, Integer> open = new HashMap<>();
        int count = 0;
        for (int i = 0; i < entities; i++) {
            int e = entityEndpoint[i];
            if (e < 0) {
                chunkOf[i] = -1;
                continue;
            }
            long key = (long) entityNode[i] * slots.length + e;
            Integer c = entityGroupable[i] ? open.get(key) : null;
            if (c == null || units[c] + entityShare[i] > unitsPerChunk) {
                c = count++;
                if (entityGroupable[i]) {
                    open.put(key, c);
                }
            }
            chunkOf[i] = c;
            size[c]++;
            units[c] += entityShare[i];
        }
        chunks = count;
        memberStart = new int[count + 1];
        for (int c = 0; c < count; c++) {
            memberStart[c + 1] = memberStart[c] + size[c];
        }
        members = new int[memberStart[count]];
        int[] fill = Arrays.copyOf(memberStart, count);
        node = new int[count];
        endpoint = new int[count];
        share = new long[count];
        crossbars = new int[count];
        neurons = new int[count];
        rows = new int[count];
        load = new long[count];
        counted = new int[count];
        kind = new ResourceKind[count];
        for (int i = 0; i < entities; i++) {
            int c = chunkOf[i];
            if (c < 0) {
                continue;
            }
            members[fill[c]++] = i;
            node[c] = entityNode[i];
            endpoint[c] = entityEndpoint[i];
            share[c] += entityShare[i];
            crossbars[c] += entityCrossbars[i];
            neurons[c] += entityNeurons[i];
            rows[c] += entityRows[i];
            load[c] += entityLoad[i];
            counted[c] += entityCounted[i] ? 1 : 0;
            kind[c] = entityKind[i];
        }
    }

    int chunkCount() {
        return chunks;
    }

    /**
     * Weighted traffic × hops of the current placement in soft units: {@code ½ Σ share · pull}
     * over placed entities (every flow is seen from both ends).
     */
    double trafficSoft() {
        double sum = 0;
        for (int i = 0; i < entities; i++) {
            if (entityEndpoint[i] >= 0) {
                sum += entityShare[i] * pull[entityNode[i]][zoneOf[entityEndpoint[i]]];
            }
        }
        return sum / 2 * trafficWeight;
    }

    /** The weighted soft penalty of the current placement (traffic, endpoints used, squared load). */
    double softScore() {
        double used = 0;
        double squares = 0;
        for (int e = 0; e < slots.length; e++) {
            used += entitiesOn[e] > 0 ? 1 : 0;
            squares += (double) loadOn[e] * loadOn[e];
        }
        return trafficSoft() + used * endpointWeight + squares * loadWeight;
    }

    /** The endpoint index of every entity (-1 for one without), in the solution's order. */
    int[] entityEndpoints() {
        return entityEndpoint.clone();
    }

    /**
     * Simulated annealing: {@code steps} random candidates (three in four a swap), a worse one
     * accepted with probability {@code exp(−Δ / T)}, the temperature falling geometrically from
     * {@code startTemperature} to {@link #FINAL_TEMPERATURE_RATIO} of it; ends on the best
     * placement seen.
     *
     * @param deadlineNanos {@link System#nanoTime()} at which to stop early, or {@link Long#MAX_VALUE}
     * @return the soft score change from the start to the best placement (≤ 0)
     */
    double anneal(long steps, double startTemperature, SplittableRandom random, long deadlineNanos) {
        if (chunks < 2 || steps < 1) {
            return 0;
        }
        double current = 0;
        double best = 0;
        int[] bestEndpoint = endpoint.clone();
        double temperature = Math.max(startTemperature, MIN_GAIN);
        // StrictMath, not Math: Math.pow and Math.exp may differ in the last bit between JVMs and
        // processors (intrinsics), and one acceptance decided the other way changes the mapping.
        double cooling = StrictMath.pow(FINAL_TEMPERATURE_RATIO, 1.0 / steps);
        double minGain = MIN_GAIN * Math.max(1, trafficWeight);
        for (long step = 0; step < steps; step++, temperature *= cooling) {
            if (deadlineNanos != Long.MAX_VALUE && step % CLOCK_CHECK_INTERVAL == 0
                    && System.nanoTime() - deadlineNanos >= 0) {
                break;
            }
            int c = random.nextInt(chunks);
            int from = endpoint[c];
            int d = -1;
            int e = -1;
            double delta;
            if (random.nextInt(4) != 0) {
                d = random.nextInt(chunks);
                if (!swappable(c, d)) {
                    continue;
                }
                delta = swapDelta(c, d);
            } else {
                e = random.nextInt(slots.length);
                if (e == from || slots[e].resource() != kind[c] || !fits(c, e)) {
                    continue;
                }
                delta = moveDelta(c, e);
            }
            if (delta > 0 && random.nextDouble() >= StrictMath.exp(-delta / temperature)) {
                continue;
            }
            if (d >= 0) {
                swap(c, d);
            } else {
                move(c, e);
            }
            current += delta;
            if (current < best - minGain) {
                best = current;
                System.arraycopy(endpoint, 0, bestEndpoint, 0, chunks);
            }
        }
        for (int c = 0; c < chunks; c++) {
            if (endpoint[c] != bestEndpoint[c]) {
                move(c, bestEndpoint[c]);
            }
        }
        return best;
    }

    /**
     * Descent in passes: each chunk in turn takes its best improving swap or move, if any; stops
     * after a pass that moved nothing or after {@code maxPasses}. (A pass costs O(chunks ×
     * (chunks + endpoints)); steepest descent, one move per such scan, took seconds on ResNet-50.)
     *
     * @return moves applied
     */
    int descend(int maxPasses) {
        double minGain = MIN_GAIN * Math.max(1, trafficWeight);
        int moves = 0;
        for (int pass = 0; pass < maxPasses; pass++) {
            int before = moves;
            for (int c = 0; c < chunks; c++) {
                double best = -minGain;
                int bestPartner = -1;
                int bestEndpoint = -1;
                for (int d = 0; d < chunks; d++) {
                    if (swappable(c, d)) {
                        double delta = swapDelta(c, d);
                        if (delta < best) {
                            best = delta;
                            bestPartner = d;
                        }
                    }
                }
                for (int e = 0; e < slots.length; e++) {
                    if (e != endpoint[c] && slots[e].resource() == kind[c] && fits(c, e)) {
                        double delta = moveDelta(c, e);
                        if (delta < best) {
                            best = delta;
                            bestPartner = -1;
                            bestEndpoint = e;
                        }
                    }
                }
                if (bestPartner >= 0) {
                    swap(c, bestPartner);
                    moves++;
                } else if (bestEndpoint >= 0) {
                    move(c, bestEndpoint);
                    moves++;
                }
            }
            if (moves == before) {
                break;
            }
        }
        return moves;
    }

    /** Different nodes of one kind in different zones, each fitting where the other was. */
    private boolean swappable(int c, int d) {
        int ex = endpoint[c];
        int ey = endpoint[d];
        if (node[c] == node[d] || zoneOf[ex] == zoneOf[ey] || kind[c] != kind[d]) {
            return false;
        }
        EndpointSlot x = slots[ex];
        EndpointSlot y = slots[ey];
        return crossbarsUsed[ex] - crossbars[c] + crossbars[d] <= x.crossbars()
                && crossbarsUsed[ey] - crossbars[d] + crossbars[c] <= y.crossbars()
                && neuronsUsed[ex] - neurons[c] + neurons[d] <= x.neurons()
                && neuronsUsed[ey] - neurons[d] + neurons[c] <= y.neurons()
                && rowsUsed[ex] - rows[c] + rows[d] <= x.synapseRows()
                && rowsUsed[ey] - rows[d] + rows[c] <= y.synapseRows();
    }

    private boolean fits(int c, int e) {
        EndpointSlot s = slots[e];
        return crossbarsUsed[e] + crossbars[c] <= s.crossbars() && neuronsUsed[e] + neurons[c] <= s.neurons()
                && rowsUsed[e] + rows[c] <= s.synapseRows();
    }

    private double swapDelta(int c, int d) {
        int ex = endpoint[c];
        int ey = endpoint[d];
        int zx = zoneOf[ex];
        int zy = zoneOf[ey];
        double[] pa = pull[node[c]];
        double[] pb = pull[node[d]];
        double traffic = share[c] * (pa[zy] - pa[zx]) + share[d] * (pb[zx] - pb[zy])
                + 2.0 * share[c] * share[d] * zoneHops[zx][zy] * pairWeight[node[c]][node[d]];
        double loads = 0;
        if (load[c] != load[d]) {
            loads = squareChange(ex, load[d] - load[c]) + squareChange(ey, load[c] - load[d]);
        }
        return traffic * trafficWeight + loads * loadWeight;
    }

    private double moveDelta(int c, int e) {
        int from = endpoint[c];
        double[] pa = pull[node[c]];
        double traffic = share[c] * (pa[zoneOf[e]] - pa[zoneOf[from]]);
        double opened = 0;
        if (counted[c] > 0) {
            opened = (entitiesOn[e] == 0 ? 1 : 0) - (entitiesOn[from] == counted[c] ? 1 : 0);
        }
        double loads = load[c] == 0 ? 0 : squareChange(from, -load[c]) + squareChange(e, load[c]);
        return traffic * trafficWeight + opened * endpointWeight + loads * loadWeight;
    }

    private double squareChange(int e, long change) {
        long after = loadOn[e] + change;
        return (double) after * after - (double) loadOn[e] * loadOn[e];
    }

    private void swap(int c, int d) {
        int ex = endpoint[c];
        int ey = endpoint[d];
        move(c, ey);
        move(d, ex);
    }

    /** Moves chunk {@code c} (every member entity) to endpoint {@code e}. */
    private void move(int c, int e) {
        int from = endpoint[c];
        crossbarsUsed[from] -= crossbars[c];
        neuronsUsed[from] -= neurons[c];
        rowsUsed[from] -= rows[c];
        entitiesOn[from] -= counted[c];
        loadOn[from] -= load[c];
        crossbarsUsed[e] += crossbars[c];
        neuronsUsed[e] += neurons[c];
        rowsUsed[e] += rows[c];
        entitiesOn[e] += counted[c];
        loadOn[e] += load[c];
        addPull(node[c], zoneOf[from], -share[c]);
        addPull(node[c], zoneOf[e], share[c]);
        endpoint[c] = e;
        for (int m = memberStart[c]; m < memberStart[c + 1]; m++) {
            entityEndpoint[members[m]] = e;
        }
    }

    /** The pull from scratch, so that rounding in the running sums does not build up. */
    private void recomputePull() {
        for (double[] p : pull) {
            Arrays.fill(p, 0);
        }
        for (int i = 0; i < entities; i++) {
            if (entityEndpoint[i] >= 0) {
                addPull(entityNode[i], zoneOf[entityEndpoint[i]], entityShare[i]);
            }
        }
    }

    /** {@code k} more units of node {@code a} in zone {@code z}: every neighbour's pull changes. */
    private void addPull(int a, int z, long k) {
        if (k == 0) {
            return;
        }
        int[] hops = zoneHops[z];
        for (int b : neighbours[a]) {
            double w = pairWeight[a][b] * k;
            double[] q = pull[b];
            for (int y = 0; y < zones; y++) {
                q[y] += w * hops[y];
            }
        }
    }
}

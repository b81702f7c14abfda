package org.memdse.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.TileArray;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.mapping.place.SequentialPlacer;
import org.memdse.mapping.place.solver.PlacementResult;
import org.memdse.mapping.place.solver.SolverPlacer;

/**
 * Places with OptaPlanner ({@link SolverPlacer}): starts from the better of the sequential
 * baseline and a traffic-aware greedy placement, then local search under the options' seed and
 * limits. Returns the same mapping and report as the other mappers ({@link MappingAssembler}).
 */
public final class SolverMapper extends PlacingMapper {
    public static final String NAME = "solver";

    /**
     * Tiles are split into this many chunks: blocks of a layer move a third of a tile at a time
     * (rounded to whole macros). On ResNet-18 / ISAAC-CE at 2 s from the sequential start, chunks
     * of 8 and 16 blocks reached only −10% traffic × hops, 32 about −33% (one block per entity:
     * −1.6%); 32 with the traffic-aware start: −35% to −38% (two shared cores, noisy).
     */
    static final int CHUNKS_PER_TILE = 3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    MappingOutcome place(MappingProblem problem, MapperOptions options, long startNanos) {
        Architecture architecture = problem.architecture();
        Optional<int[]> baseline = SequentialPlacer.place(problem);
        PlacementResult result = new SolverPlacer().place(problem.topology(), problem.traffic(), baseline,
                blocksPerChunk(architecture), options);
        if (!result.allAssigned()) {
            List<String> why = result.violations();
            return new MappingOutcome.DoesNotFit(NAME + " placement found no room for every unit of "
                    + problem.network().name() + " on " + architecture.name() + ": "
                    + String.join("; ", why.subList(0, Math.min(3, why.size())))
                    + (why.size() > 3 ? "; and " + (why.size() - 3) + " more" : ""), Map.of(), Map.of());
        }
        return MappingAssembler.assemble(problem, NAME, result.endpointOfUnit(), millisSince(startNanos),
                baseline.map(p -> problem.objectives().evaluate(p)));
    }

    /** Crossbars of a few whole macros, about a third of the smallest CIM tile; 1 without CIM tiles. */
    static int blocksPerChunk(Architecture architecture) {
        int best = Integer.MAX_VALUE;
        for (TileArray array : architecture.tileArrays()) {
            if (array.template() instanceof CimTileTemplate t) {
                int perMacro = t.macro().crossbars().count();
                best = Math.min(best, perMacro * Math.max(1, t.macros() / CHUNKS_PER_TILE));
            }
        }
        return best == Integer.MAX_VALUE ? 1 : best;
    }
}

package org.memdse.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.TileArray;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.mapping.place.ChipPlacer;
import org.memdse.mapping.place.SequentialPlacer;
import org.memdse.mapping.place.solver.ChunkLevels;
import org.memdse.mapping.place.solver.PlacementResult;
import org.memdse.mapping.place.solver.SolverPlacer;

/**
 * Places with OptaPlanner ({@link SolverPlacer}): starts from the better of the sequential
 * baseline and a traffic-aware greedy placement, then anneals chunks of a tile's, a third of a
 * tile's and a macro's worth of blocks, seeded, for a step budget sized to the problem (or the
 * options' steps; a time limit only if given). Returns the same mapping and report as the other
 * mappers ({@link MappingAssembler}).
 */
public final class SolverMapper extends PlacingMapper {
    public static final String NAME = "solver";

    /**
     * The middle level is a third of a tile (rounded to whole macros): between moving whole tiles
     * and single macros. On ResNet-18 / ISAAC-CE, annealing at a macro's and a third of a tile's
     * worth alone ended at 0.70× the sequential traffic from the sequential start; adding the tile
     * level first reached 0.54-0.57× (seeds 1-3), whole layers have to cross the chip.
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
        // Several chips: start from the chips cut with the least traffic between them (ChipPlacer);
        // a board hop outweighs any on-chip path in the objective, so annealing keeps the cut.
        Optional<int[]> start = problem.topology().chips() > 1 ? ChipPlacer.place(problem) : baseline;
        PlacementResult result = new SolverPlacer().place(problem.topology(), problem.traffic(),
                start.isPresent() ? start : baseline, chunkLevels(architecture), options);
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

    /**
     * Crossbar blocks per chunk, coarsest first: a tile's crossbars, a third of them (whole
     * macros), a macro's, for the smallest CIM tile; one unit without CIM tiles (SNN core groups
     * and boundary units are never bundled).
     */
    static ChunkLevels chunkLevels(Architecture architecture) {
        int tile = Integer.MAX_VALUE;
        int third = Integer.MAX_VALUE;
        int macro = Integer.MAX_VALUE;
        for (TileArray array : architecture.tileArrays()) {
            if (array.template() instanceof CimTileTemplate t) {
                int perMacro = t.macro().crossbars().count();
                if (perMacro * t.macros() < tile) {
                    tile = perMacro * t.macros();
                    third = perMacro * Math.max(1, t.macros() / CHUNKS_PER_TILE);
                    macro = perMacro;
                }
            }
        }
        return tile == Integer.MAX_VALUE ? ChunkLevels.of(1) : ChunkLevels.of(tile, third, macro);
    }
}

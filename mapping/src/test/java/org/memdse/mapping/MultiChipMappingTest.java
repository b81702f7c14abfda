package org.memdse.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Board;
import org.memdse.core.arch.BoardTopology;
import org.memdse.core.arch.ChipLinkKind;
import org.memdse.core.arch.ChipLinks;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.Crossbars;
import org.memdse.core.arch.Macro;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.Subsystem;
import org.memdse.core.arch.Template;
import org.memdse.core.arch.TileArray;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.ActivationFunction;
import org.memdse.core.network.Add;
import org.memdse.core.network.Flatten;
import org.memdse.core.network.InputNode;
import org.memdse.core.network.Linear;
import org.memdse.core.network.NetworkBuilder;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.Shape;
import org.memdse.mapping.place.ChipAssigner;

/**
 * Networks that outgrow one chip map onto several, and the traffic between the chips is close to
 * the least any cut finds: on small random networks the exact minimum (every assignment of units
 * to chips that fits, enumerated), on bundled networks the best of seeded restarts of the move
 * refinement from random cuts.
 */
class MultiChipMappingTest {
    /** The fig4-hybrid system with {@code tiles} CIM tiles of one macro of {@code crossbars} crossbars, on a board. */
    static Architecture tinyBoard(int tiles, int crossbars, int chips) {
        Architecture base = Bundled.architecture("fig4-hybrid");
        CimTileTemplate cim = null;
        for (Template t : base.templates()) {
            if (t instanceof CimTileTemplate c) {
                cim = c;
            }
        }
        Crossbars x = cim.macro().crossbars();
        Crossbars nx = new Crossbars(crossbars, 128, 128, x.bitsPerCell(), x.device(), x.cell(), x.signedWeights(),
                x.figures());
        Macro m = cim.macro();
        CimTileTemplate ncim = new CimTileTemplate(cim.name(), 1, new Macro(nx, m.adc(), m.dac(), m.inputEncoding(),
                m.sampleHold(), m.shiftAdd(), m.buffers()), cim.buffers(), cim.digital(), cim.figures());
        List<Subsystem> subsystems = new ArrayList<>();
        List<Template> templates = new ArrayList<>();
        for (Template t : base.templates()) {
            templates.add(t == cim ? ncim : t);
        }
        for (Subsystem s : base.subsystems()) {
            subsystems.add(s instanceof TileArray t && t.template() == cim ? new TileArray(t.name(), ncim, tiles) : s);
        }
        ChipLinks link = new ChipLinks(1, 16, 4e9, Optional.of(ChipLinkKind.INTERPOSER_2_5D), PublishedFigures.NONE);
        return new Architecture(base.name() + "-x" + chips, "", base.technology(), base.devices(), templates, subsystems,
                base.interconnect(), base.powerGating(),
                Optional.of(Board.of(chips, BoardTopology.LINE, chips, 0, Optional.of(link))));
    }

    /** A random DAG of small linear layers (1 to 3 crossbar blocks each) with skips and residual adds. */
    static NetworkGraph randomNetwork(long seed, int layers) {
        SplittableRandom r = new SplittableRandom(seed);
        NetworkBuilder b = new NetworkBuilder("dag-" + seed).precision(8, 8);
        b.add(new InputNode("in", Shape.of(1, 8, 8)));
        b.add(new Flatten("flat"), "in");
        List<String> names = new ArrayList<>(List.of("flat"));
        List<Integer> widths = new ArrayList<>(List.of(64));
        int[] sizes = {16, 32, 48, 64, 96};
        for (int i = 0; i < layers; i++) {
            int from = r.nextInt(4) == 0 ? r.nextInt(names.size()) : names.size() - 1;
            int out = sizes[r.nextInt(sizes.length)];
            String name = "l" + i;
            b.add(new Linear(name, 0, out, true, false, ActivationFunction.RELU), names.get(from));
            int k = -1;
            for (int j = names.size() - 1; j >= 1; j--) {
                if (widths.get(j) == out && j != from) {
                    k = j;
                    break;
                }
            }
            if (k > 0 && r.nextBoolean()) {
                b.add(new Add(name + "_add", ActivationFunction.RELU), name, names.get(k));
                name = name + "_add";
            }
            names.add(name);
            widths.add(out);
        }
        return b.build();
    }

    @Test
    void smallNetworksCrossAtMostOnePointTwoTimesTheExactMinimumCut() {
        int compared = 0;
        double worst = 0;
        double sum = 0;
        double worstMapped = 0;
        StringBuilder table = new StringBuilder();
        for (long seed = 1; compared < 24 && seed < 400; seed++) {
            int chips = seed % 3 == 0 ? 3 : 2;
            Architecture a = tinyBoard(2, 2 + (int) (seed % 2), chips);
            NetworkGraph net = randomNetwork(seed, 4 + (int) (seed % 5));
            if (!(MappingProblem.prepare(a, net) instanceof MappingProblem.Ready ready)) {
                continue;
            }
            MappingProblem p = ready.problem();
            int units = p.partition().unitCount();
            int perChip = 2 * (2 + (int) (seed % 2));
            if (units <= perChip || Math.pow(chips, units) > 2e6) {
                continue; // fits one chip, or too many assignments to enumerate
            }
            ChipAssigner assigner = ChipAssigner.of(p);
            double exact = assigner.exhaustiveCut();
            double ours = assigner.crossingBits(assigner.assign());
            MappingOutcome outcome = new SolverMapper().map(a, net, MapperOptions.DEFAULT.withSeed(seed).withStepLimit(2000));
            assertThat(outcome).as("seed %d", seed).isInstanceOf(MappingOutcome.Mapped.class);
            Mapping mapping = ((MappingOutcome.Mapped) outcome).mapping();
            double mapped = mapping.chipCrossingBits();
            assertThat(mapping.endpoints().stream().map(e -> e.chip()).distinct().count()).isEqualTo(chips);
            double ratio = exact == 0 ? (ours == 0 ? 1 : Double.POSITIVE_INFINITY) : ours / exact;
            double mappedRatio = exact == 0 ? (mapped == 0 ? 1 : Double.POSITIVE_INFINITY) : mapped / exact;
            table.append(String.format(Locale.ROOT, "seed %d: %d units on %d chips, exact %.0f, cut %.0f (%.3f), "
                    + "mapped %.0f (%.3f)%n", seed, units, chips, exact, ours, ratio, mapped, mappedRatio));
            assertThat(ratio).as("seed %d: cut / exact minimum", seed).isLessThanOrEqualTo(1.2);
            assertThat(mappedRatio).as("seed %d: mapping's crossing / exact minimum", seed).isLessThanOrEqualTo(1.2);
            worst = Math.max(worst, ratio);
            worstMapped = Math.max(worstMapped, mappedRatio);
            sum += ratio;
            compared++;
        }
        System.out.printf(Locale.ROOT, "%s%d networks: cut / exact minimum mean %.3f, worst %.3f; mapping worst %.3f%n",
                table, compared, sum / compared, worst, worstMapped);
        assertThat(compared).isGreaterThanOrEqualTo(12);
    }

    /** A bundled chip on a line board of {@code chips} chips joined by a 2.5D interposer link. */
    static Architecture onBoard(String id, int tiles, int chips) {
        Architecture a = Bundled.architecture(id);
        if (tiles > 0) {
            List<Subsystem> subsystems = new ArrayList<>();
            for (Subsystem s : a.subsystems()) {
                subsystems.add(s instanceof TileArray t && t.template() instanceof CimTileTemplate
                        ? new TileArray(t.name(), t.template(), tiles) : s);
            }
            a = new Architecture(a.name() + "-" + tiles, a.description(), a.technology(), a.devices(), a.templates(),
                    subsystems, a.interconnect(), a.powerGating());
        }
        ChipLinks link = new ChipLinks(1, 64, 4e9, Optional.of(ChipLinkKind.INTERPOSER_2_5D), PublishedFigures.NONE);
        return new Architecture(a.name() + "-x" + chips, a.description(), a.technology(), a.devices(), a.templates(),
                a.subsystems(), a.interconnect(), a.powerGating(),
                Optional.of(Board.of(chips, BoardTopology.LINE, chips, 0, Optional.of(link))));
    }

    @Test
    void bundledNetworksThatOutgrowAChipCrossAtMostOnePointTwoTimesAStrongPartitionersCut() {
        StringBuilder table = new StringBuilder();
        // chip, CIM tiles per chip (0: as bundled), network, chips
        for (String[] c : new String[][] {{"neurosim-vgg8", "0", "resnet50", "2"}, {"neurosim-vgg8", "28", "resnet50", "4"},
                {"neurosim-vgg8", "20", "resnet18", "3"}}) {
            int chips = Integer.parseInt(c[3]);
            Architecture a = onBoard(c[0], Integer.parseInt(c[1]), chips);
            c = new String[] {c[0] + (c[1].equals("0") ? "" : "/" + c[1] + " tiles"), c[2]};
            NetworkGraph net = Bundled.network(c[1]);
            MappingProblem one = MappingProblem.prepare(a.singleChip(), net) instanceof MappingProblem.Ready r ? r.problem() : null;
            MappingProblem.Preparation prep = MappingProblem.prepare(a, net);
            assertThat(prep).as("%s on %d x %s: %s", c[1], chips, c[0], prep).isInstanceOf(MappingProblem.Ready.class);
            MappingProblem p = ((MappingProblem.Ready) prep).problem();
            ChipAssigner assigner = ChipAssigner.of(p);
            int[] chipOf = assigner.assign();
            double ours = assigner.crossingBits(chipOf);
            double reference = assigner.referenceCut(24, 20261205L);
            Mapping mapping = ((MappingOutcome.Mapped) new SolverMapper().map(a, net,
                    MapperOptions.DEFAULT.withStepLimit(5000))).mapping();
            double mapped = mapping.chipCrossingBits();
            long used = java.util.Arrays.stream(chipOf).distinct().count();
            table.append(String.format(Locale.ROOT, "%s x%d %s: fits one chip %s, %d units on %d chips, reference %.4g, "
                            + "cut %.4g (%.3f), mapped %.4g (%.3f)%n", c[0], chips, c[1], one != null,
                    p.partition().unitCount(), used, reference, ours, ours / reference, mapped, mapped / reference));
            assertThat(one).as("%s does not fit one %s", c[1], c[0]).isNull();
            assertThat(used).isGreaterThanOrEqualTo(2);
            assertThat(mapping.report().feasible()).isTrue();
            assertThat(ours).isLessThanOrEqualTo(1.2 * reference);
            assertThat(mapped).isLessThanOrEqualTo(1.2 * reference);
        }
        System.out.print(table);
    }
}

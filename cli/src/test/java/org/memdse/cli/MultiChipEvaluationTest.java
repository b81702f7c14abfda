package org.memdse.cli;

import org.memdse.architectures.Catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Board;
import org.memdse.core.arch.ChipLinkKind;
import org.memdse.core.arch.ChipLinks;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.read.NetworkReader;
import org.memdse.cost.evaluator.BoardPass;
import org.memdse.cost.evaluator.SystemEvaluator;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.mapping.SequentialMapper;
import org.memdse.mapping.SolverMapper;

/**
 * The bundled two-chip system: ResNet-50 does not fit one neurosim-vgg8 chip and maps onto two;
 * the board links are priced (energy per bit of their kind, serialisation, contention), the
 * chips' area and leakage count twice; trends of link width and kind.
 */
class MultiChipEvaluationTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final SystemEvaluator EVALUATOR = new SystemEvaluator(ComponentModelRegistry.load());
    private static Architecture twoChips;
    private static NetworkGraph resnet50;
    private static Mapping mapping;

    private static Architecture architecture(String id) {
        return ArchitectureReader.read(CATALOG.source(CATALOG.architecture(id).orElseThrow()));
    }

    @BeforeAll
    static void map() {
        twoChips = architecture("neurosim-vgg8-2chip");
        resnet50 = NetworkReader.read(CATALOG.source(CATALOG.network("resnet50").orElseThrow()));
        MappingOutcome outcome = new SolverMapper().map(twoChips, resnet50, MapperOptions.DEFAULT.withStepLimit(5000));
        mapping = ((MappingOutcome.Mapped) outcome).mapping();
    }

    private static Architecture withLink(Architecture a, ChipLinks link) {
        Board b = a.board().orElseThrow();
        return new Architecture(a.name(), a.description(), a.technology(), a.devices(), a.templates(), a.subsystems(),
                a.interconnect(), a.powerGating(), Optional.of(new Board(b.chips(), b.topology(), b.places(), b.columns(),
                b.connections(), Optional.of(link))));
    }

    private static Metrics evaluate(Architecture a) {
        return EVALUATOR.evaluate(a, resnet50, mapping, OpConvention.INT8);
    }

    @Test
    void resnet50DoesNotFitOneChipAndSpansTwo() {
        assertThat(new SequentialMapper().map(architecture("neurosim-vgg8"), resnet50, MapperOptions.DEFAULT))
                .isInstanceOf(MappingOutcome.DoesNotFit.class);
        assertThat(mapping.placements().stream().map(p -> mapping.endpoints().get(p.endpoint()).chip()).distinct())
                .containsExactlyInAnyOrder(0, 1);
        assertThat(mapping.chipCrossingBits()).isPositive();
        assertThat(mapping.boardLoads()).isNotEmpty();
    }

    @Test
    void boardLinksChargeTheirKindsEnergyPerBitAndChipsCountTwice() {
        Metrics m = evaluate(twoChips);
        // Every crossing bit takes one board hop on a line of two chips: 0.3 pJ/bit (UCIe advanced package).
        assertThat(m.energyByKind().get("chip_link")).isCloseTo(mapping.chipCrossingBits() * 0.3e-12,
                within(1e-6 * mapping.chipCrossingBits() * 0.3e-12));
        Metrics one = EVALUATOR.evaluate(architecture("neurosim-vgg8"), NetworkReader.read(
                CATALOG.source(CATALOG.network("resnet18").orElseThrow())), ((MappingOutcome.Mapped) new SequentialMapper()
                .map(architecture("neurosim-vgg8"), NetworkReader.read(CATALOG.source(CATALOG.network("resnet18")
                        .orElseThrow())), MapperOptions.DEFAULT)).mapping(), OpConvention.INT8);
        // The interposer link has no area of its own in the model (UCIe gives none): two chips' area.
        assertThat(m.areaM2()).isCloseTo(2 * one.areaM2(), within(1e-9 * one.areaM2()));
        assertThat(m.peak().leakagePowerW()).isCloseTo(2 * one.peak().leakagePowerW(), within(1e-9));
    }

    @Test
    void aTwoPointFiveDLinkBeatsSerdesOnEnergyPerBit() {
        ChipLinks interposer = new ChipLinks(1, 64, 16e9, Optional.of(ChipLinkKind.INTERPOSER_2_5D), PublishedFigures.NONE);
        ChipLinks serdes = new ChipLinks(1, 64, 16e9, Optional.of(ChipLinkKind.SERDES), PublishedFigures.NONE);
        Metrics a = evaluate(withLink(twoChips, interposer));
        Metrics b = evaluate(withLink(twoChips, serdes));
        double bits = mapping.chipCrossingBits();
        double perBitA = a.energyByKind().get("chip_link") / bits;
        double perBitB = b.energyByKind().get("chip_link") / bits;
        System.out.printf(Locale.ROOT, "board energy per crossing bit: interposer-2.5d %.3g pJ, serdes %.3g pJ; "
                + "total %.4g vs %.4g pJ%n", perBitA * 1e12, perBitB * 1e12, a.energyJ() * 1e12, b.energyJ() * 1e12);
        assertThat(perBitA).isLessThan(perBitB);
        assertThat(a.energyJ()).isLessThan(b.energyJ());
        assertThat(a.areaM2()).isLessThan(b.areaM2()); // SerDes PHYs take 5.72 mm^2 a link end
    }

    @Test
    void narrowerLinksRaiseLatencyOnceUtilisationNearsOne() {
        int[] widths = {512, 256, 128, 64, 32, 16, 8, 4, 2, 1};
        double[] latency = new double[widths.length];
        double[] rho = new double[widths.length];
        double[] queueing = new double[widths.length];
        StringBuilder row = new StringBuilder("board link at 1 GHz, by width:");
        for (int i = 0; i < widths.length; i++) {
            ChipLinks link = new ChipLinks(1, widths[i], 1e9, Optional.of(ChipLinkKind.INTERPOSER_2_5D),
                    PublishedFigures.NONE);
            Metrics m = evaluate(withLink(twoChips, link));
            latency[i] = m.latencyS();
            rho[i] = m.network().boardUtilisation();
            queueing[i] = m.network().boardQueueingS();
            row.append(String.format(Locale.ROOT, " %d bit: rho %.3f, queueing %.4g us, latency %.6g ms;", widths[i],
                    rho[i], queueing[i] * 1e6, latency[i] * 1e3));
        }
        System.out.println(row);
        for (int i = 1; i < widths.length; i++) {
            assertThat(latency[i]).as("%d bit", widths[i]).isGreaterThan(latency[i - 1]);
            assertThat(rho[i]).isCloseTo(2 * rho[i - 1], within(1e-9 * rho[i]));
        }
        // Far below saturation halving the width barely waits; near it the wait explodes.
        int low = 0;
        int high = -1;
        for (int i = 0; i < widths.length; i++) {
            if (rho[i] < 1) {
                high = i;
            }
        }
        assertThat(rho[low]).isLessThan(0.2);
        assertThat(rho[high]).isGreaterThan(0.5);
        assertThat(queueing[high] / queueing[low]).isGreaterThan(rho[high] / rho[low] * 2);
        // M/D/1: rho / (2 (1 - rho)) transfers: 0.5 at rho 0.5, 4.5 at 0.9, 49.5 at 0.99.
        double transfer = 1 / 16e9;
        assertThat(BoardPass.waitPerHop(0.5, transfer) / transfer).isCloseTo(0.5, within(1e-12));
        assertThat(BoardPass.waitPerHop(0.9, transfer) / transfer).isCloseTo(4.5, within(1e-9));
        assertThat(BoardPass.waitPerHop(0.99, transfer) / transfer).isCloseTo(49.5, within(1e-6));
    }
}

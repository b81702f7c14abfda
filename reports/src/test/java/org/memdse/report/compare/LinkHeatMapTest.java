package org.memdse.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.arch.write.ArchitectureWriter;
import org.memdse.core.eval.NetworkLoad;
import org.memdse.core.spec.SpecSource;
import org.memdse.report.html.CompareHtmlWriter;
import org.memdse.report.markdown.CompareMarkdownWriter;
import org.memdse.report.svg.Numbers;

/**
 * The link-load heat map of the comparison report, on the fig4-hybrid network: fig4-hybrid's
 * 8 × 7 mesh (64-bit flits, lightly loaded), the same mesh with 1-bit flits (64 times the flits
 * per transfer, so its busiest links saturate), and neurosim-vgg8, whose H-tree has no grid.
 */
class LinkHeatMapTest {
    static Comparison comparison;
    static String html;

    /** fig4-hybrid with 1-bit flits, named fig4-1bit-flit. */
    static Architecture oneBitFlits() {
        String yaml = ArchitectureWriter.toYaml(Fixtures.bundled("fig4-hybrid"))
                .replaceFirst("(?m)^name: .*$", "name: fig4-1bit-flit").replace("flit: 64 bit", "flit: 1 bit");
        assertThat(yaml).contains("flit: 1 bit");
        return ArchitectureReader.read(SpecSource.ofText("fig4-1bit-flit.yaml", yaml));
    }

    @BeforeAll
    static void compare() {
        comparison = Fixtures.compare(List.of(Fixtures.bundled("fig4-hybrid"), oneBitFlits(), Fixtures.bundled("neurosim-vgg8")),
                List.of(Fixtures.network("lenet5"), Fixtures.network("fig4-hybrid")));
        html = CompareHtmlWriter.write(comparison);
    }

    private static DesignOutcome.Evaluated design(int network, int i) {
        return (DesignOutcome.Evaluated) comparison.networks().get(network).designs().get(i);
    }

    /** The utilisations in the link tooltips of a heat map, in drawing order. */
    private static List<Double> drawnUtilisations(String svg) {
        Matcher m = Pattern.compile("<g class=\"link[^\"]*\"><title>link \\d+: router \\d+ → \\d+, utilisation ([^ ]+) ")
                .matcher(svg);
        List<Double> out = new ArrayList<>();
        while (m.find()) {
            out.add(Double.parseDouble(m.group(1).replace("\u2009", "")));
        }
        return out;
    }

    @Test
    void theBusiestDrawnLinkIsTheReportedLinkUtilisationMax() {
        for (int i = 0; i < 2; i++) {
            DesignOutcome.Evaluated e = design(1, i);
            NetworkLoad load = e.metrics().network();
            assertThat(LinkHeatMap.whyNoMap(e)).isEmpty();
            assertThat(load.links()).hasSize(load.linksLoaded());
            NetworkLoad.LinkUtilisation busiest = LinkHeatMap.busiest(e).orElseThrow();
            assertThat(busiest.utilisation()).isEqualTo(load.maxUtilisation());
            assertThat(LinkHeatMap.links(e).stream().mapToDouble(d -> d.load().utilisation()).max().orElseThrow())
                    .isEqualTo(load.maxUtilisation());
            String svg = LinkHeatMap.render(e);
            // Every loaded link of the mesh is drawn, the busiest labelled with its utilisation.
            List<Double> drawn = drawnUtilisations(svg);
            assertThat(drawn).hasSize(load.linksLoaded());
            assertThat(svg).contains("<g class=\"link busiest\"><title>link " + busiest.link() + ":")
                    .contains(">ρ " + Numbers.fmt(load.maxUtilisation()) + "</text>");
            assertThat(svg).doesNotContain("not drawn");
        }
        // 1-bit flits: 64 times the flits per transfer, so the busiest link saturates.
        double wide = design(1, 0).metrics().network().maxUtilisation();
        double narrow = design(1, 1).metrics().network().maxUtilisation();
        assertThat(wide).isBetween(0.01, 0.25);
        assertThat(narrow).isGreaterThan(1);
        // The README's figures.
        assertThat(wide).isCloseTo(0.0358, org.assertj.core.api.Assertions.within(0.0005));
        assertThat(narrow).isCloseTo(1.147, org.assertj.core.api.Assertions.within(0.0005));
    }

    @Test
    void aSaturatedLinkGetsTheSaturatedColourAndALightOneTheLowestClass() {
        DesignOutcome.Evaluated narrow = design(1, 1);
        assertThat(narrow.metrics().network().saturated()).isNotEmpty();
        for (LinkHeatMap.DrawnLink d : LinkHeatMap.links(narrow)) {
            assertThat(d.color()).isEqualTo(d.load().utilisation() >= 1 ? LinkHeatMap.SATURATED : d.color())
                    .isEqualTo(LinkHeatMap.color(d.load().utilisation()));
        }
        long saturated = LinkHeatMap.links(narrow).stream().filter(d -> d.color().equals(LinkHeatMap.SATURATED)).count();
        assertThat(saturated).isEqualTo(narrow.metrics().network().saturated().size());
        NetworkLoad.SaturatedLink worst = narrow.metrics().network().saturated().get(0);
        String svg = LinkHeatMap.render(narrow);
        Matcher m = Pattern.compile("<title>link " + worst.link() + ": [^<]*</title>\\n<line [^>]*stroke=\"([^\"]+)\"")
                .matcher(svg);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo(LinkHeatMap.SATURATED);
        // fig4-hybrid's 64-bit links stay in the lowest class.
        assertThat(LinkHeatMap.links(design(1, 0))).allSatisfy(d -> assertThat(d.color()).isEqualTo(LinkHeatMap.COLORS.get(0)));
        assertThat(LinkHeatMap.color(0)).isEqualTo(LinkHeatMap.COLORS.get(0));
        assertThat(LinkHeatMap.color(0.999)).isEqualTo(LinkHeatMap.COLORS.get(3));
        assertThat(LinkHeatMap.color(1)).isEqualTo(LinkHeatMap.SATURATED);
    }

    @Test
    void theReportDrawsMeshesAndSaysWhyOtherTopologiesHaveNoMap() {
        assertThat(html).contains("Link load of fig4-hybrid on fig4-1bit-flit").contains("≥ 1 saturated");
        // The H-tree: a sentence, not a silent omission.
        assertThat(html).contains("<p class=\"note heatmap-absent\">No link heat map: the htree network has no router grid");
        // lenet5 on neurosim-vgg8 and fig4-hybrid on it: a sentence per design without a map.
        DesignOutcome.Evaluated htree = design(0, 2);
        assertThat(LinkHeatMap.whyNoMap(htree)).get().asString().contains("htree");
        Map<String, String> md = CompareMarkdownWriter.write(comparison, "report");
        assertThat(md).containsKey("report-link-load-fig4-hybrid-fig4-1bit-flit.svg");
        assertThat(md.get("report.md")).contains("No link heat map: the htree network");
    }

    @Test
    void theMapIsDeterministic() {
        assertThat(CompareHtmlWriter.write(Fixtures.compare(List.of(Fixtures.bundled("fig4-hybrid"), oneBitFlits(),
                Fixtures.bundled("neurosim-vgg8")), List.of(Fixtures.network("lenet5"), Fixtures.network("fig4-hybrid")))))
                .isEqualTo(html);
    }

    @Test
    void aBoardOfMeshChipsDrawsEveryChipsLinks() {
        String yaml = ArchitectureWriter.toYaml(CompareChipsTest.twoHalfChips())
                .replaceFirst("(?m)^name: .*$", "name: two-mesh-chips")
                .replaceFirst("(on_chip:\\s+topology:) htree", "$1 mesh\n    columns: 7\n    rows: 4");
        assertThat(yaml).contains("columns: 7");
        Architecture board = ArchitectureReader.read(SpecSource.ofText("two-mesh-chips.yaml", yaml));
        Comparison c = Fixtures.compare(List.of(board), List.of(Fixtures.network("resnet18")));
        DesignOutcome.Evaluated e = (DesignOutcome.Evaluated) c.networks().get(0).designs().get(0);
        assertThat(e.mapping().chips()).isEqualTo(2);
        assertThat(LinkHeatMap.whyNoMap(e)).isEmpty();
        String svg = LinkHeatMap.render(e);
        assertThat(svg).contains("2 chips").contains("(chip 1)").contains(">chip 1</text>").doesNotContain("not drawn");
        assertThat(drawnUtilisations(svg)).hasSize(e.metrics().network().linksLoaded());
        assertThat(LinkHeatMap.busiest(e).orElseThrow().utilisation()).isEqualTo(e.metrics().network().maxUtilisation());
    }
}

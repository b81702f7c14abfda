package org.memdse.architectures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkTotals;
import org.memdse.core.network.NodeStats;
import org.memdse.core.network.read.NetworkReader;
import org.memdse.core.spec.Diagnostics;
import org.memdse.core.spec.SpecContext;
import org.memdse.core.spec.SpecLoader;
import org.memdse.core.spec.SpecMap;
import org.memdse.core.spec.SpecNode;
import org.memdse.core.spec.SpecSource;

/** Every bundled network loads, and its totals match the published figures (sources in each YAML). */
class BundledNetworksTest {
    private static final String BASE = "org/memdse/architectures/";

    private static NetworkGraph load(String id) {
        return NetworkReader.read(SpecSource.ofResource(BundledNetworksTest.class.getClassLoader(),
                BASE + "networks/" + id + ".yaml"));
    }

    /** The ids and resources listed in catalog/networks.yaml. */
    static Stream<String[]> catalogEntries() {
        Diagnostics d = new Diagnostics();
        SpecContext ctx = new SpecContext(d);
        SpecNode root = SpecLoader.compose(SpecSource.ofResource(BundledNetworksTest.class.getClassLoader(),
                BASE + "catalog/networks.yaml"), ctx).orElseThrow();
        List<String[]> entries = new ArrayList<>();
        for (Map.Entry<String, SpecNode> e : root.asMap().map("networks", "networks").entries().entrySet()) {
            SpecMap entry = e.getValue().asMap();
            entries.add(new String[] {e.getKey(), entry.string("resource", "resource"),
                entry.string("summary", "summary"), entry.string("source", "source")});
        }
        ctx.finish();
        d.throwIfAny();
        return entries.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogEntries")
    void everyCatalogEntryLoads(String id, String resource, String summary, String source) {
        NetworkGraph g = NetworkReader.read(SpecSource.ofResource(getClass().getClassLoader(), BASE + resource));
        assertThat(g.name()).isEqualTo(id);
        assertThat(resource).isEqualTo("networks/" + id + ".yaml");
        assertThat(summary).isNotBlank();
        assertThat(source).isNotBlank();
        assertThat(g.nodes()).isNotEmpty();
    }

    @Test
    void catalogListsTheReferenceNetworks() {
        assertThat(catalogEntries().map(e -> e[0])).containsExactlyInAnyOrder("lenet5", "mlp-mnist", "vgg8-cifar10",
                "resnet18", "resnet50", "mobilenetv2", "lstm-seq-mnist", "diehl-cook-stdp", "dvs-gesture-csnn",
                "fig4-hybrid", "bert-base", "vit-b16", "gpt2-small", "zhong2021-henon");
    }

    @Test
    void zhong2021Henon() {
        NetworkGraph g = load("zhong2021-henon");
        // Fig. 4a of Zhong et al. 2021: M = 4 mask values x N = 25 parallel one-device reservoirs =
        // 100 virtual nodes, read out by a 100 -> 1 linear layer (100 weights and a bias).
        org.memdse.core.network.Reservoir r = (org.memdse.core.network.Reservoir) g.node("reservoir").orElseThrow();
        assertThat(r.devices()).isEqualTo(25);
        assertThat(r.virtualNodes()).isEqualTo(100);
        assertThat(r.tau()).isCloseTo(400e-6, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(g.totals().params()).isEqualTo(101);
        assertThat(g.totals().macs()).isEqualTo(100);
    }

    @Test
    void lenet5() {
        NetworkTotals t = load("lenet5").totals();
        // 156 + 2,416 + 48,120 + 10,164 + 850 (the "61.7 k" of the modern LeNet-5)
        assertThat(t.params()).isEqualTo(61_706);
        // 28·28·6·25 + 10·10·16·150 + 400·120 + 120·84 + 84·10
        assertThat(t.macs()).isEqualTo(416_520);
    }

    @Test
    void mlpMnist() {
        NetworkTotals t = load("mlp-mnist").totals();
        assertThat(t.params()).isEqualTo(41_000);
        assertThat(t.macs()).isEqualTo(41_000);
    }

    @Test
    void vgg8MatchesNeuroSimOpCount() {
        NetworkGraph g = load("vgg8-cifar10");
        // NeuroSim V1.3/V1.4 manual Fig. 27: 1.231835e9 ops per image = 2 × MACs.
        assertThat(2.0 * g.totals().macs()).isCloseTo(1.231835e9, within(1e3));
        assertThat(g.totals().macs()).isEqualTo(615_917_568L);
        assertThat(g.totals().params()).isEqualTo(12_973_440L);
        assertThat(g.stats("fc1").weights().orElseThrow().rows()).isEqualTo(8192);
        assertThat(g.stats("conv6").weights().orElseThrow()).hasToString("4608x512");
    }

    @Test
    void resnet18() {
        NetworkTotals t = load("resnet18").totals();
        assertThat(t.params()).isEqualTo(11_689_512L);
        assertThat((double) t.macs()).isCloseTo(1.82e9, withPercentage(1));
    }

    @Test
    void resnet50() {
        NetworkTotals t = load("resnet50").totals();
        assertThat(t.params()).isEqualTo(25_557_032L);
        assertThat((double) t.macs()).isCloseTo(4.09e9, withPercentage(1));
    }

    @Test
    void mobilenetV2() {
        NetworkTotals t = load("mobilenetv2").totals();
        assertThat(t.params()).isEqualTo(3_504_872L);
        assertThat((double) t.macs()).isCloseTo(300e6, withPercentage(2));
    }

    @Test
    void lstm() {
        NetworkGraph g = load("lstm-seq-mnist");
        assertThat(g.totals().params()).isEqualTo(41_810);
        assertThat(g.totals().macs()).isEqualTo(31_673_600L + 1_000);
        assertThat(g.stats("lstm").weights().orElseThrow()).hasToString("101x400");
    }

    @Test
    void diehlCook() {
        NetworkGraph g = load("diehl-cook-stdp");
        // 784·400 STDP synapses + 400 one-to-one + 400·399 lateral inhibition
        assertThat(g.totals().synapses()).isEqualTo(313_600 + 400 + 159_600);
        NodeStats exc = g.stats("exc");
        assertThat(exc.outputActivations()).isEqualTo(400);
        assertThat(exc.timeSteps()).isEqualTo(700);
        // input spikes per step × fan-out: 784 · 0.0042 · 400
        assertThat(g.stats("input_exc").synapticOpsPerStep()).isCloseTo(784 * 0.0042 * 400, within(1e-6));
        assertThat(g.feedbackEdges()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("inh_exc");
            assertThat(e.target()).isEqualTo("exc");
        });
    }

    @Test
    void dvsGesture() {
        NetworkGraph g = load("dvs-gesture-csnn");
        assertThat(g.stats("pool1").outputShape()).hasToString("2x32x32");
        assertThat(g.stats("conv1").outputShape()).hasToString("16x32x32");
        assertThat(g.stats("pool3").outputShape()).hasToString("32x8x8");
        assertThat(g.stats("fc1_syn").weights().orElseThrow()).hasToString("2048x512");
        assertThat(g.stats("output").outputActivations()).isEqualTo(11);
    }

    @Test
    void fig4Hybrid() {
        NetworkGraph g = load("fig4-hybrid");
        long neurons = g.stats("s1").outputActivations() + g.stats("s2").outputActivations();
        assertThat(neurons).isEqualTo(2048 + 1024);
        assertThat(g.stats("integrate").outputShape()).hasToString("16x8x8");
        assertThat(g.stats("fc1").weights().orElseThrow()).hasToString("1024x128");
    }

    /**
     * MACs of one transformer layer over {@code l} tokens, hidden {@code h}, feed-forward {@code f}
     * derived by hand, independently of memdse's layers: the Q, K, V and output
     * projections 4·l·h², the scores Q·Kᵀ and the weighted values 2·l²·h, the feed-forward 2·l·h·f.
     */
    static long layerMacs(long l, long h, long f) {
        return 4 * l * h * h + 2 * l * l * h + 2 * l * h * f;
    }

    private static long macsOf(NetworkGraph g, org.memdse.core.network.NodeKind kind) {
        return g.nodes().stream().filter(n -> n.kind() == kind).mapToLong(n -> g.stats(n).macs()).sum();
    }

    @Test
    void bertBase() {
        NetworkGraph g = load("bert-base");
        // Devlin et al. 2019, section 3: "Total Parameters=110M"; bert-base-uncased BertModel 109,482,240.
        assertThat((double) g.totals().params()).isCloseTo(110e6, withPercentage(0.5))
                .isCloseTo(109_482_240, withPercentage(0.5));
        assertThat(g.totals().params()).isEqualTo(109_482_240L);
        // At 128 tokens: 12 layers and the pooler (one token, 768 x 768).
        long hand = 12 * layerMacs(128, 768, 3072) + 768L * 768;
        assertThat((double) g.totals().macs()).isCloseTo(hand, withPercentage(1));
        // Attention's products: 12 layers x 2 x 128^2 x 768, on digital units.
        assertThat(macsOf(g, org.memdse.core.network.NodeKind.MATMUL)).isEqualTo(12L * 2 * 128 * 128 * 768);
        assertThat(g.stats("l0_scores").outputShape()).hasToString("12x128x128");
        assertThat(g.stats("pooler").inputShapes().get(0)).hasToString("768");
    }

    @Test
    void vitB16() {
        NetworkGraph g = load("vit-b16");
        // Dosovitskiy et al. 2021, Table 1: ViT-Base 86M; timm vit_base_patch16_224 86,567,656.
        assertThat((double) g.totals().params()).isCloseTo(86_567_656, withPercentage(0.5));
        assertThat(g.totals().params()).isEqualTo(86_567_656L);
        // 197 tokens: 196 patches and the class token.
        assertThat(g.stats("embed").outputShape()).hasToString("197x768");
        long patches = 196L * 768 * (3 * 16 * 16);
        long hand = patches + 12 * layerMacs(197, 768, 3072) + 768L * 1000;
        assertThat((double) g.totals().macs()).isCloseTo(hand, withPercentage(1));
    }

    @Test
    void gpt2Small() {
        NetworkGraph g = load("gpt2-small");
        // Radford et al. 2019 (released "124M"); Hugging Face gpt2 124,439,808 with the LM head tied.
        assertThat((double) g.totals().params()).isCloseTo(124_439_808, withPercentage(0.5));
        assertThat(g.totals().params()).isEqualTo(124_439_808L);
        // The head's 768 x 50,257 weights are on crossbars but counted once, as the token table.
        assertThat(g.stats("lm_head").weights().orElseThrow()).hasToString("768x50257");
        assertThat(g.stats("lm_head").params()).isZero();
        long hand = 12 * layerMacs(1024, 768, 3072) + 1024L * 768 * 50257;
        assertThat((double) g.totals().macs()).isCloseTo(hand, withPercentage(1));
    }
}

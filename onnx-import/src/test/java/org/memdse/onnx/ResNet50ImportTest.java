package org.memdse.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memdse.core.network.Conv2d;
import org.memdse.core.network.Linear;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;

/**
 * A full-size ResNet-50 (about 100 MB) written by {@code src/test/python/make_resnet50.py} with
 * Debian's python3-onnx, whose shape inference records every intermediate shape: the import
 * must agree with all of them, layer by layer, and build memdse's graph. Without python3-onnx
 * every test is skipped with the reason (checked per test: Maven's report does not count a class
 * skipped in {@code @BeforeAll}).
 */
class ResNet50ImportTest {
    private static final Logger LOG = Logger.getLogger(ResNet50ImportTest.class.getName());
    @TempDir
    static Path dir;
    static Path model;

    /** Why the model could not be generated, or null once it exists. */
    static String missing;

    @BeforeAll
    static void generate() throws IOException, InterruptedException {
        missing = PythonOnnx.missing();
        if (missing != null) {
            return;
        }
        model = dir.resolve("resnet50.onnx");
        PythonOnnx.run("make_resnet50.py", 300, model.toString());
    }

    @BeforeEach
    void requirePythonOnnx() {
        assumeTrue(missing == null, missing);
    }

    @Test
    void everyLayerHasTheShapeOnnxRecords() {
        OnnxModel onnx = OnnxModelReader.read(model);
        OnnxNetwork network = OnnxNetworkReader.readLayers(model, OnnxImportOptions.defaults());
        int compared = 0;
        for (OnnxValueInfo v : onnx.graph().valueInfos()) {
            List<Long> recorded = v.shape().orElseThrow().stream().map(d -> d.isKnown() ? d.value() : 1L).toList();
            assertThat(DebianModelsTest.inferredShape(network, v.name())).as(v.name()).isEqualTo(recorded);
            compared++;
        }
        assertThat(compared).isEqualTo(174);
        assertThat(network.layers()).filteredOn(l -> l.op() instanceof LayerOp.Conv).hasSize(53)
                .allMatch(l -> ((LayerOp.Conv) l.op()).batchNormFolded());
        assertThat(network.layer("fc").outputShape()).containsExactly(1L, 1000L);
    }

    @Test
    void buildsMemdseGraphWithPublishedParameterCount() {
        long start = System.nanoTime();
        NetworkGraph graph = OnnxNetworkReader.read(model, OnnxImportOptions.defaults());
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info(() -> "ResNet-50 ONNX import (" + model.toFile().length() / 1_000_000 + " MB): " + millis + " ms");
        List<NetworkNode> convs = new ArrayList<>();
        long weights = 0;
        for (NetworkNode n : graph.nodes()) {
            if (n instanceof Conv2d || n instanceof Linear) {
                convs.add(n);
                weights += graph.stats(n).weights().orElseThrow().weights();
            }
        }
        assertThat(convs).hasSize(54);
        // torchvision's resnet50: 25,557,032 parameters, of which 25,502,912 are conv/fc weights
        // (the rest: 1,000 fc biases and 53,120 batch-norm scales and shifts).
        assertThat(weights).isEqualTo(25_502_912L);
        assertThat(graph.stats("fc").outputShape().dims()).containsExactly(1000);
        assertThat(graph.stats("conv1").outputShape().dims()).containsExactly(64, 112, 112);
        assertThat(graph.stats("maxpool").outputShape().dims()).containsExactly(64, 56, 56);
    }
}

package org.memdse.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memdse.core.network.ActivityDefaults;
import org.memdse.core.network.InputActivity;
import org.memdse.core.network.NetworkGraph;

/** An imported model's crossbar layers get the default input-bit density of whatever produced their input. */
class OnnxInputActivityTest {
    @TempDir
    Path dir;

    @Test
    void aLayerAfterReluTakesTheReluDefaultAndTheFirstLayerTheInputs() throws IOException {
        Path file = dir.resolve("cnn.onnx");
        Files.write(file, MalformedOnnxTest.smallCnn().build().toByteArray());
        NetworkGraph g = OnnxNetworkReader.read(file, OnnxImportOptions.defaults());
        // Conv -> Relu (fused into conv1) -> GlobalAveragePool -> Flatten -> Gemm
        assertThat(g.inputActivities().get("conv1")).isEqualTo(new InputActivity(ActivityDefaults.NETWORK_INPUT,
                InputActivity.Source.DEFAULT, "default for the network input"));
        assertThat(g.inputActivities().get("fc")).isEqualTo(new InputActivity(ActivityDefaults.AFTER_RELU,
                InputActivity.Source.DEFAULT, "default after relu"));
    }
}

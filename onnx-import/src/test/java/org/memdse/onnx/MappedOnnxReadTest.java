package org.memdse.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.spec.SpecException;

/**
 * Files from {@link OnnxModelReader#MAP_FROM_BYTES} on are mapped and parsed with aliasing
 * instead of read: the same model, the same checks, the same messages as the bytes read whole.
 */
class MappedOnnxReadTest {
    @TempDir
    Path dir;

    /** The BERT-like block with its weights' raw_data and one more table: over the mapping threshold. */
    private Path block() throws IOException {
        Path p = dir.resolve("block.onnx");
        var m = TransformerModels.encoder();
        m.getGraphBuilder().addInitializer(TransformerModels.weight("unused_table", 1000, 300));
        Files.write(p, m.build().toByteArray());
        assertThat(Files.size(p)).isGreaterThanOrEqualTo(OnnxModelReader.MAP_FROM_BYTES);
        return p;
    }

    @Test
    void aMappedFileReadsAsTheSameModelAsItsBytes() throws IOException {
        Path p = block();
        OnnxModel mapped = OnnxModelReader.read(p);
        OnnxModel whole = OnnxModelReader.parse(Files.readAllBytes(p), p.toString());
        assertThat(mapped).isEqualTo(whole);
        NetworkGraph g = OnnxNetworkReader.read(p, OnnxImportOptions.defaults()
                .withDimensionValues(Map.of("seq_len", 32L)));
        assertThat(g.totals().params()).isPositive();
        assertThat(OnnxNetworkReader.isOnnx(p)).isTrue();
    }

    @Test
    void aTruncatedMappedFileSaysItIsTruncated() throws IOException {
        byte[] bytes = Files.readAllBytes(block());
        Path cut = dir.resolve("cut.onnx");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 1000));
        assertThat(Files.size(cut)).isGreaterThanOrEqualTo(OnnxModelReader.MAP_FROM_BYTES);
        assertThatThrownBy(() -> OnnxModelReader.read(cut)).isInstanceOf(SpecException.class)
                .hasMessageContaining("cut.onnx").hasMessageContaining("the file is truncated");
        assertThat(OnnxNetworkReader.isOnnx(cut)).isFalse();
    }

    @Test
    void aPayloadThatDoesNotFitItsDimsIsFoundInAMappedFile() throws IOException {
        var m = TransformerModels.encoder();
        m.getGraphBuilder().addInitializer(TransformerModels.weight("odd", 300_000).toBuilder().clearDims()
                .addDims(300_001));
        Path p = dir.resolve("odd.onnx");
        Files.write(p, m.build().toByteArray());
        assertThatThrownBy(() -> OnnxModelReader.read(p)).isInstanceOf(SpecException.class)
                .hasMessageContaining("the data holds 300000 elements").hasMessageContaining("need 300001");
    }
}

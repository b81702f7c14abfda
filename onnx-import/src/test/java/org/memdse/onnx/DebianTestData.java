package org.memdse.onnx;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.memdse.onnx.proto.OnnxProto;

/**
 * The ONNX project's own test models, as Debian ships them in {@code libonnx-testdata}: each
 * folder holds {@code model.onnx} and {@code test_data_set_0/output_0.pb}, a TensorProto whose
 * dims are the output shape ONNX's reference backend produced.
 */
final class DebianTestData {
    static final Path ROOT = Path.of(System.getProperty("memdse.onnx.testdata", "/usr/share/libonnx-testdata/data"));

    private DebianTestData() {
    }

    static void assumeInstalled() {
        assumeTrue(Files.isDirectory(ROOT.resolve("pytorch-converted")),
                "Debian package libonnx-testdata is not installed (" + ROOT + " missing); apt-get install libonnx-testdata");
    }

    static boolean installed() {
        return Files.isDirectory(ROOT.resolve("pytorch-converted"));
    }

    /** Model folders under {@code data/<group>}, sorted; empty when the package is missing. */
    static Stream<Path> models(String group) {
        Path dir = ROOT.resolve(group);
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("model.onnx"))).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dims of the i-th reference output, as ONNX's backend computed it. */
    static List<Long> referenceOutputDims(Path modelDir, int i) {
        try {
            byte[] bytes = Files.readAllBytes(modelDir.resolve("test_data_set_0").resolve("output_" + i + ".pb"));
            return OnnxProto.Tensor.parseFrom(bytes).getDimsList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean hasReferenceOutput(Path modelDir, int i) {
        return Files.isRegularFile(modelDir.resolve("test_data_set_0").resolve("output_" + i + ".pb"));
    }
}

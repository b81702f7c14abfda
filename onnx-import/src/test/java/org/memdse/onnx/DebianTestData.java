package org.memdse.onnx;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
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

    /**
     * One dynamic test per model folder, named by the folder. Without the package, a single test
     * that is skipped with the reason: Maven's test report counts it as skipped, where an
     * assumption at class level (or an empty parameter source) would show no test at all (or fail).
     */
    static Stream<DynamicTest> perModel(Stream<String> groups, Predicate<Path> select,
            Consumer<Path> check) {
        if (!installed()) {
            return Stream.of(DynamicTest.dynamicTest("libonnx-testdata models", DebianTestData::assumeInstalled));
        }
        return groups.flatMap(DebianTestData::models).filter(select)
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check.accept(dir)));
    }

    /** Model folders under {@code data/<group>}, sorted; the package must be installed. */
    private static Stream<Path> models(String group) {
        Path dir = ROOT.resolve(group);
        if (!Files.isDirectory(dir)) {
            // the package is there but laid out differently: a failure, not a skip that would hide it
            throw new IllegalStateException("libonnx-testdata is installed but has no " + dir);
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

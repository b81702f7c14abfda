package org.memdse.core.network.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.TrainedWeights;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecSource;

/** The weight file: read against the network's weight matrices; every mistake at file:line. */
class WeightFileReaderTest {
    private static final NetworkGraph NET = NetworkReader.read(SpecSource.ofText("net.yaml", """
            name: tiny
            layers:
              - {name: in, kind: input, shape: [1, 4, 4]}
              - {name: conv, kind: conv2d, out_channels: 2, kernel: 2, activation: relu}
              - {name: pool, kind: max-pool, kernel: 3}
              - {name: flat, kind: flatten}
              - {name: fc, kind: linear, out_features: 3}
            """));

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path p = dir.resolve("w.txt");
        Files.writeString(p, text);
        return p;
    }

    private static String message(Path p) {
        try {
            WeightFileReader.read(p, "w.txt", NET);
        } catch (SpecException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }

    @Test
    void readsEachLayersMatrixRowByRow() throws IOException {
        // conv: 1 channel x 2 x 2 kernel = 4 rows, 2 outputs; pool leaves 2 x 1 x 1 = 2 inputs to fc.
        TrainedWeights w = WeightFileReader.read(file("""
                # a comment
                layer conv 4x2
                0.5 -0.5
                1, 0   # commas too
                0.25 0.75

                -1 1
                layer fc 2x3
                1 2 3
                -4 -5 -6
                """), "w.txt", NET);
        assertThat(w.layers()).containsOnlyKeys("conv", "fc");
        TrainedWeights.Layer conv = w.layer("conv").orElseThrow();
        assertThat(conv.rows()).isEqualTo(4);
        assertThat(conv.at(1, 0)).isEqualTo(1.0);
        assertThat(conv.at(3, 1)).isEqualTo(1.0);
        TrainedWeights.Layer fc = w.layer("fc").orElseThrow();
        assertThat(fc.at(1, 2)).isEqualTo(-6.0);
        // Quantised on 3 magnitude bits (Q = 7) by the largest magnitude: -6 -> -7, 1 -> round(7/6) = 1, 3 -> round(3.5) = 4.
        assertThat(fc.quantised(3, true)[1][2]).isEqualTo(-7);
        assertThat(fc.quantised(3, true)[0][0]).isEqualTo(1);
        assertThat(fc.quantised(3, true)[0][2]).isEqualTo(4);
        // Unsigned: [-6, 3] onto [0, 7].
        assertThat(fc.quantised(3, false)[1][2]).isZero();
        assertThat(fc.quantised(3, false)[0][2]).isEqualTo(7);
    }

    @Test
    void aShapeThatDoesNotMatchTheNetworkIsAnErrorAtItsLine() throws IOException {
        assertThat(message(file("layer conv 4x2\n1 1\n1 1\n1 1\n1 1\n\nlayer fc 3x2\n1 2\n3 4\n5 6\n")))
                .startsWith("w.txt:7:10: error: weights: layer 'fc' has a 2x3 weight matrix (2 inputs x 3 outputs)")
                .contains("the file gives 3x2; the file's matrix is transposed");
        assertThat(message(file("layer fc 2x4\n1 2 3 4\n1 2 3 4\n")))
                .startsWith("w.txt:1:10: error: weights: layer 'fc' has a 2x3 weight matrix")
                .doesNotContain("transposed");
    }

    @Test
    void aRowOfTheWrongLengthOrAMissingRowIsAnErrorAtItsLine() throws IOException {
        assertThat(message(file("layer fc 2x3\n1 2 3\n4 5\n")))
                .isEqualTo("w.txt:3:1: error: weights: layer 'fc' row 2: expected 3 numbers (one per output), found 2");
        assertThat(message(file("layer fc 2x3\n1 2 3\nlayer conv 4x2\n")))
                .startsWith("w.txt:3:1: error: weights: layer 'fc' (line 1) has 1 rows of 2");
        assertThat(message(file("layer fc 2x3\n1 2 3\n")))
                .startsWith("w.txt:2:1: error: weights: layer 'fc' (line 1) has 1 rows of 2");
    }

    @Test
    void badNumbersUnknownLayersAndLayersWithoutWeightsAreErrors() throws IOException {
        assertThat(message(file("layer fc 2x3\n1 2 3\n4 x5 6\n")))
                .isEqualTo("w.txt:3:3: error: weights: layer 'fc' row 2 column 2: expected a finite number, found 'x5'");
        assertThat(message(file("layer fc 2x3\n1 NaN 3\n4 5 6\n"))).contains("found 'NaN'");
        assertThat(message(file("layer fcc 2x3\n")))
                .startsWith("w.txt:1:7: error: weights: no layer 'fcc' in network tiny (did you mean 'fc'?)");
        assertThat(message(file("layer pool 1x1\n1\n"))).contains("layer 'pool' (").contains("has no weights");
        assertThat(message(file("1 2 3\n"))).contains("expected 'layer NAME ROWSxCOLS' before the numbers");
        assertThat(message(file("layer fc\n"))).contains("expected 'layer NAME ROWSxCOLS' (e.g. 'layer fc1 64x32')");
        assertThat(message(file("# nothing\n"))).startsWith("w.txt: error: weights: no layer in the weight file");
        assertThat(message(file("layer fc 2x3\n1 2 3\n4 5 6\nlayer fc 2x3\n1 2 3\n4 5 6\n")))
                .startsWith("w.txt:4:7: error: weights: layer 'fc' is given twice");
    }

    @Test
    void anUnreadableFileIsAnErrorNamingIt() {
        assertThatThrownBy(() -> WeightFileReader.read(dir.resolve("missing.txt"), "missing.txt", NET))
                .isInstanceOf(SpecException.class).hasMessageStartingWith("missing.txt: error: weights: cannot read");
    }
}

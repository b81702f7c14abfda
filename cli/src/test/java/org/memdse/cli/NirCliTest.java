package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NIR files through the CLI, written in the test step by Debian's python3-h5py with nir-import's
 * test writer (../nir-import/src/test/python/make_nir.py, NIR's own layout).
 */
class NirCliTest {
    private static final String PYTHON = System.getProperty("memdse.python3", "/usr/bin/python3");

    @TempDir
    static Path dir;

    private static String missing;

    @BeforeAll
    static void writeFiles() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            missing = "no " + PYTHON + "; apt-get install python3-h5py";
            return;
        }
        Process probe = new ProcessBuilder(PYTHON, "-c", "import h5py, numpy").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        if (probe.waitFor() != 0) {
            missing = "Debian's python3-h5py is not installed (python3 cannot import h5py); apt-get install python3-h5py";
            return;
        }
        Process p = new ProcessBuilder(PYTHON, "../nir-import/src/test/python/make_nir.py", dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    private static String file(String name) {
        assumeTrue(missing == null, missing);
        return dir.resolve(name).toString();
    }

    @Test
    void networkShowsTheImportedLayersAndTheAssumedRates() {
        CliRunner r = CliRunner.run("network", file("recurrent.nir"), "--format", "csv", "--nir-firing-rate", "0.05");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("fc_in,projection,16,12x16,").contains("w_rec,projection,16,16x16,")
                .contains("lif,population,16,");
        assertThat(r.err()).contains("is NIR, which holds no spike data; assumed 100 time steps, 0.05 spikes per "
                + "neuron per step");
    }

    @Test
    void evaluateTakesANirNetwork() {
        CliRunner r = CliRunner.run("evaluate", "--arch", "fig4-hybrid", "--network", file("mlp.nir"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("evaluate mlp on fig4-hybrid").contains("energy");
    }

    @Test
    void aTruncatedFileIsExitTwoWithTheFileAndNoTrace() throws IOException {
        byte[] whole = Files.readAllBytes(Path.of(file("cnn.nir")));
        Path cut = dir.resolve("cut.nir");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        CliRunner r = CliRunner.run("network", cut.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("cut.nir").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anUnsupportedPrimitiveIsExitTwoWithItsNode() {
        CliRunner r = CliRunner.run("network", file("unknown.nir"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("node/nodes/adex (AdEx)").contains("unsupported NIR primitive AdEx");
    }

    @Test
    void badRatesAreRefused() {
        CliRunner r = CliRunner.run("network", file("mlp.nir"), "--nir-firing-rate", "3");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--nir-firing-rate");
    }
}

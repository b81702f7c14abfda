package org.memdse.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's python3 with its python3-onnx package, as the tests that write full-size models with
 * ONNX's own helper API use it ({@link ResNet50ImportTest}, {@link PythonTransformersTest}). The
 * property {@code memdse.python3} lets .ci/run check the suite as on a machine without it.
 */
final class PythonOnnx {
    static final String PYTHON = System.getProperty("memdse.python3", "/usr/bin/python3");

    private PythonOnnx() {
    }

    /**
     * Why the generators cannot run here, naming the Debian package that would run them, or null
     * when python3 imports onnx and numpy.
     */
    static String missing() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return "no " + PYTHON + "; apt-get install python3-onnx";
        }
        Process probe = new ProcessBuilder(PYTHON, "-c", "import onnx, numpy").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        boolean ok = probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
        return ok ? null : "Debian's python3-onnx is not installed (python3 cannot import onnx); apt-get install python3-onnx";
    }

    /**
     * Runs one generator script of src/test/python with its arguments and returns what it printed;
     * fails the calling test, with that output, when the script fails or outlives the timeout.
     */
    static String run(String script, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON, "src/test/python/" + script));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as(script + " finished").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}

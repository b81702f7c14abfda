package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's bad input, end to end: learning on a device without write parameters, an endurance of 0,
 * a batch of 0 and a rule the core's neuron model cannot run are each an error naming the file, the
 * line and column of the offending key, its path and a fix; exit code 2 and no stack trace, from
 * {@code validate} and from {@code evaluate --mode}.
 */
class LearningBadInputTest {
    @TempDir
    Path dir;

    /** The bundled Fig. 4 system written out (its SNN core learns by STDP on the HfO2 RRAM's write block). */
    private String fig4() {
        CliRunner r = CliRunner.run("describe", "--format", "yaml", "fig4-hybrid");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        return r.out();
    }

    /** Writes {@code text}, runs validate and evaluate on it, and returns validate's stderr after the common checks. */
    private String refused(String text, String mode, String path) throws IOException {
        Path file = dir.resolve("a.yaml");
        Files.writeString(file, text);
        CliRunner v = CliRunner.run("validate", file.toString());
        assertThat(v.exitCode()).as(v.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(v.err()).doesNotContain("Exception", "\tat ");
        Matcher m = Pattern.compile("a\\.yaml:(\\d+):(\\d+): error: " + Pattern.quote(path) + ": ").matcher(v.err());
        assertThat(m.find()).as(v.err()).isTrue();
        // The line named holds the key the path ends in.
        String line = text.lines().toList().get(Integer.parseInt(m.group(1)) - 1);
        String key = path.substring(path.lastIndexOf('.') + 1);
        assertThat(line).as("line %s of the file", m.group(1)).contains(key);
        CliRunner e = CliRunner.run("evaluate", "--arch", file.toString(), "--network", "fig4-hybrid", "--mode", mode);
        assertThat(e.exitCode()).as(e.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(e.err()).contains("a.yaml:" + m.group(1) + ":" + m.group(2) + ": error: " + path)
                .doesNotContain("Exception");
        return v.err();
    }

    @Test
    void learningOnADeviceWithoutWriteParameters() throws IOException {
        String text = fig4();
        int start = text.indexOf("    write:\n");
        int end = text.indexOf("  ag-diffusive:");
        assertThat(start).isPositive().isLessThan(end);
        String noWrite = text.substring(0, start) + "    endurance: 1e6\n" + text.substring(end);
        assertThat(refused(noWrite, "online-learning", "templates.snn-core.learning.rule"))
                .contains("device 'hfo2-rram'", "has no write parameters", "add write: {levels");
    }

    @Test
    void anEnduranceOfZero() throws IOException {
        String text = fig4().replace("      endurance: '1000000'\n", "      endurance: 0\n");
        assertThat(refused(text, "online-learning", "devices.hfo2-rram.write.endurance")).contains("found '0'");
    }

    @Test
    void aBatchOfZero() throws IOException {
        String text = fig4().replace("    input_loading: once\n", "    input_loading: once\n    learning: {rule: "
                + "in-situ-backprop, batch_size: 0, samples_per_epoch: 1000}\n");
        assertThat(refused(text, "training", "templates.cim-tile.learning.batch_size"))
                .contains("expected an integer 1..1000000000", "found '0'");
    }

    @Test
    void aRuleTheCoresNeuronModelCannotRun() throws IOException {
        String text = fig4().replace("      rule: stdp-pair\n      event_rate: 10 Hz\n",
                "      rule: in-situ-backprop\n      batch_size: 10\n      samples_per_epoch: 100\n");
        assertThat(text).contains("in-situ-backprop");
        assertThat(refused(text, "online-learning", "templates.snn-core.learning.rule"))
                .contains("neuron model 'lif' fires spikes and has no derivative", "use stdp-pair");
        for (String model : List.of("if", "adaptive-lif")) {
            String other = text.replace("      model: lif\n", "      model: " + model + "\n");
            assertThat(refused(other, "online-learning", "templates.snn-core.learning.rule"))
                    .contains("neuron model '" + model + "'");
        }
    }
}

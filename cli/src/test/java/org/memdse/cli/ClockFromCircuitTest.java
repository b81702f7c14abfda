package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clock from the circuit, through the CLI: {@code clock: auto} (or no clock) derives it from the
 * slowest sensing path, so the 45 nm chip runs slower than the 22 nm one; a given clock the path does
 * not fit in, and {@code auto} with no directly sensed macro, are bad input (file:line, path, fix, exit 2).
 */
class ClockFromCircuitTest {
    private static final String V14 = "org/memdse/architectures/architectures/neurosim-v14-rram/architecture.yaml";

    @TempDir
    Path dir;

    private Path v14(String from, String to) throws IOException {
        String yaml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(V14)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(yaml).contains(from);
        Path file = dir.resolve("chip.yaml");
        Files.writeString(file, yaml.replace(from, to));
        return file;
    }

    private static double json(String out, String key) {
        int i = out.indexOf("\"" + key + "\": ");
        assertThat(i).as(key).isNotNegative();
        int start = i + key.length() + 4;
        int end = start;
        while (end < out.length() && ",}\n".indexOf(out.charAt(end)) < 0) {
            end++;
        }
        return Double.parseDouble(out.substring(start, end));
    }

    private static CliRunner evaluate(Path arch) {
        return CliRunner.run("evaluate", "--arch", arch.toString(), "--network", "vgg8-cifar10", "--mapper", "sequential",
                "--format", "json");
    }

    @Test
    void aClockThePathCannotMeetIsAnErrorAtTheTechnologyWithThePathAndTheFix() throws IOException {
        Path file = v14("clock: auto", "clock: 1 GHz");
        CliRunner r = evaluate(file);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(file + ":21:", "technology.clock", "1 GHz", "slowest sensing path",
                "templates.neurosim-tile.macro", "give at most", "clock: auto").doesNotContain("Exception");
        assertThat(CliRunner.run("validate", file.toString()).exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void noClockIsAutoAndTheDerivedClockFollowsTheNode() throws IOException {
        CliRunner auto = evaluate(v14("clock: auto", "clock: auto"));
        assertThat(auto.exitCode()).as(auto.err()).isEqualTo(ExitCodes.OK);
        CliRunner absent = evaluate(v14("clock: auto, ", ""));
        assertThat(absent.exitCode()).as(absent.err()).isEqualTo(ExitCodes.OK);
        assertThat(json(absent.out(), "clock_mhz")).isEqualTo(json(auto.out(), "clock_mhz"));
        assertThat(json(absent.out(), "latency_ns")).isEqualTo(json(auto.out(), "latency_ns"));
        // 1.4 x (row line + column + multiplexer + 0.952 ns sense amplifier): between 500 and 800 MHz at 22 nm
        assertThat(json(auto.out(), "clock_mhz")).isBetween(500.0, 800.0);
        assertThat(auto.out()).contains("\"clock_derived\": true");

        CliRunner at45 = evaluate(v14("node: 22 nm, vdd: 0.85 V", "node: 45 nm, vdd: 1.0 V"));
        assertThat(at45.exitCode()).as(at45.err()).isEqualTo(ExitCodes.OK);
        // gate delays and the converter scale with F: about 45/22 slower
        assertThat(json(auto.out(), "clock_mhz") / json(at45.out(), "clock_mhz")).isBetween(1.8, 2.1);
        assertThat(json(at45.out(), "latency_ns")).isGreaterThan(1.5 * json(auto.out(), "latency_ns"));
    }

    @Test
    void autoNeedsADirectlySensedMacro() throws IOException {
        Path file = dir.resolve("architectures/isaac-ce/isaac.yaml");
        Files.createDirectories(file.getParent());
        String yaml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(
                "org/memdse/architectures/architectures/isaac-ce/architecture.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(yaml).contains("clock: 1.2 GHz");
        Files.writeString(file, yaml.replace("clock: 1.2 GHz", "clock: auto"));
        // the description's device library, next to it as in the bundle
        Path devices = dir.resolve("devices");
        Files.createDirectories(devices);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(
                "org/memdse/architectures/devices/rram_hfo2_neurosim_v13.yaml")) {
            Files.write(devices.resolve("rram_hfo2_neurosim_v13.yaml"), in.readAllBytes());
        }
        CliRunner r = CliRunner.run("validate", file.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(file + ":", "technology.clock", "without sample-and-hold", "clock: 1 GHz");
    }
}

package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which reader a network file goes to: binary content goes to the ONNX reader, unless the file is
 * named *.yaml or *.yml, when the YAML reader says what is wrong with the text.
 */
class NetworkFileKindTest {

    @Test
    void aYamlFileWithANulByteIsPlacedByTheYamlReader(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("nul.yaml");
        Files.writeString(file, "version: 1\nname: x\u0000\n");
        CliRunner r = CliRunner.run("network", file.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith(file + ":2:8: error: not valid YAML: the character U+0000 is not allowed")
                .doesNotContain("ONNX");
    }

    @Test
    void aYamlFileSavedAsUtf16IsToldToBeSavedAsUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("wide.yml");
        Files.write(file, "version: 1\nname: x\n".getBytes(StandardCharsets.UTF_16));
        CliRunner r = CliRunner.run("network", file.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith(file + ": error: cannot read the file: not UTF-8 text: it starts with a "
                + "UTF-16 (big-endian) byte-order mark; save it as UTF-8");
    }

    @Test
    void binaryContentUnderAnotherNameStillGoesToTheOnnxReader(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.bin");
        Files.write(file, new byte[] {0x08, 0x07, 0x12, 0x7f, 0x00, 0x01});
        CliRunner r = CliRunner.run("network", file.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(file + ": error: not an ONNX model");
    }
}

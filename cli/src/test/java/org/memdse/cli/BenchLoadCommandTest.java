package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.read.NetworkReader;
import org.memdse.core.spec.SpecSource;

/** The files 'bench load' times are networks memdse reads (what is timed is not an error path); no timing here. */
class BenchLoadCommandTest {
    private static NetworkGraph read(String text) {
        return NetworkReader.read(SpecSource.ofText("bench.yaml", text));
    }

    @Test
    void theGeneratedFilesAreValidNetworksOfTheAskedSize() throws IOException {
        StringWriter chain = new StringWriter();
        BenchLoadCommand.chain(chain, 50);
        assertThat(read(chain.toString()).nodes()).hasSize(51);

        StringWriter residual = new StringWriter();
        BenchLoadCommand.residual(residual, 50_000);
        assertThat(residual.toString().length()).isBetween(49_800, 50_400);
        NetworkGraph blocks = read(residual.toString());
        assertThat(blocks.nodes().size()).isGreaterThan(400);
        assertThat(blocks.node("fc")).isPresent();

        StringWriter string = new StringWriter();
        BenchLoadCommand.longString(string, 20_000);
        assertThat(string.toString().length()).isBetween(19_800, 20_100);
        assertThat(read(string.toString()).nodes()).hasSize(2);
    }

    @Test
    void aChildRunReadsTheFileAndReportsItsProcessorTime(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("chain.yaml");
        try (var w = Files.newBufferedWriter(file)) {
            BenchLoadCommand.chain(w, 10);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MemdseCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("bench", "load", "--child", file.toString());
        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("memdse-bench-load-cpu-ms ");
        assertThat(err.toString()).isEmpty();
    }
}

package org.memdse.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memdse.cli.MemdseCommand;

/**
 * Issue 17's Spark job in {@code local[2]}: the file {@code memdse sweep} writes, for a grid, a random
 * and a Latin-hypercube sweep, also when a task fails and is retried; an unreachable master is bad input.
 * Few and small: each run starts a Spark context (a few seconds).
 */
class SparkSweepTest {
    @TempDir
    Path dir;

    /** Spark reads spark.* system properties into every SparkConf: a quiet local driver for the tests. */
    private static final Map<String, String> TEST_CONF = Map.of("spark.ui.enabled", "false",
            "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1");

    @BeforeEach
    void quietLocalSpark() {
        TEST_CONF.forEach(System::setProperty);
    }

    @AfterEach
    void clear() {
        TEST_CONF.keySet().forEach(System::clearProperty);
        System.clearProperty(SparkSweep.FAIL_FIRST_ATTEMPT_OF);
    }

    private static final String SWEEP = """
            name: spark
            architecture: fig4-hybrid
            networks: [fig4-hybrid, mlp-mnist]
            mapper: sequential
            %s
            parameters:
              - path: templates.cim-tile.macro.adc.bits
                values: [3, 5, 8, 17]
              - path: templates.cim-tile.macro.crossbars.rows
                values: [64, 128, 256]
                tied: templates.cim-tile.macro.crossbars.cols
              - path: subsystems.snn.count
                values: [8, 16, 32]
            constraints:
              - area_mm2 <= 60
            objectives:
              - minimise: energy_pj
              - minimise: latency_ns
            """;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run spark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkSweep.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run memdse(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MemdseCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs the sweep with memdse and with Spark and checks the two results files and fronts are the same bytes. */
    private Run sameAsMemdseSweep(String sampling, String master) throws IOException {
        Path sweep = dir.resolve("s.yaml");
        Files.writeString(sweep, SWEEP.formatted(sampling));
        Path local = dir.resolve("local.csv");
        Run m = memdse("sweep", sweep.toString(), "-o", local.toString(), "--threads", "2", "--quiet");
        assertThat(m.exitCode()).as(m.err()).isZero();
        Path spark = dir.resolve("spark.csv");
        Run s = spark(sweep.toString(), "-o", spark.toString(), "--master", master, "--partitions", "5");
        assertThat(s.exitCode()).as(s.err()).isZero();
        assertThat(Files.readAllBytes(spark)).isEqualTo(Files.readAllBytes(local));
        assertThat(Files.readAllBytes(dir.resolve("spark.pareto.csv")))
                .isEqualTo(Files.readAllBytes(dir.resolve("local.pareto.csv")));
        assertThat(Files.readAllLines(spark).size()).isGreaterThan(20);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp")
                    || n.endsWith(".lock"));
        }
        return s;
    }

    @Test
    void aGridIsTheFileMemdseSweepWrites() throws IOException {
        Run s = sameAsMemdseSweep("sampling: grid", "local[2]");
        assertThat(s.err()).contains("memdse-spark: spark: 36 points (grid) x 2 network(s) on local[2] (2 cores), "
                + "5 partitions", "72 rows in").doesNotContain("retried");
    }

    @Test
    void aRandomSweepIsTheFileMemdseSweepWrites() throws IOException {
        sameAsMemdseSweep("sampling: {strategy: random, samples: 30, seed: 3}", "local[2]");
    }

    @Test
    void aLatinHypercubeWithAKilledTaskIsRetriedAndStillTheFileMemdseSweepWrites() throws IOException {
        System.setProperty(SparkSweep.FAIL_FIRST_ATTEMPT_OF, "2");
        // local[2,3]: two cores, a task may fail up to three times
        Run s = sameAsMemdseSweep("sampling: {strategy: latin-hypercube, samples: 24, seed: 5}", "local[2,3]");
        assertThat(s.err()).contains("memdse-spark: 1 task attempt(s) failed and were retried");
    }

    @Test
    void anUnreachableMasterIsBadInputAndNothingIsWritten() throws IOException {
        Path sweep = dir.resolve("s.yaml");
        Files.writeString(sweep, SWEEP.formatted(""));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // closed again: nobody listens there
        }
        Path out = dir.resolve("out.csv");
        Run r = spark(sweep.toString(), "-o", out.toString(), "--master", "spark://127.0.0.1:" + port);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("memdse: --master 'spark://127.0.0.1:" + port + "': cannot reach the Spark "
                + "master at 127.0.0.1:" + port).contains("nothing was written").doesNotContain("Exception");
        Run bad = spark(sweep.toString(), "-o", out.toString(), "--master", "spark://head-node");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("'head-node' is not HOST:PORT");
        Run unknown = spark(sweep.toString(), "-o", out.toString(), "--master", "mesos-ish://x");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("memdse: --master 'mesos-ish://x': Spark cannot use it (Could not parse "
                + "Master URL").contains("nothing was written");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("s.yaml");
        }
    }
}

package org.memdse.core.arch.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.write.ArchitectureWriter;
import org.memdse.core.spec.Bounds;
import org.memdse.core.spec.Diagnostic;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecSource;
import org.memdse.core.spec.Validated;
import org.memdse.core.spec.YamlMutations;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Property-based fuzzing of the architecture reader: descriptions made by mutating valid ones
 * (the bundled architectures, read from the architectures module and written back whole, their
 * raw texts with includes, and a seed that writes every key) must each be read into an
 * architecture or rejected with diagnostics that point into the file (line and column);
 * nothing else may escape the reader. A description that is read must also summarise and
 * survive a round trip through {@link ArchitectureWriter}.
 *
 * <p>Mutations work on the YAML tree (values swapped for numbers at and beyond every key's
 * bounds, units of the wrong dimension, unicode, very long strings; keys renamed, dropped or
 * added; types and nesting changed; nodes shared through anchors and aliases, recursion
 * included) and on the text (lines inserted, dropped, duplicated, re-indented; truncation;
 * extra documents; tags, merge keys, alias bombs; includes of directories and devices).
 * The seed is fixed, so CI runs the same inputs every time; to replay a failure, jqwik prints
 * the input and its seed.
 */
class ArchitectureFuzzTest {
    /** How many generated descriptions one run reads: the brief asks for at least 5,000. */
    static final int TRIES = 6000;
    private static final String FILE = "fuzz.yaml";
    private static final List<String> SEEDS = seeds();

    @Property(tries = TRIES, seed = "20240611", shrinking = ShrinkingMode.BOUNDED)
    void everyMutatedDescriptionIsReadOrRejectedWithPositions(@ForAll("mutatedDescriptions") String text) {
        Statistics.collect(readOrReject(text));
    }

    @Example
    void everySeedIsAValidDescription() {
        assertThat(SEEDS).hasSizeGreaterThanOrEqualTo(9);
        for (String seed : SEEDS) {
            assertThat(readOrReject(seed)).as(seed).isEqualTo("read");
        }
    }

    /**
     * The property: a description is read (and then summarises and round-trips), or rejected
     * with every diagnostic at a line and column of a file. Any other throwable fails the test.
     */
    static String readOrReject(String text) {
        Validated<Architecture> read;
        try {
            read = ArchitectureReader.readValidated(SpecSource.ofText(FILE, text));
        } catch (SpecException e) {
            assertThat(e.diagnostics()).isNotEmpty().allSatisfy(ArchitectureFuzzTest::assertPositioned);
            assertThat(e.warnings()).allSatisfy(ArchitectureFuzzTest::assertPositioned);
            return "rejected";
        }
        assertThat(read.warnings()).allSatisfy(ArchitectureFuzzTest::assertPositioned);
        Architecture a = read.value();
        // What is read lies in its bounds, whatever route the value took (defaults, conductances).
        assertThat(ArchitectureBounds.NODE.possible(a.technology().nodeMeters())).isTrue();
        assertThat(ArchitectureBounds.VDD.possible(a.technology().vdd())).isTrue();
        assertThat(ArchitectureBounds.CLOCK.possible(a.technology().clockHz())).isTrue();
        for (var d : a.devices()) {
            assertThat(ArchitectureBounds.RESISTANCE_STATE.possible(d.rOn()) || ArchitectureBounds.CONDUCTANCE_STATE
                    .possible(d.gOn())).as("r_on of %s", d.name()).isTrue();
            assertThat(d.rOff()).as("r_off of %s", d.name()).isGreaterThan(d.rOn());
            assertThat(ArchitectureBounds.CELL_READ_CURRENT.possible(d.vRead() / d.rOn())).isTrue();
        }
        assertThat(a.summary().endpoints()).isBetween(0L, (long) ArchitectureBounds.ENDPOINTS.max());
        assertThat((double) a.summary().cells()).isLessThanOrEqualTo(ArchitectureBounds.CELLS.max());
        Architecture again = ArchitectureReader.read(SpecSource.ofText("written.yaml", ArchitectureWriter.toYaml(a)));
        assertThat(again.summary()).isEqualTo(a.summary());
        return "read";
    }

    private static void assertPositioned(Diagnostic d) {
        assertThat(d.position().file()).as("file of %s", d).isNotEmpty();
        assertThat(d.position().line()).as("line of %s", d).isPositive();
        assertThat(d.position().column()).as("column of %s", d).isPositive();
        assertThat(d.message()).as("message of %s", d).isNotBlank();
    }

    // ---- generation ------------------------------------------------------------------------

    @Provide
    Arbitrary<String> mutatedDescriptions() {
        return MUTATIONS.documents();
    }

    /** Values at, inside and just beyond every key's possible and calibrated ranges, with their unit. */
    private static List<String> boundValues() {
        List<String> values = new ArrayList<>();
        for (Bounds b : ArchitectureBounds.table().values()) {
            double[] edges = {b.min(), b.max(), b.calibratedMin(), b.calibratedMax()};
            for (double edge : edges) {
                double step = b.integer() ? 1 : Math.max(Math.abs(edge) * 1e-6, Double.MIN_NORMAL);
                for (double v : new double[] {edge, edge - step, edge + step, -edge}) {
                    values.add(b.integer() && b.dimension() == org.memdse.core.units.Dimension.DIMENSIONLESS
                            ? Long.toString((long) v) : b.format(v));
                }
            }
        }
        return values;
    }

    private static final List<String> KEYS = List.of("version", "name", "description", "include", "technology",
            "node", "vdd", "clock", "flavour", "timing", "devices", "templates", "subsystems", "interconnect", "kind", "template",
            "count", "device", "macro", "crossbars", "adc", "dac", "rows", "cols", "bits", "bits_per_cell", "levels",
            "r_on", "r_off", "g_on", "g_off", "v_read", "t_read", "v_write", "write_energy", "write_time",
            "endurance", "variability", "volatile", "neurons", "neuron", "synapses", "weight_bits", "time_step",
            "buffers", "capacity", "width", "digital", "macros", "columns_per_adc", "sample_rate", "on_chip",
            "topology", "concentration", "columns", "flit", "link_length", "spikes", "packet", "chip_to_chip", "links",
            "frequency", "area", "energy", "power", "leakage_power", "latency", "cim-tile", "snn-core", "mesh",
            "torus", "htree", "bus", "global-buffer", "adda", "encoder", "integration", "1T1R", "sar", "flash");
    /** Declared after the keys it uses (static fields initialise in order). */
    private static final YamlMutations MUTATIONS = new YamlMutations(SEEDS, KEYS, boundValues());
    // ---- seeds ----------------------------------------------------------------------------------

    /** The bundled architectures of the architectures module, as written and written back whole. */
    private static List<String> seeds() {
        Path bundled = Path.of("..", "architectures", "src", "main", "resources", "org", "memdse", "architectures",
                "architectures");
        List<String> seeds = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(bundled)) {
            for (Path dir : dirs.sorted().toList()) {
                Path file = dir.resolve("architecture.yaml");
                // Written back: one self-contained document with every default made explicit.
                seeds.add(ArchitectureWriter.toYaml(ArchitectureReader.read(file)));
                // As written, its include made absolute so that it resolves from an in-memory text.
                seeds.add(withAbsoluteIncludes(Files.readString(file, StandardCharsets.UTF_8), dir));
            }
            seeds.add(resource("fuzz/kitchen-sink.yaml"));
            seeds.add(resource("minimal.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException("the fuzz seeds are the bundled architectures, looked for in "
                    + bundled.toAbsolutePath(), e);
        }
        return List.copyOf(seeds);
    }

    private static String withAbsoluteIncludes(String text, Path dir) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("include: ")) {
                line = "include: " + dir.resolve(line.substring("include: ".length()).trim()).toAbsolutePath().normalize();
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static String resource(String name) throws IOException {
        try {
            return Files.readString(Path.of(ArchitectureFuzzTest.class.getResource(name).toURI()), StandardCharsets.UTF_8);
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}

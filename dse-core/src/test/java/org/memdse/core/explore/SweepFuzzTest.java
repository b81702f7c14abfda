package org.memdse.core.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.explore.SweepPlan.Reference;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.read.NetworkReader;
import org.memdse.core.spec.Diagnostic;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecSource;
import org.memdse.core.spec.YamlMutations;

/**
 * Property-based fuzzing of the sweep reader and what a sweep does with a plan before its first
 * evaluation: sweep files made by mutating valid ones (the bundled sweeps and a seed with every
 * key) are read into a plan, or rejected with diagnostics that point into the file. A plan's
 * parameter and variant paths are then applied to its base architecture and networks (the
 * bundled ones it names); that is accepted or rejected the same way. Of an accepted sweep, the
 * first, a middle and the last point are drawn and built: each is an architecture or a
 * {@link SpecException} (a point the sweep writes as invalid, with the reason); nothing else
 * may escape. The seed is fixed, so CI runs the same inputs every time.
 */
class SweepFuzzTest {
    /** How many generated sweep files one run reads. */
    static final int TRIES = 5000;
    private static final String FILE = "fuzz-sweep.yaml";
    private static final Path BUNDLED = Path.of("..", "architectures", "src", "main", "resources", "org", "memdse",
            "architectures");
    private static final List<String> SEEDS = seeds();

    @Property(tries = TRIES, seed = "20261206", shrinking = ShrinkingMode.BOUNDED)
    void everyMutatedSweepIsPlannedOrRejectedWithPositions(@ForAll("mutatedSweeps") String text) {
        Statistics.collect(planOrReject(text));
    }

    @Example
    void everySeedIsAValidSweep() {
        assertThat(SEEDS).hasSizeGreaterThanOrEqualTo(8);
        for (String seed : SEEDS) {
            SweepReader.read(SpecSource.ofText(FILE, seed)); // a mistake in a seed shows its diagnostics
            assertThat(planOrReject(seed)).as(seed).isEqualTo("points built");
        }
    }

    /** The property: planned and its points built (or refused with a reason), or rejected at a line and column. */
    static String planOrReject(String text) {
        SweepPlan plan;
        try {
            plan = SweepReader.read(SpecSource.ofText(FILE, text));
        } catch (SpecException e) {
            assertThat(e.diagnostics()).isNotEmpty().allSatisfy(d -> assertPositioned(d, FILE));
            return "rejected by the reader";
        }
        assertThat(plan).isNotNull();
        Optional<Architecture> base = architecture(plan.architecture());
        List<NetworkGraph> networks = new ArrayList<>();
        for (Reference r : plan.networks()) {
            network(r).ifPresent(networks::add);
        }
        if (base.isEmpty() || networks.size() != plan.networks().size()) {
            return "names no bundled architecture or network";
        }
        ArchitectureVariants variants;
        WorkloadVariants workloads;
        try {
            variants = ArchitectureVariants.of(base.get(), plan.parameters(), plan.variants());
            workloads = WorkloadVariants.of(networks, plan.parameters(), plan.variants());
        } catch (SpecException e) {
            assertThat(e.diagnostics()).isNotEmpty().allSatisfy(d -> assertPositioned(d, FILE));
            return "rejected against its architecture or networks";
        }
        Sampler sampler = plan.sampler();
        assertThat(sampler.size()).isBetween(1L, SweepReader.MAX_ROWS);
        for (long index : new long[] {0, sampler.size() / 2, sampler.size() - 1}) {
            DesignPoint point = sampler.point(index);
            try {
                variants.build(point);
            } catch (SpecException e) {
                assertThat(ArchitectureVariants.reason(e)).isNotBlank();
            }
            for (NetworkGraph n : networks) {
                assertThat(workloads.apply(n, point).nodes()).isNotEmpty();
            }
        }
        return "points built";
    }

    private static void assertPositioned(Diagnostic d, String file) {
        assertThat(d.position().file()).as("file of %s", d).isEqualTo(file);
        assertThat(d.position().line()).as("line of %s", d).isPositive();
        assertThat(d.position().column()).as("column of %s", d).isPositive();
        assertThat(d.message()).as("message of %s", d).isNotBlank();
    }

    /** The bundled architectures and networks, read once each (immutable). */
    private static final Map<String, Optional<Architecture>> ARCHITECTURES = new ConcurrentHashMap<>();
    private static final Map<String, Optional<NetworkGraph>> NETWORKS = new ConcurrentHashMap<>();

    private static Optional<Architecture> architecture(Reference r) {
        return ARCHITECTURES.computeIfAbsent(r.text(), id -> bundled("architectures", id, "architecture.yaml")
                .map(ArchitectureReader::read));
    }

    private static Optional<NetworkGraph> network(Reference r) {
        return NETWORKS.computeIfAbsent(r.text(), id -> bundled("networks", "", id + ".yaml")
                .map(NetworkReader::read));
    }

    private static Optional<Path> bundled(String folder, String id, String file) {
        if (!id.matches("[a-z0-9-]+") && !file.matches("[a-z0-9-]+\\.yaml")) {
            return Optional.empty();
        }
        Path p = BUNDLED.resolve(folder).resolve(id).resolve(file);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    // ---- generation ------------------------------------------------------------------------

    @Provide
    Arbitrary<String> mutatedSweeps() {
        return MUTATIONS.documents();
    }

    private static final List<String> KEYS = List.of("version", "name", "description", "architecture", "networks",
            "mapper", "time_limit", "steps", "seed", "replicate", "ops", "sampling", "strategy", "samples",
            "parameters", "path", "values", "range", "from", "to", "step", "count", "scale", "choices", "tied",
            "variants", "set", "constraints", "objectives", "minimise", "maximise", "grid", "random",
            "latin-hypercube", "linear", "log", "int8", "int16", "sequential", "solver", "isaac-ce", "fig4-hybrid",
            "lenet5", "resnet18", "energy_pj", "area_mm2", "latency_ns", "tops_per_w", "technology.node",
            "templates.isaac-tile.macro.adc.bits", "subsystems.cim.count", "network.input_bit_density",
            "network.layers.conv1.input_bit_density", "interconnect.on_chip", "buffers[0]", "devices[99].r_on",
            "a..b", "area_mm2 <= 400", "energy_pj >= -1e308", "latency_ns == NaN", "tops_per_w > ");

    /** Counts at and beyond the row limit, ranges that are empty, reversed, huge or log through zero. */
    private static final List<String> BOUND_VALUES = List.of("0", "-1", "1", "100000", "100001", "536870912",
            "536870913", "2147483647", "2147483648", "9223372036854775807", "9223372036854775808",
            "99999999999999999999999999", "{from: 1, to: 1e308, step: 1}", "{from: 1, to: 1e9, count: 100000}",
            "{from: 0, to: 8, scale: log, count: 4}", "{from: -1, to: 8, scale: log, count: 3}",
            "{from: 8, to: 1, step: 1}", "{from: 1, to: 8, step: 0}", "{from: 1, to: 8, step: -1}",
            "{from: 1, to: 8, step: 1e-300}", "{from: 1 GHz, to: 8 ns, count: 3}", "{from: 1e308, to: -1e308, count: 5}",
            "{from: 4.9e-324, to: 1e-300, count: 3, scale: log}", "{from: 1, to: 2, count: 0}",
            "{from: 1, to: 2, count: 1}", "{strategy: random, samples: 2147483647, seed: 1}",
            "{strategy: latin-hypercube, samples: 536870912}", "{strategy: grid, samples: 3}", "1e-300 s",
            "1e300 s", "0 s", "-1 s", "[1, 1, 1]", "[]", "{}", "[[1]]", "{a: ~}", "~");
    /** Declared after what it uses (static fields initialise in order). */
    private static final YamlMutations MUTATIONS = new YamlMutations(SEEDS, KEYS, BOUND_VALUES);

    // ---- seeds ----------------------------------------------------------------------------------

    /** The bundled sweeps of the architectures module, and one with every key. */
    private static List<String> seeds() {
        Path sweeps = BUNDLED.resolve("sweeps");
        List<String> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(sweeps)) {
            for (Path file : files.sorted().toList()) {
                seeds.add(Files.readString(file, StandardCharsets.UTF_8));
            }
            seeds.add(Files.readString(Path.of(SweepFuzzTest.class.getResource("fuzz/kitchen-sink.yaml").toURI()),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the fuzz seeds are the bundled sweeps, looked for in "
                    + sweeps.toAbsolutePath(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(seeds);
    }
}

package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.memdse.architectures.Catalog;
import org.memdse.architectures.CatalogEntry;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.eval.Breakdown;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.read.NetworkReader;
import org.memdse.cost.evaluator.SystemEvaluator;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.cost.registry.NoModelException;
import org.memdse.mapping.SequentialMapper;
import org.yaml.snakeyaml.Yaml;

/**
 * Every bundled architecture x every bundled network (and a few with {@code --replicate}),
 * mapped by the sequential mapper and evaluated, compared figure by figure with the golden file
 * {@code golden/<arch>__<network>[__replicate].json}: what {@code memdse evaluate --mapper
 * sequential --format json} prints, plus the Metrics fields the JSON leaves out. Numbers must
 * agree within 1e-12 relative; a key that appears or disappears is a difference too.
 *
 * <p>A modelling change that moves a number fails here on purpose: regenerate with
 * {@code mvn -pl cli -am test -Dtest=EvaluateGoldenTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dmemdse.updateGolden=true -Dmemdse.goldenReason="why the numbers moved"} and review the
 * diff of {@code cli/src/test/resources/org/memdse/cli/golden/} in the commit, so every change
 * of a figure is explicit.
 */
class EvaluateGoldenTest {
    private static final double RELATIVE = 1e-12;
    private static final String FOLDER = "org/memdse/cli/golden/";
    /** The pairs also evaluated with layer replication (ISAAC/PUMA-style balancing). */
    private static final List<String[]> REPLICATED = List.of(new String[] {"isaac-ce", "resnet18"},
            new String[] {"neurosim-vgg8", "vgg8-cifar10"}, new String[] {"isaac-ce", "vgg8-cifar10"});

    record Case(String architecture, String network, boolean replicate) {
        String file() {
            return architecture + "__" + network + (replicate ? "__replicate" : "") + ".json";
        }

        String command() {
            return "memdse evaluate --arch " + architecture + " --network " + network + " --mapper sequential"
                    + (replicate ? " --replicate" : "") + " --format json";
        }

        @Override
        public String toString() {
            return architecture + " x " + network + (replicate ? " (replicated)" : "");
        }
    }

    static Stream<Case> cases() {
        Catalog c = Catalog.bundled();
        List<Case> cases = new ArrayList<>();
        for (CatalogEntry a : c.architectures()) {
            for (CatalogEntry n : c.networks()) {
                cases.add(new Case(a.id(), n.id(), false));
            }
        }
        for (String[] r : REPLICATED) {
            cases.add(new Case(r[0], r[1], true));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluationMatchesTheGoldenFile(Case c) throws IOException {
        String body = evaluate(c);
        String golden;
        try (InputStream in = EvaluateGoldenTest.class.getClassLoader().getResourceAsStream(FOLDER + c.file())) {
            golden = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (Boolean.getBoolean("memdse.updateGolden")) {
            // Only the files whose figures moved (by any amount) are rewritten, so the diff shows what a change did.
            if (golden == null || !differences(golden, body, 0).isEmpty()) {
                write(c, body);
            }
            return;
        }
        List<String> differences = golden == null ? List.of("(no golden file)") : differences(golden, body, RELATIVE);
        assertThat(golden).as("golden file %s%s is missing: regenerate with -Dmemdse.updateGolden=true", FOLDER,
                c.file()).isNotNull();
        assertThat(differences).as("%s differs from %s%s (%d figures); if the change is intended, regenerate with "
                + "-Dmemdse.updateGolden=true -Dmemdse.goldenReason=\"...\" and review the diff", c.command(), FOLDER,
                c.file(), differences.size()).isEmpty();
    }

    /** Every figure that differs between the golden file and the body evaluated now, or that only one has. */
    private static List<String> differences(String golden, String body, double relative) {
        Map<String, Object> expected = flatten(golden);
        expected.keySet().removeIf(k -> k.startsWith("_meta"));
        Map<String, Object> actual = flatten("{\n" + body + "}\n");
        List<String> differences = new ArrayList<>();
        for (String key : union(expected, actual)) {
            Object e = expected.get(key);
            Object a = actual.get(key);
            if (!expected.containsKey(key) || !actual.containsKey(key)) {
                differences.add(key + ": golden " + (expected.containsKey(key) ? e : "(absent)") + ", now "
                        + (actual.containsKey(key) ? a : "(absent)"));
            } else if (!same(e, a, relative)) {
                differences.add(key + ": golden " + e + ", now " + a);
            }
        }
        return differences;
    }

    /** The golden body (without {@code _meta}): the evaluate JSON and the Metrics fields it leaves out. */
    private static String evaluate(Case c) {
        Catalog catalog = Catalog.bundled();
        Architecture a = ArchitectureReader.read(catalog.source(catalog.architecture(c.architecture()).orElseThrow()));
        NetworkGraph g = NetworkReader.read(catalog.source(catalog.network(c.network()).orElseThrow()));
        SequentialMapper mapper = new SequentialMapper();
        MapperOptions options = MapperOptions.DEFAULT.withReplication(
                c.replicate() ? MapperOptions.Replication.BALANCE : MapperOptions.Replication.NONE);
        MappingOutcome outcome = mapper.map(a, g, options);
        if (outcome instanceof MappingOutcome.DoesNotFit d) {
            return "  \"does_not_fit\": " + JsonText.string(d.reason()) + "\n";
        }
        Metrics x;
        try {
            x = new SystemEvaluator(ComponentModelRegistry.load()).evaluate(a, g,
                    ((MappingOutcome.Mapped) outcome).mapping(), OpConvention.INT8);
        } catch (NoModelException e) {
            return "  \"no_model\": " + JsonText.string(e.getMessage()) + "\n";
        }
        String json = EvaluateCommand.json(a, g, mapper, x, c.replicate()).strip();
        StringBuilder b = new StringBuilder("  \"evaluate\": ");
        b.append(json.replace("\n", "\n  ")).append(",\n");
        b.append("  \"metrics_not_in_json\": {\n");
        b.append("    \"adc_bits_needed_by_layer\": ").append(object(x.adcBitsNeededByLayer())).append(",\n");
        b.append("    \"peak_power_w_by_kind\": ").append(object(x.peak().powerByKind())).append(",\n");
        b.append("    \"peak_leakage_power_w\": ").append(JsonText.number(x.peak().leakagePowerW())).append(",\n");
        b.append("    \"peak_synaptic_ops_per_s\": ").append(JsonText.number(x.peak().peakSynapticOpsPerSecond()))
                .append("\n  }\n");
        return b.toString();
    }

    private static String object(Breakdown breakdown) {
        StringBuilder b = new StringBuilder("{");
        breakdown.parts().forEach((k, v) -> b.append(b.length() == 1 ? "" : ", ").append(JsonText.string(k))
                .append(": ").append(JsonText.number(v)));
        return b.append('}').toString();
    }

    private static void write(Case c, String body) throws IOException {
        String reason = System.getProperty("memdse.goldenReason", "regenerated with -Dmemdse.updateGolden=true");
        String meta = "  \"_meta\": {\"command\": " + JsonText.string(c.command()) + ", \"ops\": \"int8\", "
                + "\"commit\": " + JsonText.string(commit()) + ", \"date\": " + JsonText.string(LocalDate.now().toString())
                + ", \"reason\": " + JsonText.string(reason) + "},\n";
        Path dir = Path.of("src/test/resources", FOLDER);
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, c.file(), ".tmp");
        Files.writeString(tmp, "{\n" + meta + body + "}\n");
        Files.move(tmp, dir.resolve(c.file()), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The commit the golden figures were produced on (the working tree may hold more). */
    private static String commit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static java.util.Set<String> union(Map<String, Object> a, Map<String, Object> b) {
        java.util.Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static boolean same(Object expected, Object actual, double relative) {
        if (expected instanceof Double e && actual instanceof Double a) {
            return e.equals(a) || Math.abs(e - a) <= relative * Math.max(Math.abs(e), Math.abs(a));
        }
        return java.util.Objects.equals(expected, actual);
    }

    /** JSON (read as YAML) flattened to path -> number (as a double), string or null. */
    private static Map<String, Object> flatten(String json) {
        Object root = new Yaml().load(json);
        Map<String, Object> out = new TreeMap<>();
        flatten("", root, out);
        return out;
    }

    private static void flatten(String prefix, Object value, Map<String, Object> out) {
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                flatten(prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + " / " + e.getKey(), e.getValue(), out);
            }
        } else if (value instanceof Number n) {
            out.put(prefix, n.doubleValue());
        } else if (value instanceof String s && isNumber(s)) {
            // YAML 1.1 reads an exponent without a sign (1.0E12) as a string.
            out.put(prefix, Double.parseDouble(s));
        } else {
            out.put(prefix, value);
        }
    }

    private static boolean isNumber(String s) {
        return s.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    }
}

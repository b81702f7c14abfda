package org.memdse.architectures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.arch.write.ArchitectureWriter;
import org.memdse.core.spec.Diagnostic;
import org.memdse.core.spec.SpecException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code memdse describe --format yaml} writes every default explicitly (the README promises it,
 * and sweep paths must exist in the written base). The keys the reader knows are found by asking
 * it: a probe key is added to every mapping of the written description, and the reader's
 * "unknown key" message lists the keys allowed there. Every allowed key that the writer left out
 * must be one whose absence has a meaning of its own rather than a default value (listed below
 * with the reason); a new key read with a default and not written fails this test.
 */
class WrittenDefaultsTest {
    private static final String PROBE = "zz_probe";
    private static final Pattern UNKNOWN = Pattern.compile("unknown key '" + PROBE + "'.*?; allowed here: (.*)$");

    /**
     * Keys the writer may leave out, by the path of their mapping: their absence is not a default
     * value but "none" or "not given" (no value to write).
     */
    private static final Map<Pattern, String> ABSENT_MEANS_NONE = absentMeansNone();

    private static Map<Pattern, String> absentMeansNone() {
        Map<Pattern, String> m = new LinkedHashMap<>();
        m.put(Pattern.compile("include"), "includes are inlined");
        m.put(Pattern.compile("description"), "free text, none when empty");
        m.put(Pattern.compile("(.*\\.)?(area|energy|power|leakage_power|latency)"),
                "published figures: absent means the cost model prices it");
        m.put(Pattern.compile("devices\\.[^.]+\\.(g_on|g_off)"), "the other spelling of r_on and r_off (one pair is written)");
        m.put(Pattern.compile("devices\\.[^.]+\\.v_write"), "absent means no write path is modelled; it has no default voltage");
        m.put(Pattern.compile("devices\\.[^.]+\\.variability"),
                "the older spelling of nonidealities.programming_error (written there; giving both is an error)");
        m.put(Pattern.compile(".*\\.adc\\.sample_rate"), "absent means the converter model's own rate");
        m.put(Pattern.compile("templates\\.[^.]+\\.macro\\.(sample_hold|shift_add|array_periphery|level_shifters|buffers)"),
                "optional components: absent means none (or, for the periphery, modelled)");
        m.put(Pattern.compile("templates\\.[^.]+\\.(buffers|digital)"), "optional components: absent means none");
        m.put(Pattern.compile("templates\\.[^.]+\\.wiring\\.width"),
                "absent means the tile buffers' widths added up, following them when a sweep changes one");
        m.put(Pattern.compile("interconnect\\.on_chip\\.(columns|rows)"), "a grid only for meshes and tori; else derived");
        m.put(Pattern.compile("interconnect\\.on_chip\\.(link_length|router|link)"),
                "absent means derived from the endpoints' area, or modelled");
        m.put(Pattern.compile("interconnect\\.(spikes|chip_to_chip)"), "absent means the system has none");
        m.put(Pattern.compile("board"), "absent means one chip");
        m.put(Pattern.compile("board\\.(places|columns|rows|connections)"),
                "a mesh writes columns and rows, other topologies places; connections only for custom");
        m.put(Pattern.compile("board\\.link\\.kind"), "absent means chosen by the bandwidth");
        m.put(Pattern.compile("interconnect\\.on_chip\\.clock"),
                "absent means the technology's clock, following it when a sweep changes it");
        m.put(Pattern.compile("interconnect\\.on_chip\\.packet"), "absent means bare flits, no packet headers");
        m.put(Pattern.compile("interconnect\\.spikes\\.(address|payload)"), "the other spelling of packet (packet is written)");
        m.put(Pattern.compile("interconnect\\.spikes\\.(east_west|north_south)"),
                "published figures per direction: absent means the spike hop's own");
        m.put(Pattern.compile("interconnect\\.chip_to_chip\\.kind"),
                "absent means chosen by the bandwidth, following it when a sweep changes width or frequency");
        m.put(Pattern.compile("devices\\.[^.]+\\.write"), "absent means an inference-only device (no write parameters)");
        m.put(Pattern.compile("devices\\.[^.]+\\.endurance"), "with write parameters it is written under write:");
        m.put(Pattern.compile("templates\\.[^.]+\\.learning"), "absent means inference only");
        m.put(Pattern.compile("templates\\.[^.]+\\.learning\\.(batch_size|samples_per_epoch|epochs|gradient_unit|"
                + "dram_staging|event_rate|update\\.max_iterations|update\\.tolerance|update\\.pulse_train)"),
                "another rule's or scheme's key: an error here, not a default");
        m.put(Pattern.compile("templates\\.[^.]+\\.activation_products"),
                "absent means run_on: digital (nothing rewritten)");
        m.put(Pattern.compile("templates\\.[^.]+\\.activation_products\\.(scheme|max_iterations|tolerance)"),
                "rewritten-crossbars' keys (or another scheme's): an error or unread with run_on: digital");
        m.put(Pattern.compile("subsystems\\.[^.]+\\.template"), "a block given by its kind has no template");
        return m;
    }

    static Stream<String> architectureIds() {
        return Catalog.bundled().architectures().stream().map(CatalogEntry::id);
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectureIds")
    void theWrittenDescriptionGivesEveryKeyTheReaderWouldDefault(String id) throws IOException {
        Catalog catalog = Catalog.bundled();
        String yaml = ArchitectureWriter.toYaml(ArchitectureReader.read(catalog.source(catalog.architecture(id)
                .orElseThrow())));
        Map<String, Set<String>> written = new TreeMap<>();
        Object probed = probe(new Yaml().load(yaml), "", written);
        Map<String, Set<String>> allowed = allowedKeys(probed);
        assertThat(allowed.keySet()).as("mappings the reader reported the probe in").containsAll(written.keySet());
        List<String> missing = new ArrayList<>();
        allowed.forEach((path, keys) -> {
            for (String key : keys) {
                String full = path.isEmpty() ? key : path + "." + key;
                if (!written.get(path).contains(key) && ABSENT_MEANS_NONE.keySet().stream()
                        .noneMatch(p -> p.matcher(full).matches())) {
                    missing.add(full);
                }
            }
        });
        assertThat(missing).as("keys the reader accepts with a default that `describe --format yaml` does not write"
                + " (write them in ArchitectureWriter, or list them here if absence means 'none')").isEmpty();
    }

    /**
     * Adds the probe key to every mapping whose keys the reader checks (not the free-form name maps:
     * devices, templates, subsystems), recording the keys written there by path.
     */
    @SuppressWarnings("unchecked")
    private static Object probe(Object node, String path, Map<String, Set<String>> written) {
        if (node instanceof Map<?, ?> map) {
            boolean nameMap = Set.of("devices", "templates", "subsystems").contains(path);
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                out.put(key, probe(e.getValue(), path.isEmpty() ? key : path + "." + key, written));
            }
            if (!nameMap) {
                written.put(path, new TreeSet<>(out.keySet()));
                out.put(PROBE, 1);
            }
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(probe(list.get(i), path + "[" + i + "]", written));
            }
            return out;
        }
        return node;
    }

    /** The keys the reader allows in each probed mapping, from its "unknown key" messages. */
    private Map<String, Set<String>> allowedKeys(Object probed) throws IOException {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Path file = dir.resolve("probed.yaml");
        Files.writeString(file, new Yaml(options).dump(probed));
        Map<String, Set<String>> allowed = new TreeMap<>();
        try {
            ArchitectureReader.read(file);
        } catch (SpecException e) {
            for (Diagnostic d : e.diagnostics()) {
                Matcher m = UNKNOWN.matcher(d.message());
                assertThat(m.find()).as("only the probes are wrong: %s", d).isTrue();
                String path = d.path().equals(PROBE) ? "" : d.path().substring(0, d.path().length() - PROBE.length() - 1);
                allowed.put(path, new TreeSet<>(Arrays.asList(m.group(1).split(", "))));
            }
            return allowed;
        }
        throw new AssertionError("the reader accepted the probe key '" + PROBE + "'");
    }
}

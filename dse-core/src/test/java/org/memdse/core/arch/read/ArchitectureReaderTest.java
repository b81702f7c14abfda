package org.memdse.core.arch.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memdse.core.arch.AdcKind;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.ArchitectureSummary;
import org.memdse.core.arch.CellType;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.Device;
import org.memdse.core.arch.InputEncoding;
import org.memdse.core.arch.PowerGating;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.TileArray;
import org.memdse.core.arch.Topology;
import org.memdse.core.spec.Diagnostic;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecSource;

class ArchitectureReaderTest {
    static Path resource(String name) {
        try {
            return Path.of(ArchitectureReaderTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String minimalText() throws IOException {
        return Files.readString(resource("minimal.yaml"), StandardCharsets.UTF_8);
    }

    @Test
    void readsTheMinimalDescription() {
        Architecture a = ArchitectureReader.read(resource("minimal.yaml"));

        assertThat(a.name()).isEqualTo("mini");
        assertThat(a.technology().nodeMeters()).isEqualTo(32e-9);
        assertThat(a.technology().vdd()).isEqualTo(0.9);
        assertThat(a.technology().clockHz()).isEqualTo(1e9);
        Device rram = a.devices().get(0);
        assertThat(rram.name()).isEqualTo("rram");
        assertThat(rram.rOn()).isEqualTo(100e3);
        assertThat(rram.rOff()).isEqualTo(10e6);
        assertThat(rram.tRead()).isEqualTo(10e-9);

        CimTileTemplate tile = (CimTileTemplate) a.templates().get(0);
        assertThat(tile.macros()).isEqualTo(2);
        assertThat(tile.macro().crossbars().device()).isSameAs(rram);
        assertThat(tile.macro().crossbars().cell()).isEqualTo(CellType.ONE_T_ONE_R);
        assertThat(tile.macro().adc().kind()).isEqualTo(AdcKind.SAR);
        assertThat(tile.macro().adc().columnsPerAdc()).isEqualTo(8);
        assertThat(tile.macro().inputEncoding()).isEqualTo(InputEncoding.BIT_SERIAL);
        SnnCoreTemplate core = (SnnCoreTemplate) a.templates().get(1);
        assertThat(core.synapses().device()).isSameAs(rram);
        assertThat(((TileArray) a.subsystem("cim").orElseThrow()).template()).isSameAs(tile);
        assertThat(a.interconnect().onChip().topology()).isEqualTo(Topology.MESH);

        // 4 tiles x 2 macros x 4 arrays of 128 x 128; 128 / 8 = 16 ADCs per array.
        ArchitectureSummary s = a.summary();
        assertThat(s.cimTiles()).isEqualTo(4);
        assertThat(s.macros()).isEqualTo(8);
        assertThat(s.crossbars()).isEqualTo(32);
        assertThat(s.cells()).isEqualTo(32L * 128 * 128);
        assertThat(s.adcs()).isEqualTo(32L * 16);
        assertThat(s.snnCores()).isEqualTo(2);
        assertThat(s.synapses()).isEqualTo(2L * 256 * 256);
        assertThat(s.endpoints()).isEqualTo(4 + 2 + 1);
        assertThat(s.routers()).isEqualTo(9);
    }

    @Test
    void analogTransferIsReadWrittenAndReadBack() throws IOException {
        Architecture plain = ArchitectureReader.read(SpecSource.ofText("mini.yaml", minimalText()));
        assertThat(((CimTileTemplate) plain.templates().get(0)).analogTransfer()).isFalse();

        String text = minimalText().replace("    macros: 2\n", "    macros: 2\n    analog_transfer: true\n");
        Architecture a = ArchitectureReader.read(SpecSource.ofText("mini.yaml", text));
        assertThat(((CimTileTemplate) a.templates().get(0)).analogTransfer()).isTrue();

        String yaml = org.memdse.core.arch.write.ArchitectureWriter.toYaml(a);
        assertThat(yaml).contains("analog_transfer: true");
        assertThat(ArchitectureReader.read(SpecSource.ofText("back.yaml", yaml))).isEqualTo(a);
        // every default is written out, this one too
        assertThat(org.memdse.core.arch.write.ArchitectureWriter.toYaml(plain)).contains("analog_transfer: false");
    }

    @Test
    void powerGatingIsOffByDefaultAndIsReadWrittenAndReadBack() throws IOException {
        Architecture plain = ArchitectureReader.read(SpecSource.ofText("mini.yaml", minimalText()));
        assertThat(plain.powerGating()).isEqualTo(PowerGating.NONE);
        assertThat(plain.powerGating().enabled()).isFalse();
        // the default is written out too, so a described system says it has no power gating
        assertThat(org.memdse.core.arch.write.ArchitectureWriter.toYaml(plain))
                .contains("power_gating:\n  gate: none\n  residual_leakage: 0.05\n");

        String text = minimalText() + "power_gating: {gate: unused, residual_leakage: 0.1, area: 150 um^2}\n";
        Architecture a = ArchitectureReader.read(SpecSource.ofText("mini.yaml", text));
        assertThat(a.powerGating().gate()).isEqualTo(PowerGating.Gate.UNUSED);
        assertThat(a.powerGating().residualLeakage()).isEqualTo(0.1);
        assertThat(a.powerGating().switchArea().getAsDouble()).isCloseTo(150e-12, within(1e-24));
        String yaml = org.memdse.core.arch.write.ArchitectureWriter.toYaml(a);
        assertThat(yaml).contains("gate: unused", "residual_leakage: 0.1", "area: 150 um^2");
        assertThat(ArchitectureReader.read(SpecSource.ofText("back.yaml", yaml))).isEqualTo(a);

        // the residual leakage defaults to 1/20 (Tschanz et al., JSSC 2003); the switch area to the model's
        Architecture defaults = ArchitectureReader.read(SpecSource.ofText("mini.yaml", minimalText()
                + "power_gating: {gate: unused}\n"));
        assertThat(defaults.powerGating().residualLeakage()).isEqualTo(0.05);
        assertThat(defaults.powerGating().switchArea()).isEmpty();
        // a figure stripped with the others: only the model prices the switch
        assertThat(org.memdse.core.arch.WithoutFigures.of(a).powerGating().switchArea()).isEmpty();

        assertThatThrownBy(() -> ArchitectureReader.read(SpecSource.ofText("mini.yaml", minimalText()
                + "power_gating: {residual_leakage: 0.1}\n")))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("power_gating.gate: missing required key 'gate' (none, or unused");
    }

    @Test
    void writeVoltageIsReadWrittenBackAndGivesLevelShifters() throws IOException {
        Architecture plain = ArchitectureReader.read(resource("minimal.yaml"));
        assertThat(plain.devices().get(0).vWrite()).isZero();
        assertThat(org.memdse.core.arch.Components.of(plain)).noneMatch(
                c -> c.kind() == org.memdse.core.arch.ComponentKind.LEVEL_SHIFTER);

        String text = minimalText().replace("    t_read: 10 ns\n", "    t_read: 10 ns\n    v_write: 2 V\n");
        Architecture a = ArchitectureReader.read(SpecSource.ofText("mini.yaml", text));
        assertThat(a.devices().get(0).vWrite()).isEqualTo(2.0);
        // one set of level shifters per crossbar array: 4 tiles x 2 macros x 4 arrays
        assertThat(org.memdse.core.arch.Components.of(a)).filteredOn(
                c -> c.kind() == org.memdse.core.arch.ComponentKind.LEVEL_SHIFTER)
                .singleElement().satisfies(c -> assertThat(c.count()).isEqualTo(32));
        String yaml = org.memdse.core.arch.write.ArchitectureWriter.toYaml(a);
        assertThat(yaml).contains("v_write: 2 V");
        assertThat(ArchitectureReader.read(SpecSource.ofText("back.yaml", yaml))).isEqualTo(a);

        String negative = minimalText().replace("    t_read: 10 ns\n", "    t_read: 10 ns\n    v_write: -2 V\n");
        assertThatThrownBy(() -> ArchitectureReader.read(SpecSource.ofText("mini.yaml", negative)))
                .isInstanceOf(SpecException.class)
                .hasMessage("mini.yaml:14:14: error: devices.rram.v_write: expected a value in 0 V .. 20 V, found '-2 V': "
                        + "flash programs at about 20 V, the most any on-chip oxide stands");
    }

    @Test
    void aGlobalBufferIsAChipLevelBufferOffTheNetwork() throws IOException {
        String text = minimalText().replace("    scheme: rate\n",
                "    scheme: rate\n  gb:\n    kind: global-buffer\n    capacity: 128 KiB\n");
        Architecture a = ArchitectureReader.read(SpecSource.ofText("mini.yaml", text));
        org.memdse.core.arch.GlobalBuffer g = (org.memdse.core.arch.GlobalBuffer) a.subsystem("gb").orElseThrow();
        // defaults: SRAM, 128-bit lines, one bank
        assertThat(g.buffer().kind()).isEqualTo(org.memdse.core.arch.BufferKind.SRAM);
        assertThat(g.buffer().capacityBits()).isEqualTo(128 * 1024 * 8.0);
        assertThat(g.buffer().widthBits()).isEqualTo(128.0);
        assertThat(g.bitsPerAccess()).isEqualTo(128.0);
        // it takes no port on the on-chip network: 4 tiles + 2 cores + the encoder, as without it
        assertThat(a.networkEndpoints()).isEqualTo(ArchitectureReader.read(resource("minimal.yaml")).networkEndpoints());
        assertThat(a.summary().buffers()).isEqualTo(1);
        String yaml = org.memdse.core.arch.write.ArchitectureWriter.toYaml(a);
        assertThat(ArchitectureReader.read(SpecSource.ofText("back.yaml", yaml))).isEqualTo(a);

        String bad = text.replace("    capacity: 128 KiB\n", "    capacity: 128 KiB\n    memory: flash\n    banks: 0\n");
        SpecException e = catchThrowableOfType(SpecException.class,
                () -> ArchitectureReader.read(SpecSource.ofText("mini.yaml", bad)));
        assertThat(e.diagnostics()).extracting(Diagnostic::path).containsExactly("subsystems.gb.memory", "subsystems.gb.banks");
    }

    @Test
    void severalMistakesAreReportedAtOnceSortedByLine() {
        SpecException e = catchThrowableOfType(SpecException.class,
                () -> ArchitectureReader.read(resource("several-mistakes.yaml")));

        List<Diagnostic> diagnostics = e.diagnostics();
        assertThat(diagnostics).hasSize(7);
        assertThat(diagnostics).extracting(d -> d.position().line()).isSorted().doesNotHaveDuplicates();
        assertThat(diagnostics).extracting(Diagnostic::path).containsExactly(
                "devices.rram.v_read",
                "templates.cim-tile.macro.crossbars.rows",
                "templates.cim-tile.macro.crossbars.cel",
                "templates.cim-tile.macro.adc.bits",
                "subsystems.snn.template",
                "subsystems.encoder.channels",
                "interconnect.on_chip.flit");
        assertThat(diagnostics).allSatisfy(d -> {
            assertThat(d.position().file()).endsWith("several-mistakes.yaml");
            assertThat(d.position().column()).isPositive();
        });
        // One line per diagnostic in the exception's message, in the same order.
        assertThat(e.getMessage().lines().toList()).containsExactlyElementsOf(
                diagnostics.stream().map(Diagnostic::toString).toList());
    }

    @Test
    void aDescriptionWithMistakesBuildsNothing() throws IOException {
        String text = minimalText().replace("bits: 8", "bits: 0");
        assertThatThrownBy(() -> ArchitectureReader.read(SpecSource.ofText("mini.yaml", text)))
                .isInstanceOf(SpecException.class)
                .hasMessage("mini.yaml:28:15: error: templates.cim-tile.macro.adc.bits: expected an integer 1..16, found '0'");
    }

    @Test
    void readsConductancesDefaultsAndFeatureSizeAreas() throws IOException {
        String text = minimalText()
                .replace("    r_on: 100 kOhm\n    r_off: 10 MOhm\n", "    g_on: 10 uS\n    g_off: 100 nS\n")
                .replace("        cell: 1T1R\n", "        area: 100 F^2\n");
        Architecture a = ArchitectureReader.read(SpecSource.ofText("mini.yaml", text));

        Device d = a.devices().get(0);
        assertThat(d.rOn()).isCloseTo(100e3, within(1e-6));
        assertThat(d.rOff()).isCloseTo(10e6, within(1e-3));
        assertThat(d.endurance()).isEqualTo(1e6);
        assertThat(d.isVolatile()).isFalse();
        CimTileTemplate tile = (CimTileTemplate) a.templates().get(0);
        // Default cell 1T1R; F^2 takes the node: 100 x (32 nm)^2.
        assertThat(tile.macro().crossbars().cell()).isEqualTo(CellType.ONE_T_ONE_R);
        assertThat(tile.macro().crossbars().figures().area().getAsDouble()).isCloseTo(100 * 32e-9 * 32e-9, within(1e-24));
    }

    @Test
    void conductancesTooSmallToInvertAreADiagnosticNotACrash() throws IOException {
        String text = minimalText().replace("    r_on: 100 kOhm\n    r_off: 10 MOhm\n", "    g_on: 1e-320 S\n    g_off: 1e-321 S\n");
        SpecException e = catchThrowableOfType(SpecException.class,
                () -> ArchitectureReader.read(SpecSource.ofText("mini.yaml", text)));
        assertThat(e.diagnostics()).extracting(d -> d.path()).containsExactly("devices.rram.g_on", "devices.rram.g_off");
        assertThat(e.diagnostics()).allSatisfy(d -> assertThat(d.message()).contains("expected a value in 1e-15 S .. 1 S"));
    }

    @Test
    void valuesThatOverflowInTheBaseUnitAreOutOfRange() throws IOException {
        String text = minimalText().replace("r_on: 100 kOhm", "r_on: 1e308 GOhm");
        assertThatThrownBy(() -> ArchitectureReader.read(SpecSource.ofText("mini.yaml", text)))
                .isInstanceOf(SpecException.class)
                .hasMessageStartingWith("mini.yaml:9:11: error: devices.rram.r_on: expected a value in 1 Ohm .. 1e15 Ohm, "
                        + "found '1e308 GOhm': ");
    }

    @Test
    void aMissingSectionIsReportedOnceWithoutItsInnerKeys() throws IOException {
        String text = minimalText().replace("technology: {node: 32 nm, vdd: 0.9 V, clock: 1 GHz}\n", "");
        SpecException e = catchThrowableOfType(SpecException.class,
                () -> ArchitectureReader.read(SpecSource.ofText("mini.yaml", text)));
        assertThat(e.diagnostics()).extracting(Diagnostic::path).containsExactly("technology");
    }

    @Test
    void includesResolveRelativeToTheIncludingFile(@TempDir Path dir) throws IOException {
        String text = minimalText();
        String devices = text.substring(text.indexOf("devices:"), text.indexOf("templates:"));
        Files.createDirectories(dir.resolve("systems"));
        Files.createDirectories(dir.resolve("libraries"));
        Files.writeString(dir.resolve("libraries/devices.yaml"), "version: 1\n" + devices);
        Files.writeString(dir.resolve("systems/mini.yaml"),
                text.replace(devices, "").replace("technology:", "include: ../libraries/devices.yaml\ntechnology:"));

        Architecture included = ArchitectureReader.read(dir.resolve("systems/mini.yaml"));

        assertThat(included).isEqualTo(ArchitectureReader.read(SpecSource.ofText("mini.yaml", text)));
    }

    @Test
    void mistakesInAnIncludedFileNameThatFile(@TempDir Path dir) throws IOException {
        String text = minimalText();
        String devices = text.substring(text.indexOf("devices:"), text.indexOf("templates:"));
        Files.writeString(dir.resolve("devices.yaml"), "version: 1\n" + devices.replace("levels: 4", "levels: four"));
        Path main = dir.resolve("mini.yaml");
        Files.writeString(main, text.replace(devices, "").replace("technology:", "include: devices.yaml\ntechnology:"));

        SpecException e = catchThrowableOfType(SpecException.class, () -> ArchitectureReader.read(main));

        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.position().file()).isEqualTo(dir.resolve("devices.yaml").toString());
            assertThat(d.position().line()).isEqualTo(7);
            assertThat(d.path()).isEqualTo("devices.rram.levels");
            assertThat(d.message()).isEqualTo("expected an integer 2..65536, found 'four'");
        });
    }
}

package org.memdse.architectures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.ArchitectureSummary;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.Macro;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.arch.write.ArchitectureWriter;
import org.memdse.core.spec.SpecSource;

/** Every catalogue architecture loads, writes out and reads back equal; the counts are checked by hand. */
class BundledArchitecturesTest {
    private static final Catalog CATALOG = Catalog.bundled();

    static Stream<String> architectureIds() {
        return CATALOG.architectures().stream().map(CatalogEntry::id);
    }

    private static Architecture load(String id) {
        return ArchitectureReader.read(CATALOG.source(CATALOG.architecture(id).orElseThrow()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectureIds")
    void everyCatalogueArchitectureLoads(String id) {
        Architecture a = load(id);
        assertThat(a.name()).isEqualTo(id);
        assertThat(a.subsystems()).isNotEmpty();
        assertThat(a.devices()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectureIds")
    void writtenOutItReadsBackEqual(String id) {
        Architecture a = load(id);
        String yaml = ArchitectureWriter.toYaml(a);

        Architecture back = ArchitectureReader.read(SpecSource.ofText(id + ".out.yaml", yaml));

        assertThat(back).isEqualTo(a);
        assertThat(back.summary()).isEqualTo(a.summary());
        // A fixed point: writing the copy gives the same text.
        assertThat(ArchitectureWriter.toYaml(back)).isEqualTo(yaml);
    }

    @Test
    void isaacCountsMatchTheHandCalculation() {
        // ISAAC-CE (Shafiee et al., ISCA 2016, Table I): 168 tiles x 12 IMAs x 8 crossbars of 128 x 128,
        // one 8-bit ADC per crossbar (columns_per_adc 128), a 7 x 6 concentrated mesh.
        ArchitectureSummary s = load("isaac-ce").summary();
        assertThat(s.cimTiles()).isEqualTo(168);
        assertThat(s.macros()).isEqualTo(168 * 12).isEqualTo(2_016);
        assertThat(s.crossbars()).isEqualTo(2_016 * 8).isEqualTo(16_128);
        assertThat(s.cells()).isEqualTo(16_128L * 128 * 128).isEqualTo(264_241_152L);
        assertThat(s.weightCapacityBits()).isEqualTo(264_241_152L * 2);
        assertThat(s.adcs()).isEqualTo(16_128 * (128 / 128)).isEqualTo(16_128);
        assertThat(s.dacs()).as("one 1-bit driver per row").isEqualTo(16_128L * 128);
        assertThat(s.snnCores()).isZero();
        // Per tile: 12 IMAs x (input + output register) + eDRAM + output register.
        assertThat(s.buffers()).isEqualTo(168 * (12 * 2 + 2));
        // Per tile: 12 x (2 KiB + 256 B) + 64 KiB + 3 KiB = 96,256 B.
        assertThat(s.bufferBits()).isEqualTo(168 * (12 * (2048 + 256) + 65_536 + 3_072) * 8.0);
        assertThat(s.endpoints()).isEqualTo(168);
        assertThat(s.routers()).as("7 x 6 routers, 4 tiles each").isEqualTo(42);
    }

    @Test
    void fig4HybridCountsMatchTheHandCalculation() {
        // 32 CIM tiles x 4 macros x 8 arrays of 128 x 128; ADCs shared by 8 columns; 16 SNN cores of
        // 256 neurons with 256 x 256 synapses; encoder, integration and AD/DA (8 channels); a reservoir
        // array of 64 devices (64 drivers, 8 ADCs); 8 x 7 mesh.
        Architecture a = load("fig4-hybrid");
        ArchitectureSummary s = a.summary();
        assertThat(s.cimTiles()).isEqualTo(32);
        assertThat(s.macros()).isEqualTo(128);
        assertThat(s.crossbars()).isEqualTo(1_024);
        assertThat(s.cells()).isEqualTo(1_024L * 128 * 128).isEqualTo(16_777_216L);
        assertThat(s.weightCapacityBits()).isEqualTo(16_777_216L * 2);
        assertThat(s.adcs()).as("128 macros x 8 arrays x 128/8, plus 8 AD/DA and 8 reservoir").isEqualTo(128 * 8 * 16 + 8 + 8)
                .isEqualTo(16_400);
        assertThat(s.dacs()).isEqualTo(128L * 8 * 128 + 8 + 64);
        assertThat(s.snnCores()).isEqualTo(16);
        assertThat(s.neurons()).isEqualTo(16 * 256);
        assertThat(s.synapses()).isEqualTo(16L * 256 * 256).isEqualTo(1_048_576L);
        assertThat(s.buffers()).isEqualTo(32 * (4 * 2 + 1));
        // Per tile: 4 x (2 KiB + 256 B) + 64 KiB = 74,752 B.
        assertThat(s.bufferBits()).isEqualTo(32 * (4 * (2048 + 256) + 65_536) * 8.0);
        assertThat(s.endpoints()).as("16 cores + 32 tiles + encoder, integration, AD/DA, reservoir").isEqualTo(52);
        assertThat(s.routers()).isEqualTo(56);
        assertThat(a.subsystems()).extracting(sub -> sub.name())
                .containsExactly("encoder", "snn", "cim", "integration", "adda", "reservoir");
    }

    @Test
    void neuroSimV14RramCountsMatchItsSource() {
        // neurosim-v14-rram/SOURCE.md: NeuroSim V1.4's pipelined floorplan of VGG-8 at 1 bit per cell holds
        // 9,472 subarrays of 128 x 128 (67 tiles of 64 and 36 of 144), laid out as 148 tiles of 2 x 2 PEs
        // of 16 subarrays; a 5-bit MLSA per 8 columns (Param.cpp:249, :258), one shift-and-add per MLSA.
        Architecture a = load("neurosim-v14-rram");
        ArchitectureSummary s = a.summary();
        assertThat(s.cimTiles()).isEqualTo(148);
        assertThat(s.macros()).isEqualTo(148 * 4);
        assertThat(s.crossbars()).isEqualTo(67 * 64 + 36 * 144).isEqualTo(9_472);
        assertThat(s.cells()).isEqualTo(9_472L * 128 * 128);
        assertThat(s.weightCapacityBits()).as("1 bit per cell (Param.cpp:259)").isEqualTo(9_472L * 128 * 128);
        assertThat(s.adcs()).isEqualTo(9_472 * 128 / 8).isEqualTo(151_552);
        assertThat(s.dacs()).isEqualTo(9_472L * 128);
        // Per tile: 2,048 + 832 bits; per PE: 1,024 + 368 bits; global: 71 cores of 128 x 128 bits.
        assertThat(s.bufferBits()).isEqualTo(148 * (2_048 + 832 + 4 * (1_024 + 368)) + 71 * 128 * 128.0);
        assertThat(s.endpoints()).isEqualTo(148);
        assertThat(s.routers()).as("an X-Y bus (globalBusType = false, Param.cpp:76)").isZero();
        Macro macro = ((CimTileTemplate) a.templates().get(0)).macro();
        assertThat(macro.crossbars().bitsPerCell()).isEqualTo(1);
        assertThat(macro.crossbars().device().rOn()).isEqualTo(100e3);
        assertThat(macro.crossbars().device().rOff()).as("100e3 * 17, Param.cpp:345").isEqualTo(1.7e6);
        assertThat(macro.crossbars().device().vRead()).as("Param.cpp:356").isEqualTo(0.55);
        assertThat(macro.adc().bits()).isEqualTo(5);
        assertThat(macro.adc().columnsPerAdc()).isEqualTo(8);
        assertThat(a.technology().nodeMeters()).isCloseTo(22e-9, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void bothShareTheBundledDeviceLibrary() {
        Architecture isaac = load("isaac-ce");
        Architecture fig4 = load("fig4-hybrid");
        assertThat(isaac.devices()).isEqualTo(fig4.devices());
        Macro macro = ((CimTileTemplate) isaac.templates().get(0)).macro();
        assertThat(macro.crossbars().device().name()).isEqualTo("hfo2-rram");
        assertThat(macro.crossbars().device().rOn()).isEqualTo(100e3);
        assertThat(macro.crossbars().device().rOff()).isEqualTo(10e6);
    }

    @Test
    void theCatalogueListsBothArchitectures() {
        List<String> ids = architectureIds().toList();
        assertThat(ids).contains("fig4-hybrid", "isaac-ce");
        assertThat(CATALOG.architectures()).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(CatalogEntry.Kind.ARCHITECTURE);
            assertThat(e.summary()).isNotBlank();
            assertThat(e.source()).isNotBlank();
            assertThat(CATALOG.source(e).displayName()).isEqualTo("bundled:org/memdse/architectures/" + e.resource());
        });
    }

    @Test
    void theCatalogueFindsEntriesByIdAndSuggestsNearMisses() {
        assertThat(CATALOG.architecture("isaac-ce")).hasValueSatisfying(e -> assertThat(e.id()).isEqualTo("isaac-ce"));
        assertThat(CATALOG.architecture("fig4-hybrid")).isPresent();
        assertThat(CATALOG.architecture("isaac")).isEmpty();
        assertThat(CATALOG.architecture("lenet5")).as("a network is not an architecture").isEmpty();
        assertThat(CATALOG.didYouMean("isaac-cd", CatalogEntry.Kind.ARCHITECTURE)).isEqualTo(" (did you mean 'isaac-ce'?)");
        assertThat(CATALOG.didYouMean("fig4_hybrid", CatalogEntry.Kind.ARCHITECTURE))
                .isEqualTo(" (did you mean 'fig4-hybrid'?)");
        assertThat(CATALOG.didYouMean("fig-4-hybrid", CatalogEntry.Kind.ARCHITECTURE))
                .isEqualTo(" (did you mean 'fig4-hybrid'?)");
        assertThat(CATALOG.didYouMean("truenorth", CatalogEntry.Kind.ARCHITECTURE)).isEmpty();
    }
}

package org.memdse.core.arch.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Device;
import org.memdse.core.arch.ProgrammingFit;
import org.memdse.core.spec.Bounds;
import org.memdse.core.spec.Diagnostic;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecSource;
import org.memdse.core.spec.Validated;
import org.memdse.core.units.Dimension;

/**
 * The bounds of every architecture number: the README's table is {@link ArchitectureBounds}'s,
 * values at the edges of the possible range are read, values beyond are errors with the range
 * and the reason, values outside the calibrated range are warnings that let the read go on.
 */
class ArchitectureBoundsTest {
    private static String minimal() throws IOException {
        try {
            return Files.readString(Path.of(ArchitectureBoundsTest.class.getResource("minimal.yaml").toURI()),
                    StandardCharsets.UTF_8);
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static Validated<Architecture> read(String text) {
        return ArchitectureReader.readValidated(SpecSource.ofText("mini.yaml", text));
    }

    /** The README's "Bounds" table, as this table writes it (regenerate with the failure message). */
    static String markdownTable() {
        StringBuilder b = new StringBuilder("| key | possible (error outside) | calibrated (warning outside) | why |\n")
                .append("|---|---|---|---|\n");
        for (Map.Entry<String, Bounds> e : ArchitectureBounds.table().entrySet()) {
            Bounds bounds = e.getValue();
            String why = bounds.why() + (bounds.hasCalibratedRange() ? "; outside the calibrated range, "
                    + bounds.calibration() : "");
            b.append("| ").append(e.getKey()).append(" | ").append(bounds.possibleRange()).append(" | ")
                    .append(bounds.hasCalibratedRange() ? bounds.calibratedRange() : "whole range").append(" | ")
                    .append(why.replace("|", "\\|")).append(" |\n");
        }
        return b.toString();
    }

    @Test
    void theReadmeBoundsTableIsThisTable() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        assertThat(readme).as("README.md, section 'Bounds', must hold exactly this table:%n%s", markdownTable())
                .contains(markdownTable());
    }

    @Test
    void theBundledLikeMinimalDescriptionHasNoWarning() throws IOException {
        assertThat(read(minimal()).warnings()).isEmpty();
    }

    @Test
    void aNodeOutsideTheScalingTablesIsAWarningNotAnError() throws IOException {
        Validated<Architecture> read = read(minimal().replace("node: 32 nm", "node: 180 nm"));
        assertThat(read.value().technology().nodeMeters()).isEqualTo(180e-9, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(read.warnings()).extracting(Diagnostic::toString).containsExactly(
                "mini.yaml:5:20: warning: technology.node: '180 nm' is outside the calibrated range 7 nm .. 130 nm: "
                        + "the scaling tables cover 7-130 nm (Stillmaker & Baas 2017); results outside are extrapolated "
                        + "by constant-field scaling");
        assertThat(read.warnings().get(0).severity()).isEqualTo(Diagnostic.Severity.WARNING);
    }

    @Test
    void theEdgesOfTheCalibratedRangeAreInsideIt() throws IOException {
        // 130 nm parses to 130 x 1e-9, one rounding step above the literal 130e-9.
        assertThat(read(minimal().replace("node: 32 nm", "node: 130 nm")).warnings()).isEmpty();
        assertThat(read(minimal().replace("node: 32 nm", "node: 7 nm")).warnings()).isEmpty();
    }

    @Test
    void theLargestPublishedCellReadsWithAWarningAndTwiceItIsRefused() throws IOException {
        // NeuroSim V1.4 Table V: a 6T SRAM cell at 1 nm is 11,500 F^2, the largest drawn cell it lists.
        Validated<Architecture> sram = read(minimal().replace("cell: 1T1R", "cell: 1T1R\n        cell_area_f2: 11500"));
        assertThat(sram.warnings()).extracting(Diagnostic::toString).singleElement().asString()
                .contains("crossbars.cell_area_f2").contains("outside the calibrated range");
        SpecException refused = catchThrowableOfType(() -> read(minimal().replace("cell: 1T1R",
                "cell: 1T1R\n        cell_area_f2: 23000")).value(), SpecException.class);
        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).contains("cell_area_f2").contains("20000");
    }

    @Test
    void everyPossibleEdgeIsAcceptedAndJustBeyondItIsAnError() {
        for (Map.Entry<String, Bounds> e : ArchitectureBounds.table().entrySet()) {
            Bounds b = e.getValue();
            assertThat(b.possible(b.min())).as(e.getKey()).isTrue();
            assertThat(b.possible(b.max())).as(e.getKey()).isTrue();
            double below = b.integer() ? b.min() - 1 : b.min() - Math.max(Math.abs(b.min()) * 1e-9, 1e-300);
            double above = b.integer() ? b.max() + 1 : b.max() * (1 + 1e-9);
            assertThat(b.possible(below)).as("%s below %s", e.getKey(), below).isFalse();
            assertThat(b.possible(above)).as("%s above %s", e.getKey(), above).isFalse();
            assertThat(b.possible(b.placeholder())).as("placeholder of %s", e.getKey()).isTrue();
            assertThat(b.isCalibrated(b.placeholder())).as("placeholder of %s", e.getKey()).isTrue();
            assertThat(b.why()).as(e.getKey()).isNotBlank();
        }
    }

    @Test
    void everyBoundPrintsInItsOwnUnitsAndParsesBack() {
        for (Map.Entry<String, Bounds> e : ArchitectureBounds.table().entrySet()) {
            Bounds b = e.getValue();
            if (b.dimension() == Dimension.DIMENSIONLESS) {
                continue;
            }
            for (double v : new double[] {b.min(), b.max(), b.calibratedMin(), b.calibratedMax()}) {
                double back = org.memdse.core.units.UnitParser.parse(b.format(v), b.dimension());
                assertThat(back).as("%s: %s", e.getKey(), b.format(v)).isCloseTo(v,
                        org.assertj.core.data.Percentage.withPercentage(1e-4));
            }
        }
    }

    @Test
    void aNonZeroVariabilityIsTheConstantProgrammingSigmaOfTheAccuracyBudget() throws IOException {
        Validated<Architecture> read = read(minimal().replace("    t_read: 10 ns\n", "    t_read: 10 ns\n    variability: 0.05\n"));
        Device d = read.value().devices().get(0);
        assertThat(d.variability()).isEqualTo(0.05);
        assertThat(d.nonIdealities().programmingFit()).isEqualTo(ProgrammingFit.CONSTANT);
        assertThat(d.nonIdealities().programmingSigma(0.3)).isEqualTo(0.05);
        assertThat(read.warnings()).isEmpty();
        // Without it, an RRAM device takes the NeuRRAM write-verify fit.
        Device plain = read(minimal()).value().devices().get(0);
        assertThat(plain.nonIdealities().programmingFit()).isEqualTo(ProgrammingFit.RRAM_WAN_2022);
    }

    @Test
    void warningsTravelWithTheErrorsOfARejectedDescription() throws IOException {
        String text = minimal().replace("node: 32 nm", "node: 250 nm").replace("vdd: 0.9 V", "vdd: 100 V");
        SpecException e = catchThrowableOfType(SpecException.class, () -> read(text));
        assertThat(e.diagnostics()).extracting(Diagnostic::path).containsExactly("technology.vdd");
        assertThat(e.warnings()).extracting(Diagnostic::path).containsExactly("technology.node");
    }

    @Test
    void aBigButPossibleSystemReadsAndASystemBeyondTheHopTableIsRefused() throws IOException {
        String big = minimal().replace("    template: cim-tile\n    count: 4", "    template: cim-tile\n    count: 4000")
                .replace("    columns: 3\n    rows: 3\n", "    concentration: 4\n");
        assertThat(read(big).value().summary().endpoints()).isEqualTo(4003);
        String tree = big.replace("topology: mesh", "topology: htree").replace("    concentration: 4\n", "");
        SpecException e = catchThrowableOfType(SpecException.class, () -> read(tree));
        assertThat(e.diagnostics()).singleElement().satisfies(d -> assertThat(d.message())
                .startsWith("this htree has 8005 routers for 4003 endpoints, at most 4096 are possible"));
    }
}

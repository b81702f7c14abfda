package org.memdse.core.arch.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.DeviceWrite;
import org.memdse.core.arch.GradientUnit;
import org.memdse.core.arch.Learning;
import org.memdse.core.arch.LearningRule;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.UpdateScheme;
import org.memdse.core.arch.write.ArchitectureWriter;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecSource;

/** The write: and learning: blocks: defaults, checks against what runs the rule, and the writer's round trip. */
class LearningReaderTest {
    private static final String WRITE = "    write: {levels: 32, set: {voltage: 2 V, width: 50 ns}, "
            + "reset: {voltage: 1.5 V, width: 20 ns}, nonlinearity: {ltp: 1.75}, endurance: 1e6}\n";

    private static String withLearning(String tile, String core) throws IOException {
        String text = ArchitectureReaderTest.minimalText().replace("    t_read: 10 ns\n", "    t_read: 10 ns\n" + WRITE);
        if (tile != null) {
            text = text.replace("    macros: 2\n", "    macros: 2\n    learning: " + tile + "\n");
        }
        if (core != null) {
            text = text.replaceFirst("(?m)^(  core:\\n    kind: snn-core\\n)", "$1    learning: " + core + "\n");
        }
        return text;
    }

    private static Architecture read(String text) {
        return ArchitectureReader.read(SpecSource.ofText("mini.yaml", text));
    }

    @Test
    void writeParametersTakeTheDeviceStatesAsTheirDefaultRange() throws IOException {
        DeviceWrite w = read(withLearning(null, null)).devices().get(0).write().orElseThrow();
        assertThat(w.levels()).isEqualTo(32);
        assertThat(w.vSet()).isEqualTo(2.0);
        assertThat(w.tReset()).isEqualTo(20e-9, within(1e-18));
        assertThat(w.gMax()).isEqualTo(1 / 100e3, within(1e-15));
        assertThat(w.gMin()).isEqualTo(1 / 10e6, within(1e-18));
        assertThat(w.nlLtp()).isEqualTo(1.75);
        assertThat(w.nlLtd()).isZero();
        assertThat(w.endurance()).isEqualTo(1e6);
        assertThat(read(withLearning(null, null)).devices().get(0).endurance()).isEqualTo(1e6);
        assertThat(w.step()).isEqualTo((1 / 100e3 - 1 / 10e6) / 32, within(1e-15));
    }

    @Test
    void readsInSituTrainingOnATileAndStdpOnACore() throws IOException {
        Architecture a = read(withLearning("{rule: in-situ-backprop, batch_size: 200, samples_per_epoch: 50000, "
                        + "gradient_unit: transposed-read, update: {scheme: write-verify, max_iterations: 8}}",
                "{rule: stdp-triplet, event_rate: 20 Hz}"));
        Learning tile = ((CimTileTemplate) a.templates().get(0)).learning();
        assertThat(tile.rule()).isEqualTo(LearningRule.IN_SITU_BACKPROP);
        assertThat(tile.updatesPerEpoch()).isEqualTo(250);
        assertThat(tile.scheme()).isEqualTo(UpdateScheme.WRITE_VERIFY);
        assertThat(tile.maxIterations()).isEqualTo(8);
        assertThat(tile.tolerance()).isEqualTo(0.5);
        assertThat(tile.gradientUnit()).isEqualTo(GradientUnit.TRANSPOSED_READ);
        assertThat(tile.epochs()).isEqualTo(1);
        Learning core = ((SnnCoreTemplate) a.templates().get(1)).learning();
        assertThat(core.rule()).isEqualTo(LearningRule.STDP_TRIPLET);
        assertThat(core.eventRateHz()).isEqualTo(20.0);
    }

    @Test
    void theWriterWritesEveryDefaultAndReadsBackTheSame() throws IOException {
        Architecture a = read(withLearning("{rule: in-situ-backprop, batch_size: 64, samples_per_epoch: 1000}",
                "{rule: stdp-pair, event_rate: 5 Hz, update: {scheme: stochastic-outer-product}}"));
        String yaml = ArchitectureWriter.toYaml(a);
        assertThat(yaml).contains("gradient_unit: digital", "dram_staging: true", "pulse_train: 31", "retention:");
        Architecture again = read(yaml);
        assertThat(((CimTileTemplate) again.templates().get(0)).learning())
                .isEqualTo(((CimTileTemplate) a.templates().get(0)).learning());
        assertThat(((SnnCoreTemplate) again.templates().get(1)).learning())
                .isEqualTo(((SnnCoreTemplate) a.templates().get(1)).learning());
        assertThat(again.devices().get(0).write().orElseThrow().levels()).isEqualTo(32);
    }

    @Test
    void everyMistakeOfALearningBlockIsReportedAtOnce() throws IOException {
        SpecException e = catchThrowableOfType(() -> read(withLearning(
                "{rule: in-situ-backprop, batch_size: 0, samples_per_epoch: 100, event_rate: 3 Hz}",
                "{rule: stdp-pair, event_rate: 1 Hz, batch_size: 4}")), SpecException.class);
        assertThat(e.getMessage()).contains("templates.cim-tile.learning.batch_size: expected an integer 1..1000000000",
                "templates.cim-tile.learning.event_rate: event_rate paces spike-timing rules",
                "templates.core.learning.batch_size: batch_size belongs to in-situ-backprop");
    }

    @Test
    void endurancesOnTheDeviceAndUnderWriteAreOneTooMany() throws IOException {
        String text = withLearning(null, null).replace("    t_read: 10 ns\n", "    t_read: 10 ns\n    endurance: 1e5\n");
        SpecException e = catchThrowableOfType(() -> read(text), SpecException.class);
        assertThat(e.getMessage()).contains("devices.rram.write.endurance: endurance is given twice");
    }
}

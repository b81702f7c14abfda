package org.memdse.core.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NonIdealitiesTest {
    @Test
    void theFitsGiveThePublishedSigmasAtTheirReferenceConductances() {
        // PCM at g = 1: 0.26348 + 1.9650 - 1.1731 = 1.05538 uS of 25 uS.
        assertThat(ProgrammingFit.PCM_NANDAKUMAR_2019.relativeSigma(1, 0)).isCloseTo(1.05538 / 25, within(1e-12));
        // PCM at g = 0: 0.26348 uS of 25 uS.
        assertThat(ProgrammingFit.PCM_NANDAKUMAR_2019.relativeSigma(0, 0)).isCloseTo(0.26348 / 25, within(1e-12));
        // Wan at G = 39.26 uS: 9.2946 - 17.988 + 9.3203 + 1.053 = 1.680 uS.
        assertThat(ProgrammingFit.RRAM_WAN_2022.relativeSigma(1, 0) * 39.26).isCloseTo(1.680, within(0.002));
        // Milo at G = 225 uS: -2.049 + 4.782 = 2.733 uS of 225.
        assertThat(ProgrammingFit.RRAM_MILO_2021.relativeSigma(1, 0) * 225).isCloseTo(2.7332, within(1e-3));
        assertThat(ProgrammingFit.CONSTANT.relativeSigma(0.4, 0.07)).isEqualTo(0.07);
    }

    @Test
    void defaultsFollowTheDeviceKind() {
        NonIdealities rram = NonIdealities.defaults(DeviceKind.RRAM, 0);
        assertThat(rram.programmingFit()).isEqualTo(ProgrammingFit.RRAM_WAN_2022);
        assertThat(rram.readNoise()).isEqualTo(0.01);
        assertThat(rram.driftSigma()).isZero();
        NonIdealities pcm = NonIdealities.defaults(DeviceKind.PCM, 0);
        assertThat(pcm.programmingFit()).isEqualTo(ProgrammingFit.PCM_NANDAKUMAR_2019);
        assertThat(pcm.readNoise()).isCloseTo(0.0335, within(1e-3));
        assertThat(pcm.driftT0S()).isEqualTo(20);
        NonIdealities fefet = NonIdealities.defaults(DeviceKind.FEFET, 0.03);
        assertThat(fefet.programmingSigma(0.9)).isEqualTo(0.03);
        assertThat(fefet.stuckAtHrs()).isEqualTo(0.001);
        assertThat(fefet.wireResistance()).isEqualTo(0.35);
    }

    @Test
    void driftLeavesTheSpreadOfNuAfterGlobalCompensation() {
        NonIdealities pcm = NonIdealities.defaults(DeviceKind.PCM, 0);
        NonIdealities day = new NonIdealities(pcm.programmingFit(), 0, 0, 0.049, 0.008, 20, 86400, 0, 0, 0);
        assertThat(day.driftSigma()).isCloseTo(Math.log(86400 / 20.0) * 0.008, within(1e-12));
    }

    @Test
    void impossibleValuesAreRefused() {
        assertThatThrownBy(() -> new NonIdealities(ProgrammingFit.CONSTANT, -0.1, 0, 0, 0, 1, 1, 0, 0, 0))
                .hasMessageContaining("programming_error");
        assertThatThrownBy(() -> new NonIdealities(ProgrammingFit.CONSTANT, 0, 0, 0, 0, 1, 1, 1.2, 0, 0))
                .hasMessageContaining("stuck_at.hrs");
        assertThatThrownBy(() -> new NonIdealities(ProgrammingFit.CONSTANT, 0, 0, 0, 0, 20, 1, 0, 0, 0))
                .hasMessageContaining("drift.at");
    }
}

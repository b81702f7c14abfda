package org.memdse.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** No infinite or NaN figure leaves an evaluation: building one names the quantity instead. */
class FiniteMetricsTest {
    private static PeakFigures peak(double power) {
        return new PeakFigures(OpConvention.INT8, 1e-6, Breakdown.EMPTY, Breakdown.EMPTY, power, Breakdown.EMPTY, 1e-3,
                1e12, 0);
    }

    private static Metrics metrics(double energy, double latency, Breakdown byKind) {
        return new Metrics(1e-6, Breakdown.EMPTY, Breakdown.EMPTY, energy, byKind, Breakdown.EMPTY, latency, latency,
                Breakdown.EMPTY, 1e9, 1e-3, 0.5, 0, peak(1));
    }

    @Test
    void finiteFiguresBuild() {
        assertThat(metrics(1e-6, 1e-3, Breakdown.EMPTY).topsPerWatt()).isEqualTo(1e9 / 1e-6 / 1e12);
    }

    @Test
    void anInfiniteEnergyIsAnErrorNamingIt() {
        NonFiniteResultException e = catchThrowableOfType(NonFiniteResultException.class,
                () -> metrics(Double.POSITIVE_INFINITY, 1e-3, Breakdown.EMPTY));
        assertThat(e.quantity()).isEqualTo("energy per inference");
        assertThat(e.getMessage()).startsWith("the energy per inference is not a finite number (Infinity)");
    }

    @Test
    void aNaNPartOfABreakdownIsNamedWithItsKey() {
        NonFiniteResultException e = catchThrowableOfType(NonFiniteResultException.class,
                () -> metrics(1e-6, 1e-3, new Breakdown(Map.of("adc", Double.NaN))));
        assertThat(e.quantity()).isEqualTo("energy by component kind of 'adc'");
    }

    @Test
    void aProductOfFiniteFiguresThatOverflowsIsCaughtToo() {
        NonFiniteResultException e = catchThrowableOfType(NonFiniteResultException.class,
                () -> metrics(1e200, 1e200, Breakdown.EMPTY));
        assertThat(e.quantity()).isEqualTo("energy-delay product");
    }

    @Test
    void peakFiguresAreGuardedAlike() {
        NonFiniteResultException e = catchThrowableOfType(NonFiniteResultException.class, () -> peak(Double.NaN));
        assertThat(e.quantity()).isEqualTo("peak power");
    }
}

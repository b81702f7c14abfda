package org.memdse.cli.calibrate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One single-knob check: a bundled chip and network, the paths the knob sets (with what the chip
 * derives from it, as a sweep variant sets them), and per metric what a source expects.
 *
 * @param id       short name, unique in the suite
 * @param chip     a bundled architecture id
 * @param network  a bundled network id
 * @param knob     the change, as a reader would say it ("ADC 5 -> 6 bits")
 * @param settings the paths and values (YAML text) the variant sets
 * @param expected per metric, what is expected; metrics not listed are shown, not checked
 */
public record TrendCheck(String id, String chip, String network, String knob, List<Setting> settings,
                         Map<TrendMetric, Expectation> expected) {
    /**
     * A path of the chip's description (as {@code memdse describe --format yaml} writes it) and the
     * YAML put there.
     */
    public record Setting(String path, String value) {
        public Setting {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
        }
    }

    public TrendCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chip, "chip");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(knob, "knob");
        settings = List.copyOf(settings);
        expected = Collections.unmodifiableMap(new EnumMap<>(expected));
        if (settings.isEmpty() || expected.isEmpty()) {
            throw new IllegalArgumentException(id + ": a trend check sets at least one path and expects something");
        }
    }

    /** Starts a check on {@code chip} running {@code network}. */
    public static Builder of(String id, String chip, String network, String knob) {
        return new Builder(id, chip, network, knob);
    }

    /** Builds a check: {@code of(...).set(path, value)...expect(metric, expectation)...build()}. */
    public static final class Builder {
        private final String id;
        private final String chip;
        private final String network;
        private final String knob;
        private final List<Setting> settings = new ArrayList<>();
        private final Map<TrendMetric, Expectation> expected = new EnumMap<>(TrendMetric.class);

        private Builder(String id, String chip, String network, String knob) {
            this.id = id;
            this.chip = chip;
            this.network = network;
            this.knob = knob;
        }

        public Builder set(String path, String value) {
            settings.add(new Setting(path, value));
            return this;
        }

        public Builder expect(TrendMetric metric, Expectation expectation) {
            if (expected.put(metric, expectation) != null) {
                throw new IllegalArgumentException(id + ": " + metric + " expected twice");
            }
            return this;
        }

        public TrendCheck build() {
            return new TrendCheck(id, chip, network, knob, settings, expected);
        }
    }
}

package org.memdse.core.units;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of units memdse accepts. One spelling per unit (STYLE rule 8): {@code uA}, not
 * {@code µA} or {@code microA}. The feature-size unit {@code F^2} is not in this table because
 * its factor depends on the technology node; {@link UnitParser} handles it.
 */
public final class Units {
    /** Symbol of the feature-size-squared area unit (the node's F, squared). */
    public static final String FEATURE_SQUARED = "F^2";

    private static final Map<String, Unit> BY_SYMBOL;

    static {
        Map<String, Unit> units = new LinkedHashMap<>();
        add(units, Dimension.VOLTAGE, "V", 1, "mV", 1e-3);
        add(units, Dimension.CURRENT, "A", 1, "mA", 1e-3, "uA", 1e-6, "nA", 1e-9, "pA", 1e-12);
        add(units, Dimension.RESISTANCE, "Ohm", 1, "kOhm", 1e3, "MOhm", 1e6, "GOhm", 1e9);
        add(units, Dimension.CONDUCTANCE, "S", 1, "mS", 1e-3, "uS", 1e-6, "nS", 1e-9);
        add(units, Dimension.TIME, "s", 1, "ms", 1e-3, "us", 1e-6, "ns", 1e-9, "ps", 1e-12);
        add(units, Dimension.FREQUENCY, "Hz", 1, "kHz", 1e3, "MHz", 1e6, "GHz", 1e9);
        add(units, Dimension.ENERGY, "J", 1, "mJ", 1e-3, "uJ", 1e-6, "nJ", 1e-9, "pJ", 1e-12, "fJ", 1e-15);
        add(units, Dimension.POWER, "W", 1, "mW", 1e-3, "uW", 1e-6, "nW", 1e-9);
        add(units, Dimension.LENGTH, "m", 1, "mm", 1e-3, "um", 1e-6, "nm", 1e-9);
        add(units, Dimension.AREA, "m^2", 1, "mm^2", 1e-6, "um^2", 1e-12);
        // Information: binary prefixes only, so "KB" (1000 or 1024?) never has to be guessed.
        add(units, Dimension.INFORMATION, "bit", 1, "B", 8, "KiB", 8 * 1024.0, "MiB", 8 * 1024.0 * 1024,
                "GiB", 8 * 1024.0 * 1024 * 1024);
        BY_SYMBOL = Collections.unmodifiableMap(units);
    }

    private Units() {
    }

    private static void add(Map<String, Unit> units, Dimension dimension, Object... symbolsAndFactors) {
        for (int i = 0; i < symbolsAndFactors.length; i += 2) {
            String symbol = (String) symbolsAndFactors[i];
            double factor = ((Number) symbolsAndFactors[i + 1]).doubleValue();
            units.put(symbol, new Unit(symbol, dimension, factor));
        }
    }

    /** The unit written exactly so (case-sensitive: {@code mS} is not {@code MS}). */
    public static Optional<Unit> bySymbol(String symbol) {
        return Optional.ofNullable(BY_SYMBOL.get(symbol));
    }

    /** Every unit, in table order. */
    public static List<Unit> all() {
        return List.copyOf(BY_SYMBOL.values());
    }

    /** The units of one dimension, smallest factor last in table order (base unit first). */
    public static List<Unit> of(Dimension dimension) {
        List<Unit> result = new ArrayList<>();
        for (Unit unit : BY_SYMBOL.values()) {
            if (unit.dimension() == dimension) {
                result.add(unit);
            }
        }
        return result;
    }

    /** The base unit of a dimension ({@code V}, {@code s}, {@code bit}, ...); empty for numbers. */
    public static Optional<Unit> base(Dimension dimension) {
        return of(dimension).stream().filter(u -> u.factor() == 1.0).findFirst();
    }
}

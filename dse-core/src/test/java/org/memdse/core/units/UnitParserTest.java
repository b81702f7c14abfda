package org.memdse.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Property-style tests over every unit of {@link Units#all()}; random loops use fixed seeds printed on failure. */
class UnitParserTest {
    private static final long SEED = 20240531L;
    private static final int SAMPLES = 2_000;

    static Stream<Unit> units() {
        return Units.all().stream();
    }

    /** A random value in the unit: mantissa in [1, 10), exponent -15..15, sometimes negative, sometimes round. */
    private static double randomValue(Random random) {
        double mantissa = 1 + 9 * random.nextDouble();
        if (random.nextInt(4) == 0) {
            mantissa = Math.rint(mantissa * 100) / 100;
        }
        double value = mantissa * Math.pow(10, random.nextInt(31) - 15);
        return random.nextInt(8) == 0 ? -value : value;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("units")
    void everyUnitRoundTripsThroughFormatAndParse(Unit unit) {
        Random random = new Random(SEED + unit.symbol().hashCode());
        for (int i = 0; i < SAMPLES; i++) {
            double base = unit.toBase(randomValue(random));
            String text = QuantityFormat.format(base, unit.dimension());
            double back = UnitParser.parse(text, unit.dimension());
            assertThat(back).as("seed %d, sample %d: %s -> '%s'", SEED, i, base, text).isEqualTo(base);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("units")
    void valuesWrittenInEveryUnitParseToTheScaledDouble(Unit unit) {
        Random random = new Random(SEED ^ unit.symbol().hashCode());
        for (int i = 0; i < SAMPLES; i++) {
            double value = randomValue(random);
            String text = value + (random.nextBoolean() ? " " : "") + unit.symbol();
            assertThat(UnitParser.parse(text, unit.dimension()))
                    .as("seed %d, sample %d: '%s'", SEED, i, text).isEqualTo(value * unit.factor());
        }
    }

    @Test
    void numbersRoundTripThroughFormatAndParse() {
        Random random = new Random(SEED);
        for (int i = 0; i < SAMPLES; i++) {
            double value = randomValue(random);
            String text = QuantityFormat.format(value, Dimension.DIMENSIONLESS);
            assertThat(UnitParser.parse(text, Dimension.DIMENSIONLESS)).as("seed %d, sample %d: '%s'", SEED, i, text)
                    .isEqualTo(value);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("units")
    void zeroRoundTrips(Unit unit) {
        String text = QuantityFormat.format(0, unit.dimension());
        assertThat(UnitParser.parse(text, unit.dimension())).isZero();
    }

    /** Each unit's factor, derived from its spelling: an SI or binary prefix on the dimension's base symbol. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("units")
    void everyPrefixScalesByItsMeaning(Unit unit) {
        Map<String, Double> si = Map.of("", 1.0, "f", 1e-15, "p", 1e-12, "n", 1e-9, "u", 1e-6, "m", 1e-3,
                "k", 1e3, "M", 1e6, "G", 1e9);
        String base = unit.dimension().baseSymbol();
        double expected;
        if (unit.dimension() == Dimension.INFORMATION) {
            expected = Map.of("bit", 1.0, "B", 8.0, "KiB", 8.0 * 1024, "MiB", 8.0 * 1024 * 1024,
                    "GiB", 8.0 * 1024 * 1024 * 1024).get(unit.symbol());
        } else if (unit.dimension() == Dimension.AREA) {
            String prefix = unit.symbol().substring(0, unit.symbol().length() - "m^2".length());
            expected = si.get(prefix) * si.get(prefix);
        } else {
            assertThat(unit.symbol()).endsWith(base);
            String prefix = unit.symbol().substring(0, unit.symbol().length() - base.length());
            assertThat(si).as("prefix '%s'", prefix).containsKey(prefix);
            expected = si.get(prefix);
        }
        assertThat(UnitParser.parse("1 " + unit.symbol(), unit.dimension())).isEqualTo(expected);
        assertThat(UnitParser.parse("3 " + unit.symbol(), unit.dimension())).isCloseTo(3 * expected, withinPercentage(1e-12));
    }

    @ParameterizedTest(name = "{0} = {2} {1} base units")
    @CsvSource({
        "1 kOhm,     RESISTANCE,  1000",
        "1 MOhm,     RESISTANCE,  1e6",
        "1 KiB,      INFORMATION, 8192",
        "1 MiB,      INFORMATION, 8388608",
        "256 B,      INFORMATION, 2048",
        "1 mm^2,     AREA,        1e-6",
        "1 um^2,     AREA,        1e-12",
        "0.0012 mm^2, AREA,       1.2e-9",
        "10 ns,      TIME,        1e-8",
        "1.2 GHz,    FREQUENCY,   1.2e9",
        "1.2 pJ,     ENERGY,      1.2e-12",
        "16 mW,      POWER,       0.016",
        "10 uS,      CONDUCTANCE, 1e-5",
        "200 mV,     VOLTAGE,     0.2",
        "3 nA,       CURRENT,     3e-9",
        "32 nm,      LENGTH,      3.2e-8",
        "100kOhm,    RESISTANCE,  1e5",
        "1e3 Ohm,    RESISTANCE,  1000",
        "-2.5e-1 V,  VOLTAGE,     -0.25",
        "  .5 ms  ,  TIME,        5e-4",
    })
    void parsesTheWaysResearchersWriteValues(String text, Dimension dimension, double expected) {
        assertThat(UnitParser.parse(text, dimension)).isCloseTo(expected, withinPercentage(1e-12));
    }

    /** {@code bits: 2 ns}: every unit read where every other dimension is expected fails, naming both. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("units")
    void wrongDimensionsFailNamingBoth(Unit unit) {
        for (Dimension expected : Dimension.values()) {
            if (expected == unit.dimension()) {
                continue;
            }
            String text = "2 " + unit.symbol();
            assertThatThrownBy(() -> UnitParser.parse(text, expected))
                    .as("'%s' as %s", text, expected)
                    .isInstanceOf(UnitFormatException.class)
                    .hasMessageStartingWith("expected ")
                    .hasMessageContaining(expected.description())
                    .hasMessageContaining(unit.dimension().description())
                    .hasMessageContaining("found '" + text + "'");
        }
    }

    @Test
    void wrongDimensionMessageReadsAsASentence() {
        assertThatThrownBy(() -> UnitParser.parse("2 ns", Dimension.INFORMATION))
                .hasMessage("expected an amount of information such as '64 KiB', found '2 ns' (a time)");
        assertThatThrownBy(() -> UnitParser.parse("0.2 V", Dimension.TIME))
                .hasMessage("expected a time such as '10 ns', found '0.2 V' (a voltage)");
    }

    @Test
    void featureSquaredNeedsANodeAndAnArea() {
        assertThat(UnitParser.parse("100 F^2", Dimension.AREA, null, 32e-9)).isEqualTo(100 * 32e-9 * 32e-9);
        assertThat(UnitParser.parse("4F^2", Dimension.AREA, null, 22e-9)).isEqualTo(4 * 22e-9 * 22e-9);
        assertThatThrownBy(() -> UnitParser.parse("100 F^2", Dimension.AREA))
                .isInstanceOf(UnitFormatException.class)
                .hasMessage("'100 F^2' is in F^2, which needs the technology node (technology.node)");
        for (Dimension d : Dimension.values()) {
            if (d != Dimension.AREA) {
                assertThatThrownBy(() -> UnitParser.parse("100 F^2", d, null, 32e-9))
                        .as("F^2 as %s", d)
                        .isInstanceOf(UnitFormatException.class)
                        .hasMessageContaining(d.description())
                        .hasMessageContaining("(an area)");
            }
        }
    }

    @Test
    void plainNumbersWithAndWithoutADefaultUnit() {
        assertThat(UnitParser.parse("1e6", Dimension.DIMENSIONLESS)).isEqualTo(1e6);
        assertThat(UnitParser.parse("0.05", Dimension.DIMENSIONLESS)).isEqualTo(0.05);
        assertThat(UnitParser.parse("-3", Dimension.DIMENSIONLESS)).isEqualTo(-3);
        Unit ns = Units.bySymbol("ns").orElseThrow();
        assertThat(UnitParser.parse("500", Dimension.TIME, ns, Double.NaN)).isEqualTo(500 * 1e-9);
        assertThat(UnitParser.parse("5e2", Dimension.TIME, ns, Double.NaN)).isEqualTo(500 * 1e-9);
        // A unit, when written, wins over the default.
        assertThat(UnitParser.parse("2 us", Dimension.TIME, ns, Double.NaN)).isEqualTo(2e-6);
        assertThatThrownBy(() -> UnitParser.parse("500", Dimension.TIME))
                .isInstanceOf(UnitFormatException.class)
                .hasMessage("missing unit: expected a time such as '10 ns', found '500'");
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
        "abc|expected a voltage such as '0.2 V', found 'abc'",
        "V|expected a voltage such as '0.2 V', found 'V'",
        "1.2.3 V|unknown unit '.3 V' in '1.2.3 V'",
        "''|expected a voltage such as '0.2 V', found ''",
        "1e999 V|number out of range: '1e999 V'",
        "1e308 GOhm|expected a voltage such as '0.2 V', found '1e308 GOhm' (a resistance)",
    })
    void malformedTextsSayWhatWasExpected(String text, String message) {
        assertThatThrownBy(() -> UnitParser.parse(text, Dimension.VOLTAGE))
                .isInstanceOf(UnitFormatException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void valuesThatOverflowInTheBaseUnitAreOutOfRange() {
        assertThatThrownBy(() -> UnitParser.parse("1e308 GOhm", Dimension.RESISTANCE))
                .hasMessage("number out of range: '1e308 GOhm'");
        assertThatThrownBy(() -> UnitParser.parse("1e300 F^2", Dimension.AREA, null, 1e5))
                .hasMessage("number out of range: '1e300 F^2'");
    }

    @ParameterizedTest(name = "''{0}'' as {1}")
    @CsvSource({
        "100 kohm,  RESISTANCE,  kOhm",
        "100 KOHM,  RESISTANCE,  kOhm",
        "100 kOhms, RESISTANCE,  kOhm",
        "10 µs,     TIME,        us",
        "10 μs,     TIME,        us",
        "2 MS,      TIME,        ms",
        "2 MS,      CONDUCTANCE, mS",
        "3 bits,    INFORMATION, bit",
        "1 GHZ,     FREQUENCY,   GHz",
    })
    void nearMissesSuggestTheUnit(String text, Dimension dimension, String suggestion) {
        assertThatThrownBy(() -> UnitParser.parse(text, dimension))
                .isInstanceOf(UnitFormatException.class)
                .hasMessageContaining("unknown unit")
                .hasMessageContaining("(did you mean '" + suggestion + "'?)");
    }

    @ParameterizedTest(name = "''{0}'' as {1}")
    @CsvSource({
        "1 kV,      VOLTAGE,     1000 V",
        "1 PHz,     FREQUENCY,   1e15 Hz",
        "2.5 THz,   FREQUENCY,   2.5e12 Hz",
        "1e300 TOhm, RESISTANCE, 1e312 Ohm",
        "3 aJ,      ENERGY,      3e-18 J",
        "5 km,      LENGTH,      5000 m",
    })
    void prefixedUnitsOutsideTheTableGiveTheValueInTheBaseUnit(String text, Dimension dimension, String value) {
        assertThatThrownBy(() -> UnitParser.parse(text, dimension))
                .isInstanceOf(UnitFormatException.class)
                .hasMessageStartingWith("unknown unit '" + text.split(" ")[1] + "' in '" + text + "' (that is " + value + ");");
    }

    @Test
    void decimalKilobytesSuggestTheBinaryUnit() {
        assertThatThrownBy(() -> UnitParser.parse("64 KB", Dimension.INFORMATION))
                .hasMessage("unknown unit 'KB' in '64 KB' (did you mean 'KiB'? memdse uses binary prefixes);"
                        + " units for amount of information: bit, B, KiB, MiB, GiB");
        assertThatThrownBy(() -> UnitParser.parse("2 mb", Dimension.INFORMATION))
                .hasMessageContaining("(did you mean 'MiB'? memdse uses binary prefixes)");
    }

    @Test
    void unknownUnitsListTheUnitsOfTheDimension() {
        assertThatThrownBy(() -> UnitParser.parse("3 furlongs", Dimension.LENGTH))
                .hasMessage("unknown unit 'furlongs' in '3 furlongs'; units for length: m, mm, um, nm");
        assertThatThrownBy(() -> UnitParser.parse("3 xx", Dimension.AREA))
                .hasMessageEndingWith("units for area: m^2, mm^2, um^2, F^2");
        assertThatThrownBy(() -> UnitParser.parse("3 xx", Dimension.DIMENSIONLESS))
                .hasMessageEndingWith("units for number: (none: write a plain number)");
    }

    @Test
    void unitSymbolsAreCaseSensitiveAndUnique() {
        assertThat(Units.bySymbol("mS").orElseThrow().dimension()).isEqualTo(Dimension.CONDUCTANCE);
        assertThat(Units.bySymbol("ms").orElseThrow().dimension()).isEqualTo(Dimension.TIME);
        assertThat(Units.bySymbol("MS")).isEmpty();
        List<String> symbols = new ArrayList<>();
        Units.all().forEach(u -> symbols.add(u.symbol()));
        assertThat(symbols).doesNotHaveDuplicates().doesNotContain(Units.FEATURE_SQUARED);
    }

    @Test
    void everyDimensionButNumbersHasABaseUnit() {
        for (Dimension d : Dimension.values()) {
            if (d == Dimension.DIMENSIONLESS) {
                assertThat(Units.base(d)).isEmpty();
            } else {
                assertThat(Units.base(d)).as("%s", d).hasValueSatisfying(u -> {
                    assertThat(u.symbol()).isEqualTo(d.baseSymbol());
                    assertThat(u.factor()).isEqualTo(1.0);
                });
                assertThat(Units.of(d)).allSatisfy(u -> assertThat(u.dimension()).isEqualTo(d));
            }
        }
    }

    @Test
    void theIssuesUnitsAreAllThere() {
        // Issue 2, "Quantities and units".
        assertThat(Units.all()).extracting(Unit::symbol).contains("V", "mV", "A", "uA", "nA", "Ohm", "kOhm", "MOhm",
                "S", "mS", "uS", "s", "ms", "us", "ns", "ps", "Hz", "kHz", "MHz", "GHz", "J", "nJ", "pJ", "fJ",
                "W", "mW", "uW", "nW", "m", "mm", "um", "nm", "mm^2", "um^2", "bit", "B", "KiB", "MiB");
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of(1.2e-12, Dimension.ENERGY, "1.2 pJ"),
                Arguments.of(100e3, Dimension.RESISTANCE, "100 kOhm"),
                Arguments.of(1.2e9, Dimension.FREQUENCY, "1.2 GHz"),
                Arguments.of(10e-9, Dimension.TIME, "10 ns"),
                Arguments.of(0.0, Dimension.TIME, "0 s"),
                Arguments.of(1.2e-9, Dimension.AREA, "1200 um^2"),
                Arguments.of(256.0, Dimension.INFORMATION, "256 bit"),
                Arguments.of(64 * 8192.0, Dimension.INFORMATION, "64 KiB"),
                Arguments.of(1e-18, Dimension.ENERGY, "0.001 fJ"),
                Arguments.of(128.0, Dimension.DIMENSIONLESS, "128"),
                Arguments.of(1e-6, Dimension.DIMENSIONLESS, "0.000001"),
                Arguments.of(Double.POSITIVE_INFINITY, Dimension.TIME, "Infinity s"));
    }

    @ParameterizedTest(name = "{0} {1} -> ''{2}''")
    @MethodSource("formats")
    void formatsInTheUnitAResearcherWouldWrite(double value, Dimension dimension, String expected) {
        assertThat(QuantityFormat.format(value, dimension)).isEqualTo(expected);
    }
}

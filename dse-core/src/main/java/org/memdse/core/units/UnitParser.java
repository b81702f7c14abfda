package org.memdse.core.units;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses values with units as researchers write them ({@code "0.2 V"}, {@code "100kOhm"},
 * {@code "64 KiB"}, {@code "1e6"}) into a double in the dimension's base unit.
 *
 * <p>A plain number is taken in the key's documented default unit; where a key has none, the
 * unit is required. {@code F^2} (feature size squared) is accepted for areas when the technology
 * node is known.
 */
public final class UnitParser {
    private static final Pattern QUANTITY =
            Pattern.compile("\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(\\S.*?)?\\s*");

    private UnitParser() {
    }

    /**
     * @param text            the text as written
     * @param expected        the dimension the key needs
     * @param defaultUnit     unit of a plain number, or {@code null} if a unit is required
     * @param featureSizeM    the technology node in metres (for {@code F^2}), or NaN if unknown
     * @return the value in the base unit of {@code expected}
     * @throws UnitFormatException with a message that says what was expected and what was found
     */
    public static double parse(String text, Dimension expected, Unit defaultUnit, double featureSizeM) {
        Matcher m = QUANTITY.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new UnitFormatException("expected " + example(expected) + ", found '" + text + "'");
        }
        double number = Double.parseDouble(m.group(1));
        if (!Double.isFinite(number)) {
            throw UnitFormatException.outOfRange(text);
        }
        String symbol = m.group(2);
        if (symbol == null) {
            if (expected == Dimension.DIMENSIONLESS) {
                return number;
            }
            if (defaultUnit != null) {
                return finite(defaultUnit.toBase(number), text);
            }
            throw new UnitFormatException("missing unit: expected " + example(expected) + ", found '" + text.trim() + "'");
        }
        if (symbol.equals(Units.FEATURE_SQUARED)) {
            if (expected != Dimension.AREA) {
                throw wrongDimension(text, expected, "an area");
            }
            if (Double.isNaN(featureSizeM)) {
                throw new UnitFormatException("'" + text.trim() + "' is in F^2, which needs the technology node (technology.node)");
            }
            return finite(number * featureSizeM * featureSizeM, text);
        }
        Optional<Unit> unit = Units.bySymbol(symbol);
        if (unit.isEmpty()) {
            throw new UnitFormatException("unknown unit '" + symbol + "' in '" + text.trim() + "'"
                    + suggestion(symbol, expected, m.group(1)) + "; units for " + expected.description() + ": " + symbols(expected));
        }
        if (unit.get().dimension() != expected) {
            throw wrongDimension(text, expected, withArticle(unit.get().dimension().description()));
        }
        return finite(unit.get().toBase(number), text);
    }

    /** A value that overflows in the base unit (e.g. '1e308 GOhm') is out of range, not infinite. */
    private static double finite(double baseValue, String text) {
        if (!Double.isFinite(baseValue)) {
            throw UnitFormatException.outOfRange(text);
        }
        return baseValue;
    }

    /** Parses with the unit required (no default unit, no feature size). */
    public static double parse(String text, Dimension expected) {
        return parse(text, expected, null, Double.NaN);
    }

    private static UnitFormatException wrongDimension(String text, Dimension expected, String found) {
        return new UnitFormatException("expected " + example(expected) + ", found '" + text.trim() + "' (" + found + ")");
    }

    /** A phrase such as "a time such as '10 ns'", used in every message about a quantity. */
    public static String example(Dimension dimension) {
        String sample = switch (dimension) {
            case DIMENSIONLESS -> "1.5";
            case VOLTAGE -> "0.2 V";
            case CURRENT -> "10 uA";
            case RESISTANCE -> "100 kOhm";
            case CONDUCTANCE -> "10 uS";
            case TIME -> "10 ns";
            case FREQUENCY -> "1 GHz";
            case ENERGY -> "1.2 pJ";
            case POWER -> "16 mW";
            case LENGTH -> "32 nm";
            case AREA -> "0.0012 mm^2";
            case INFORMATION -> "64 KiB";
        };
        return (dimension == Dimension.DIMENSIONLESS ? "a number" : withArticle(dimension.description()))
                + " such as '" + sample + "'";
    }

    /** "a time", "an amount of information". */
    private static String withArticle(String phrase) {
        return ("aeiou".indexOf(phrase.charAt(0)) >= 0 ? "an " : "a ") + phrase;
    }

    private static String symbols(Dimension dimension) {
        StringBuilder sb = new StringBuilder();
        for (Unit u : Units.of(dimension)) {
            sb.append(sb.length() == 0 ? "" : ", ").append(u.symbol());
        }
        if (dimension == Dimension.AREA) {
            sb.append(", ").append(Units.FEATURE_SQUARED);
        }
        return sb.length() == 0 ? "(none: write a plain number)" : sb.toString();
    }

    /** SI prefixes the unit table leaves out for some units (e.g. kV, PHz), with their powers of ten. */
    private static final String[] SI_PREFIXES = {"a", "f", "p", "n", "u", "m", "k", "M", "G", "T", "P", "E"};
    private static final int[] SI_EXPONENTS = {-18, -15, -12, -9, -6, -3, 3, 6, 9, 12, 15, 18};

    /**
     * For an SI-prefixed unit the table does not list ('1 kV', '1 PHz'), the value in the base
     * unit, so that the fix is obvious (and the bounds of the key then judge it).
     */
    private static String prefixedValue(String symbol, Dimension expected, String number) {
        if (expected == Dimension.INFORMATION || expected == Dimension.AREA || expected == Dimension.DIMENSIONLESS) {
            return "";
        }
        Unit base = Units.base(expected).orElse(null);
        if (base == null || symbol.length() <= base.symbol().length() || !symbol.endsWith(base.symbol())) {
            return "";
        }
        String prefix = symbol.substring(0, symbol.length() - base.symbol().length());
        for (int i = 0; i < SI_PREFIXES.length; i++) {
            if (SI_PREFIXES[i].equals(prefix)) {
                BigDecimal value = new BigDecimal(number).scaleByPowerOfTen(SI_EXPONENTS[i]).stripTrailingZeros();
                String written = value.abs().compareTo(new BigDecimal("1e-3")) >= 0
                        && value.abs().compareTo(new BigDecimal("1e6")) < 0
                        ? value.toPlainString() : value.toString().replace("E+", "e").replace('E', 'e');
                return " (that is " + written + " " + base.symbol() + ")";
            }
        }
        return "";
    }

    private static String suggestion(String symbol, Dimension expected, String number) {
        String folded = symbol.replace('µ', 'u').replace('μ', 'u').toLowerCase(Locale.ROOT)
                .replace("ohms", "ohm").replace("bits", "bit");
        for (Unit u : Units.of(expected)) {
            if (u.symbol().toLowerCase(Locale.ROOT).equals(folded)) {
                return " (did you mean '" + u.symbol() + "'?)";
            }
        }
        if (expected == Dimension.INFORMATION && folded.matches("[kmg]b")) {
            return " (did you mean '" + Character.toUpperCase(folded.charAt(0)) + "iB'? memdse uses binary prefixes)";
        }
        String prefixed = prefixedValue(symbol, expected, number);
        if (!prefixed.isEmpty()) {
            return prefixed;
        }
        for (Unit u : Units.all()) {
            if (u.symbol().toLowerCase(Locale.ROOT).equals(folded)) {
                return " (did you mean '" + u.symbol() + "'?)";
            }
        }
        return "";
    }
}

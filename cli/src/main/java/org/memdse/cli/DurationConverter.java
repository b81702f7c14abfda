package org.memdse.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads a time limit as users type it: {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 1m}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)");

    @Override
    public Duration convert(String value) {
        Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("expected a duration such as 500ms, 2s or 1m, found '"
                    + value + "'");
        }
        double amount = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1000;
            default -> amount * 60_000;
        };
        if (millis < 1) {
            throw new CommandLine.TypeConversionException("a time limit must be at least 1ms, found '" + value + "'");
        }
        return Duration.ofMillis(Math.round(millis));
    }
}

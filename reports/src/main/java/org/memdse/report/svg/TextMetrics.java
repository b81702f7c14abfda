package org.memdse.report.svg;

/**
 * Text widths estimated without fonts (SVG text is laid out by the viewer): an average
 * advance per character for a sans-serif face, generous so that estimated boxes contain the
 * rendered text. Charts use it to reserve margins and to shorten labels that would collide.
 */
public final class TextMetrics {
    private TextMetrics() {
    }

    /** Estimated width of {@code text} at {@code size} px. */
    public static double width(String text, double size) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("il.,:;'|!()[]".indexOf(c) >= 0) {
                em += 0.32;
            } else if ("mwMW@%".indexOf(c) >= 0) {
                em += 0.9;
            } else if (Character.isUpperCase(c) || Character.isDigit(c)) {
                em += 0.66;
            } else {
                em += 0.58;
            }
        }
        return em * size;
    }

    /** {@code text}, cut with an ellipsis so that it fits {@code maxWidth} px at {@code size}. */
    public static String fit(String text, double size, double maxWidth) {
        if (width(text, size) <= maxWidth) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && width(cut + "…", size) > maxWidth) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}

package org.memdse.report.svg;

import java.util.List;

/** A legend laid out in rows below (or beside) a plot, never over it: swatch, then label. */
final class Legend {
    static final double ROW = 18;
    private static final double SWATCH = 11;
    private static final double SIZE = 11.5;
    private static final double MAX_LABEL = 200;

    private Legend() {
    }

    /** Height the legend needs when it flows in {@code width} px. */
    static double height(List<String> labels, double width) {
        return rows(labels, width) * ROW;
    }

    private static int rows(List<String> labels, double width) {
        int rows = labels.isEmpty() ? 0 : 1;
        double x = 0;
        for (String label : labels) {
            double w = itemWidth(label);
            if (x > 0 && x + w > width) {
                rows++;
                x = 0;
            }
            x += w;
        }
        return rows;
    }

    private static double itemWidth(String label) {
        return SWATCH + 6 + TextMetrics.width(TextMetrics.fit(label, SIZE, MAX_LABEL), SIZE) + 16;
    }

    /** Draws the items from {@code (x0, y0)} flowing within {@code width}; returns the height used. */
    static double draw(Svg svg, double x0, double y0, double width, List<String> labels, List<String> colors,
                       List<String> markers) {
        double x = 0;
        double y = y0;
        svg.group("legend", null);
        for (int i = 0; i < labels.size(); i++) {
            double w = itemWidth(labels.get(i));
            if (x > 0 && x + w > width) {
                x = 0;
                y += ROW;
            }
            String marker = markers == null ? "square" : markers.get(i);
            double cx = x0 + x + SWATCH / 2;
            double cy = y + ROW / 2;
            switch (marker) {
                case "circle" -> svg.circle(cx, cy, 4.5, colors.get(i), Palette.INK, null, null);
                case "ring" -> svg.circle(cx, cy, 4, "#ffffff", colors.get(i), null, null);
                case "cross" -> svg.cross(cx, cy, 4, colors.get(i), null, null);
                default -> svg.rect(x0 + x, cy - SWATCH / 2, SWATCH, SWATCH, colors.get(i), "#555555", "swatch", null);
            }
            svg.text(x0 + x + SWATCH + 6, cy + 4, TextMetrics.fit(labels.get(i), SIZE, MAX_LABEL), "start", SIZE,
                    Palette.INK, 0, false);
            x += w;
        }
        svg.end();
        return y + ROW - y0;
    }
}

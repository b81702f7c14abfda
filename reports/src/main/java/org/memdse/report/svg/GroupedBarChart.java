package org.memdse.report.svg;

import java.util.List;

/**
 * Horizontal grouped bars: one group per category (a layer), one bar per series (an
 * architecture) in the series' colour. Category labels sit left of the plot, shortened with an
 * ellipsis when long (the full name is in the tooltip); the series legend sits above the plot.
 */
public final class GroupedBarChart {
    private static final double WIDTH = 820;

    private GroupedBarChart() {
    }

    /**
     * @param values values[category][series] in display units; NaN for "not available"
     */
    public static String render(String title, String axisLabel, List<String> categories, List<String> series,
                                double[][] values, String unit) {
        double bar = series.size() <= 2 ? 12 : 9;
        double groupGap = 10;
        double labelWidth = 0;
        for (String c : categories) {
            labelWidth = Math.max(labelWidth, TextMetrics.width(TextMetrics.fit(c, 11.5, 170), 11.5));
        }
        double left = 16 + labelWidth + 8;
        double right = 80;
        double legendH = Legend.height(series, WIDTH - 32);
        double top = 34 + legendH + 6;
        double plotW = WIDTH - left - right;
        double groupH = series.size() * bar + groupGap;
        double plotH = categories.size() * groupH + groupGap;
        double height = top + plotH + 48;
        Svg svg = new Svg(WIDTH, height, title);
        svg.text(16, 20, title, "start", 14, Palette.INK, 0, true);
        Legend.draw(svg, 16, 30, WIDTH - 32, series, seriesColors(series.size()), null);
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                if (v > max) {
                    max = v;
                }
            }
        }
        Axis axis = Axis.linear(0, max > 0 ? max : 1, left, left + plotW, 6);
        double bottom = top + plotH;
        for (double t : axis.ticks()) {
            double x = axis.map(t);
            svg.line(x, top, x, bottom, Palette.LIGHT, 1);
            svg.line(x, bottom, x, bottom + 4, Palette.INK, 1);
            svg.text(x, bottom + 16, axis.label(t), "middle", 11, Palette.INK, 0, false);
        }
        svg.line(left, top, left, bottom, Palette.INK, 1);
        svg.line(left, bottom, left + plotW, bottom, Palette.INK, 1);
        svg.text(left + plotW / 2, bottom + 36, axisLabel, "middle", 12, Palette.INK, 0, false);
        for (int c = 0; c < categories.size(); c++) {
            double y0 = top + groupGap + c * groupH;
            svg.text(left - 8, y0 + series.size() * bar / 2 + 4, TextMetrics.fit(categories.get(c), 11.5, 170), "end",
                    11.5, Palette.INK, 0, false);
            for (int s = 0; s < series.size(); s++) {
                double v = values[c][s];
                double y = y0 + s * bar;
                if (Double.isNaN(v)) {
                    continue;
                }
                double w = axis.map(v) - axis.map(0);
                svg.rect(left, y, w, bar - 1, Palette.color(s), null, "value",
                        categories.get(c) + ", " + series.get(s) + ": " + Numbers.fmt(v) + " " + unit);
            }
        }
        return svg.toString();
    }

    static List<String> seriesColors(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(Palette::color).toList();
    }
}

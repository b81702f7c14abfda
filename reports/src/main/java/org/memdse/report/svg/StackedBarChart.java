package org.memdse.report.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal stacked bars: one bar per category (an architecture), one segment per series (a
 * component kind) in a fixed colour, the total at the end of each bar, a value axis with its
 * unit, and the legend below the plot. Values are given already scaled to {@code unit}.
 */
public final class StackedBarChart {
    private static final double WIDTH = 820;
    private static final double BAR = 28;
    private static final double GAP = 14;

    private StackedBarChart() {
    }

    /**
     * @param title      chart title
     * @param axisLabel  quantity name with its unit, e.g. "area (mm²)"
     * @param categories bar labels
     * @param series     segment names, in stacking order
     * @param colors     one colour per series
     * @param values     values[category][series] in display units
     * @param unit       unit for totals and tooltips
     */
    public static String render(String title, String axisLabel, List<String> categories, List<String> series,
                                List<String> colors, double[][] values, String unit) {
        double labelWidth = 0;
        for (String c : categories) {
            labelWidth = Math.max(labelWidth, TextMetrics.width(TextMetrics.fit(c, 12, 170), 12));
        }
        double left = 16 + labelWidth + 8;
        double right = 90;
        double top = 34;
        double plotW = WIDTH - left - right;
        double plotH = categories.size() * (BAR + GAP) + GAP;
        List<String> legendLabels = new ArrayList<>();
        List<String> legendColors = new ArrayList<>();
        double max = 0;
        for (double[] row : values) {
            double sum = 0;
            for (double v : row) {
                sum += Math.max(0, v);
            }
            max = Math.max(max, sum);
        }
        for (int s = 0; s < series.size(); s++) {
            boolean any = false;
            for (double[] row : values) {
                any |= row[s] > 0;
            }
            if (any) {
                legendLabels.add(series.get(s));
                legendColors.add(colors.get(s));
            }
        }
        double legendH = Legend.height(legendLabels, WIDTH - 32);
        double height = top + plotH + 44 + legendH + 10;
        Svg svg = new Svg(WIDTH, height, title);
        svg.text(16, 20, title, "start", 14, Palette.INK, 0, true);
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
        svg.text(left + plotW / 2, bottom + 34, axisLabel, "middle", 12, Palette.INK, 0, false);
        for (int c = 0; c < categories.size(); c++) {
            double y = top + GAP + c * (BAR + GAP);
            String label = TextMetrics.fit(categories.get(c), 12, 170);
            svg.text(left - 8, y + BAR / 2 + 4, label, "end", 12, Palette.INK, 0, false);
            double total = 0;
            for (double v : values[c]) {
                total += Math.max(0, v);
            }
            svg.group("bar", categories.get(c) + ": " + Numbers.fmt(total) + " " + unit);
            double x = left;
            for (int s = 0; s < series.size(); s++) {
                double v = values[c][s];
                if (!(v > 0)) {
                    continue;
                }
                double w = axis.map(v) - axis.map(0);
                String tip = categories.get(c) + ", " + series.get(s) + ": " + Numbers.fmt(v) + " " + unit + " ("
                        + Numbers.fmt(total > 0 ? 100 * v / total : 0) + " %)";
                svg.rect(x, y, w, BAR, colors.get(s), "#ffffff", "segment", tip);
                String name = series.get(s);
                if (w > TextMetrics.width(name, 10.5) + 8) {
                    svg.text(x + w / 2, y + BAR / 2 + 4, name, "middle", 10.5, Palette.textOn(colors.get(s)), 0, false);
                }
                x += w;
            }
            svg.end();
            svg.text(x + 6, y + BAR / 2 + 4, Numbers.fmt(total), "start", 11, Palette.INK, 0, false);
        }
        Legend.draw(svg, 16, bottom + 44, WIDTH - 32, legendLabels, legendColors, null);
        return svg.toString();
    }
}

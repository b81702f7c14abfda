package org.memdse.report.svg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A scatter plot of design points: Pareto-optimal points in colour and joined by a line,
 * dominated points as grey rings, infeasible points as crosses. Axes carry their quantity and
 * unit; an axis whose values span more than 2.5 decades is logarithmic (and says so). The x axis
 * may be categorical (a swept parameter with text values). The legend sits below the plot.
 */
public final class ScatterPlot {
    /** What a point is. */
    public enum Role {
        PARETO("Pareto-optimal"), DOMINATED("dominated"), INFEASIBLE("infeasible (constraint violated)");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One point.
     *
     * @param x     value on the x axis (an index when the axis is categorical)
     * @param y     value on the y axis
     * @param role  what it is
     * @param label tooltip
     */
    public record Point(double x, double y, Role role, String label) {
    }

    private ScatterPlot() {
    }

    /**
     * @param xCategories names of the x positions 0..n-1, or null for a numeric x axis
     * @param legend      whether to draw the legend
     * @param joinFront   whether to join the Pareto points with a line (only where the axes are the objectives)
     */
    public static String render(String title, String xLabel, String yLabel, List<Point> points,
                                List<String> xCategories, double width, double height, boolean legend,
                                boolean joinFront) {
        boolean small = width < 400;
        double fs = small ? 10 : 11;
        List<Point> drawn = points.stream().filter(p -> Double.isFinite(p.x()) && Double.isFinite(p.y())).toList();
        double xmin = drawn.stream().mapToDouble(Point::x).min().orElse(0);
        double xmax = drawn.stream().mapToDouble(Point::x).max().orElse(1);
        double ymin = drawn.stream().mapToDouble(Point::y).min().orElse(0);
        double ymax = drawn.stream().mapToDouble(Point::y).max().orElse(1);
        List<String> legendLabels = new ArrayList<>();
        List<String> legendColors = new ArrayList<>();
        List<String> legendMarkers = new ArrayList<>();
        if (legend) {
            for (Role r : Role.values()) {
                if (drawn.stream().anyMatch(p -> p.role() == r)) {
                    legendLabels.add(r.label());
                    legendColors.add(color(r));
                    legendMarkers.add(r == Role.PARETO ? "circle" : r == Role.DOMINATED ? "ring" : "cross");
                }
            }
        }
        double legendH = legend ? Legend.height(legendLabels, width - 24) + 6 : 0;
        double top = small ? 26 : 34;
        double bottomSpace;
        boolean rotate = false;
        double catLabelMax = 80;
        if (xCategories != null) {
            double slot = (width - 80) / Math.max(1, xCategories.size());
            double widest = xCategories.stream().mapToDouble(c -> TextMetrics.width(TextMetrics.fit(c, fs, catLabelMax), fs))
                    .max().orElse(0);
            rotate = widest > slot - 4;
            bottomSpace = (rotate ? Math.min(widest, catLabelMax) * 0.72 + 18 : 20) + 22;
        } else {
            bottomSpace = 42;
        }
        double plotBottom = height - bottomSpace - legendH;
        Axis yAxis = Axis.auto(ymin, ymax, plotBottom, top, small ? 4 : 6, false);
        double yTickW = yAxis.ticks().stream().mapToDouble(t -> TextMetrics.width(yAxis.label(t), fs)).max().orElse(20);
        double left = 12 + 14 + yTickW + 6;
        double right = width - 14;
        Axis xAxis;
        if (xCategories != null) {
            xAxis = categorical(-0.5, xCategories.size() - 0.5, left, right);
        } else {
            xAxis = Axis.auto(xmin, xmax, left, right, small ? 4 : 6, false);
        }
        Svg svg = new Svg(width, height, title);
        svg.text(12, small ? 16 : 20, TextMetrics.fit(title, small ? 12 : 14, width - 24), "start", small ? 12 : 14,
                Palette.INK, 0, true);
        for (double t : yAxis.ticks()) {
            double y = yAxis.map(t);
            svg.line(left, y, right, y, Palette.LIGHT, 1);
            svg.text(left - 5, y + 4, yAxis.label(t), "end", fs, Palette.INK, 0, false);
        }
        if (xCategories != null) {
            for (int i = 0; i < xCategories.size(); i++) {
                double x = xAxis.map(i);
                svg.line(x, top, x, plotBottom, Palette.LIGHT, 1);
                String label = TextMetrics.fit(xCategories.get(i), fs, catLabelMax);
                if (rotate) {
                    svg.text(x + 3, plotBottom + 12, label, "end", fs, Palette.INK, -40, false);
                } else {
                    svg.text(x, plotBottom + 14, label, "middle", fs, Palette.INK, 0, false);
                }
            }
        } else {
            double lastEnd = Double.NEGATIVE_INFINITY;
            for (double t : xAxis.ticks()) {
                double x = xAxis.map(t);
                svg.line(x, top, x, plotBottom, Palette.LIGHT, 1);
                String label = xAxis.label(t);
                double w = TextMetrics.width(label, fs);
                if (x - w / 2 > lastEnd + 4) {
                    svg.text(x, plotBottom + 14, label, "middle", fs, Palette.INK, 0, false);
                    lastEnd = x + w / 2;
                }
            }
        }
        svg.line(left, top, left, plotBottom, Palette.INK, 1);
        svg.line(left, plotBottom, right, plotBottom, Palette.INK, 1);
        String xl = xLabel + (xAxis.isLog() ? ", log scale" : "");
        String yl = yLabel + (yAxis.isLog() ? ", log scale" : "");
        svg.text((left + right) / 2, plotBottom + bottomSpace - 6, TextMetrics.fit(xl, fs + 1, right - left), "middle",
                fs + 1, Palette.INK, 0, false);
        double yMid = (top + plotBottom) / 2;
        svg.text(14, yMid, TextMetrics.fit(yl, fs + 1, plotBottom - top), "middle", fs + 1, Palette.INK, -90, false);
        double r = small ? 3.2 : 4.5;
        svg.group("points", null);
        for (Point p : drawn) {
            if (p.role() == Role.DOMINATED) {
                svg.circle(xAxis.map(p.x()), yAxis.map(p.y()), r, "#ffffff", Palette.GREY, "dominated", p.label());
            }
        }
        for (Point p : drawn) {
            if (p.role() == Role.INFEASIBLE) {
                svg.cross(xAxis.map(p.x()), yAxis.map(p.y()), r * 0.9, Palette.ALERT, "infeasible", p.label());
            }
        }
        List<Point> front = drawn.stream().filter(p -> p.role() == Role.PARETO)
                .sorted(Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y)).toList();
        if (front.size() > 1 && xCategories == null && joinFront) {
            double[] xy = new double[front.size() * 2];
            for (int i = 0; i < front.size(); i++) {
                xy[2 * i] = xAxis.map(front.get(i).x());
                xy[2 * i + 1] = yAxis.map(front.get(i).y());
            }
            svg.polyline(xy, color(Role.PARETO), 1.5);
        }
        for (Point p : front) {
            svg.circle(xAxis.map(p.x()), yAxis.map(p.y()), r + 0.5, color(Role.PARETO), Palette.INK, "pareto", p.label());
        }
        svg.end();
        if (legend) {
            Legend.draw(svg, 12, height - legendH, width - 24, legendLabels, legendColors, legendMarkers);
        }
        return svg.toString();
    }

    private static Axis categorical(double lo, double hi, double from, double to) {
        return Axis.linear(lo, hi, from, to, 1).rescaled(lo, hi);
    }

    static String color(Role r) {
        return switch (r) {
            case PARETO -> Palette.CATEGORICAL.get(0);
            case DOMINATED -> Palette.GREY;
            case INFEASIBLE -> Palette.ALERT;
        };
    }
}

package org.memdse.report.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.memdse.core.eval.NetworkLoad;
import org.memdse.report.svg.Numbers;
import org.memdse.report.svg.Palette;
import org.memdse.report.svg.Svg;
import org.memdse.report.svg.TextMetrics;

/**
 * A heat map of the on-chip network's link load on the floorplan: routers at their grid cells,
 * each directed link that carries traffic a line (drawn beside its opposite direction) coloured by
 * its utilisation ρ = flits × link cycle / window from the evaluation's contention model, the
 * same figures whose largest is {@code link_utilisation_max}. The scale has five classes:
 * {@code [0, 0.25)}, {@code [0.25, 0.5)}, {@code [0.5, 0.75)}, {@code [0.75, 1)} and
 * {@code ≥ 1} (saturated); links no traffic crosses are thin grey. The busiest link is labelled
 * with its utilisation. A torus's wrap-around links are drawn as stubs leaving the grid's edge.
 * A board's chips are drawn side by side, chip 0 on the left. Topologies without router
 * coordinates (H-tree, bus) get no map, and {@link #whyNoMap} says so.
 */
public final class LinkHeatMap {
    /** Upper bounds of the first four classes; the fifth is ρ ≥ 1. */
    static final double[] BOUNDS = {0.25, 0.5, 0.75, 1};
    /** Class colours, cool to hot (ColorBrewer RdYlBu, reversed, dark red for saturated). */
    public static final List<String> COLORS = List.of("#4575B4", "#74ADD1", "#FDAE61", "#F46D43", "#A50026");
    /** The colour of a saturated link (ρ ≥ 1). */
    public static final String SATURATED = "#A50026";
    private static final String IDLE = "#D0D0D0";
    private static final double WIDTH = 820;

    private LinkHeatMap() {
    }

    /** The colour of a utilisation on the scale. */
    public static String color(double utilisation) {
        for (int i = 0; i < BOUNDS.length; i++) {
            if (utilisation < BOUNDS[i]) {
                return COLORS.get(i);
            }
        }
        return SATURATED;
    }

    /**
     * A link as drawn.
     *
     * @param load  the link's utilisation from the evaluation
     * @param color its colour on the scale
     */
    public record DrawnLink(NetworkLoad.LinkUtilisation load, String color) {
    }

    /** Why a design gets no heat map (a sentence), or empty when it gets one. */
    public static Optional<String> whyNoMap(DesignOutcome.Evaluated design) {
        Floorplan plan = design.floorplan();
        NetworkLoad load = design.metrics().network();
        if (!plan.isGrid()) {
            return Optional.of("No link heat map: the " + plan.topology() + " network has no router grid to place"
                    + " its links on (" + ("htree".equals(plan.topology()) ? "an H-tree's inner routers have no place"
                    + " on the floorplan" : "a bus is one shared medium") + "); its busiest link's utilisation is "
                    + Numbers.fmt(load.maxUtilisation()) + ".");
        }
        if (load.links().isEmpty()) {
            return Optional.of("No link heat map: no on-chip link carries traffic with a rate in this evaluation"
                    + " (every transfer stays within a router, or no layer has work time to set a rate).");
        }
        return Optional.empty();
    }

    /** The loaded links the map draws, by link id. */
    public static List<DrawnLink> links(DesignOutcome.Evaluated design) {
        List<DrawnLink> out = new ArrayList<>();
        for (NetworkLoad.LinkUtilisation l : design.metrics().network().links()) {
            out.add(new DrawnLink(l, color(l.utilisation())));
        }
        return out;
    }

    /** The busiest link (the lowest id among equals), or empty when none is loaded. */
    public static Optional<NetworkLoad.LinkUtilisation> busiest(DesignOutcome.Evaluated design) {
        return design.metrics().network().links().stream()
                .max(Comparator.comparingDouble(NetworkLoad.LinkUtilisation::utilisation)
                        .thenComparing(Comparator.comparingInt(NetworkLoad.LinkUtilisation::link).reversed()));
    }

    /** The heat map of a design with a router grid ({@link #whyNoMap} empty). */
    public static String render(DesignOutcome.Evaluated design) {
        Floorplan plan = design.floorplan();
        int perChip = plan.routers().size();
        int chips = Math.max(1, design.mapping().chips());
        int totalColumns = chips * plan.columns() + (chips - 1);
        double cell = Math.min(64, Math.max(18, (WIDTH - 40) / totalColumns));
        double left = 20 + cell / 2;
        double top = 40 + cell / 2;
        double gridH = plan.rows() * cell;
        double legendTop = top - cell / 2 + gridH + (chips > 1 ? 30 : 16);
        double height = legendTop + 44;
        String title = "Link load of " + design.mapping().network() + " on " + design.architecture();
        Svg svg = new Svg(WIDTH, height, title);
        svg.text(20, 20, TextMetrics.fit(title + " (" + plan.topology() + ", " + plan.columns() + " × " + plan.rows()
                + " routers" + (chips > 1 ? " per chip, " + chips + " chips" : "") + ")", 14, WIDTH - 40), "start", 14,
                Palette.INK, 0, true);
        // Links without traffic: thin grey between grid neighbours.
        svg.group("idle", null);
        for (int c = 0; c < chips; c++) {
            for (int r = 0; r < perChip; r++) {
                Floorplan.Cell p = plan.cell(r);
                double x = cx(left, cell, plan, c, p);
                double y = top + p.y() * cell;
                if (p.x() + 1 < plan.columns()) {
                    svg.line(x, y, x + cell, y, IDLE, 1);
                }
                if (p.y() + 1 < plan.rows()) {
                    svg.line(x, y, x, y + cell, IDLE, 1);
                }
            }
        }
        svg.end();
        NetworkLoad.LinkUtilisation top1 = busiest(design).orElse(null);
        double[] labelAt = null;
        int undrawn = 0;
        svg.group("links", null);
        for (DrawnLink d : links(design)) {
            NetworkLoad.LinkUtilisation l = d.load();
            double[] seg = segment(plan, perChip, left, top, cell, l.fromRouter(), l.toRouter());
            if (seg == null) {
                undrawn++;
                continue;
            }
            boolean busiest = l == top1;
            svg.group(busiest ? "link busiest" : "link", "link " + l.link() + ": router " + l.fromRouter() + " → "
                    + l.toRouter() + ", utilisation " + Numbers.fmt(l.utilisation()) + " (layer " + l.layer() + ")");
            svg.line(seg[0], seg[1], seg[2], seg[3], d.color(), busiest ? 5 : 3.5);
            svg.end();
            if (busiest) {
                labelAt = seg;
            }
        }
        svg.end();
        svg.group("routers", null);
        for (int c = 0; c < chips; c++) {
            for (int r = 0; r < perChip; r++) {
                Floorplan.Cell p = plan.cell(r);
                double s = Math.max(4, cell * 0.14);
                svg.rect(cx(left, cell, plan, c, p) - s / 2, top + p.y() * cell - s / 2, s, s, "#FFFFFF", "#555555",
                        "router", "router " + (c * perChip + r) + (chips > 1 ? " (chip " + c + ")" : ""));
            }
        }
        svg.end();
        for (int c = 0; chips > 1 && c < chips; c++) {
            svg.text(cx(left, cell, plan, c, new Floorplan.Cell(0, 0)) + (plan.columns() - 1) * cell / 2,
                    top + (plan.rows() - 1) * cell + 22, "chip " + c, "middle", 11, Palette.INK, 0, false);
        }
        if (labelAt != null) {
            double mx = (labelAt[0] + labelAt[2]) / 2;
            double my = (labelAt[1] + labelAt[3]) / 2;
            boolean horizontal = Math.abs(labelAt[1] - labelAt[3]) < Math.abs(labelAt[0] - labelAt[2]);
            String text = "ρ " + Numbers.fmt(top1.utilisation());
            double tx = horizontal ? mx : mx + 6;
            double ty = horizontal ? my - 6 : my + 4;
            svg.rect(horizontal ? tx - TextMetrics.width(text, 11) / 2 - 2 : tx - 2, ty - 10,
                    TextMetrics.width(text, 11) + 4, 13, "#FFFFFF", null, "label-background", null);
            svg.text(tx, ty, text, horizontal ? "middle" : "start", 11, Palette.INK, 0, true);
        }
        legend(svg, 20, legendTop, top1, undrawn);
        return svg.toString();
    }

    private static double cx(double left, double cell, Floorplan plan, int chip, Floorplan.Cell p) {
        return left + (chip * (plan.columns() + 1) + p.x()) * cell;
    }

    /**
     * The line of a directed link: beside the centre line between its routers (to the right of
     * its direction, so both directions show), or for a torus's wrap-around link a stub from the
     * sending router out of the grid; null when the routers have no cells or are not neighbours.
     */
    private static double[] segment(Floorplan plan, int perChip, double left, double top, double cell, int from, int to) {
        if (from < 0 || to < 0 || from / perChip != to / perChip) {
            return null;
        }
        int chip = from / perChip;
        Floorplan.Cell a = plan.cell(from % perChip);
        Floorplan.Cell b = plan.cell(to % perChip);
        if (!a.visible() || !b.visible()) {
            return null;
        }
        int dx = b.x() - a.x();
        int dy = b.y() - a.y();
        double ax = cx(left, cell, plan, chip, a);
        double ay = top + a.y() * cell;
        if (Math.abs(dx) + Math.abs(dy) == 1) {
            double off = Math.max(2, cell * 0.06);
            double inset = Math.max(3, cell * 0.12);
            double ox = -dy * off;
            double oy = dx * off;
            return new double[] {ax + dx * inset + ox, ay + dy * inset + oy, ax + dx * (cell - inset) + ox,
                ay + dy * (cell - inset) + oy};
        }
        if ("torus".equals(plan.topology()) && (dx == 0 || dy == 0) && dx + dy != 0) {
            double ux = -Math.signum(dx);
            double uy = -Math.signum(dy);
            double off = Math.max(2, cell * 0.06);
            return new double[] {ax + ux * cell * 0.12 - uy * off, ay + uy * cell * 0.12 + ux * off,
                ax + ux * cell * 0.45 - uy * off, ay + uy * cell * 0.45 + ux * off};
        }
        return null;
    }

    private static void legend(Svg svg, double x0, double y0, NetworkLoad.LinkUtilisation top1, int undrawn) {
        String[] labels = {"0–0.25", "0.25–0.5", "0.5–0.75", "0.75–1", "≥ 1 saturated"};
        svg.group("legend", null);
        svg.text(x0, y0 + 10, "Link utilisation ρ (flits × link cycle / window, the largest over the layers):",
                "start", 11, Palette.INK, 0, false);
        double x = x0;
        for (int i = 0; i < labels.length; i++) {
            svg.rect(x, y0 + 18, 22, 8, COLORS.get(i), null, "swatch", null);
            svg.text(x + 26, y0 + 26, labels[i], "start", 11, Palette.INK, 0, false);
            x += 26 + TextMetrics.width(labels[i], 11) + 16;
        }
        svg.line(x, y0 + 22, x + 22, y0 + 22, IDLE, 1);
        svg.text(x + 26, y0 + 26, "no traffic", "start", 11, Palette.INK, 0, false);
        x += 26 + TextMetrics.width("no traffic", 11) + 16;
        if (top1 != null) {
            svg.text(x, y0 + 26, TextMetrics.fit("busiest: link " + top1.link() + ", ρ " + Numbers.fmt(top1.utilisation())
                    + (undrawn > 0 ? "; " + undrawn + " link(s) without grid neighbours not drawn" : ""), 11,
                    WIDTH - 20 - x), "start", 11, Palette.INK, 0, false);
        }
        svg.end();
    }
}

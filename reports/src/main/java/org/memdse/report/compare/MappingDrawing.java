package org.memdse.report.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.memdse.core.mapping.Endpoint;
import org.memdse.core.mapping.LinkLoad;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.mapping.Placement;
import org.memdse.core.mapping.ResourceKind;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.report.svg.Numbers;
import org.memdse.report.svg.Palette;
import org.memdse.report.svg.Svg;
import org.memdse.report.svg.TextMetrics;

/**
 * A mapping drawn on its interconnect: one cell per router of the grid, the endpoints attached
 * to it inside (CIM tiles as squares, SNN cores as circles, interface blocks as small squares
 * with a letter), each filled with the colour of the layer(s) it holds (stripes when a tile
 * holds several) and the layer's number; links between routers drawn thicker with more traffic.
 */
public final class MappingDrawing {
    private static final double WIDTH = 820;

    private MappingDrawing() {
    }

    /**
     * Colours of the layers placed in any of a network's mappings, in network order, so that a
     * layer has the same colour in every design's drawing and few layers get well-separated colours.
     */
    public static Map<String, String> layerColors(NetworkComparison comparison) {
        Set<String> placed = new java.util.HashSet<>();
        for (DesignOutcome d : comparison.designs()) {
            if (d instanceof DesignOutcome.Evaluated e) {
                e.mapping().units().forEach(u -> placed.add(u.node()));
            }
        }
        Map<String, String> colors = new LinkedHashMap<>();
        int i = 0;
        for (NetworkNode n : comparison.network().nodes()) {
            if (placed.remove(n.name())) {
                colors.put(n.name(), Palette.color(i++));
            }
        }
        for (String other : new java.util.TreeSet<>(placed)) {
            colors.put(other, Palette.color(i++));
        }
        return colors;
    }

    /** Units per layer on each endpoint, layers in network order. */
    static Map<Integer, Map<String, Integer>> unitsByEndpoint(Mapping mapping, List<String> order) {
        Map<Integer, Map<String, Integer>> out = new TreeMap<>();
        for (Placement p : mapping.placements()) {
            MappingUnit u = mapping.units().get(p.unit());
            out.computeIfAbsent(p.endpoint(), k -> new TreeMap<>((a, b) -> Integer.compare(index(order, a), index(order, b))))
                    .merge(u.node(), 1, Integer::sum);
        }
        return out;
    }

    private static int index(List<String> order, String s) {
        int i = order.indexOf(s);
        return i < 0 ? Integer.MAX_VALUE - Math.abs(s.hashCode() % 1000) : i;
    }

    /** The drawing of one design's mapping; {@code colors} from {@link #layerColors}. */
    public static String render(DesignOutcome.Evaluated design, NetworkGraph network, Map<String, String> colors) {
        Mapping m = design.mapping();
        Floorplan plan = design.floorplan();
        List<String> order = network.nodes().stream().map(NetworkNode::name).toList();
        Map<Integer, Map<String, Integer>> byEndpoint = unitsByEndpoint(m, order);
        Map<Integer, List<Endpoint>> byRouter = new TreeMap<>();
        for (Endpoint e : m.endpoints()) {
            byRouter.computeIfAbsent(e.router(), k -> new ArrayList<>()).add(e);
        }
        int perCell = byRouter.values().stream().mapToInt(List::size).max().orElse(1);
        int sub = (int) Math.ceil(Math.sqrt(perCell));
        int subRows = (perCell + sub - 1) / sub;
        double cell = Math.min(sub == 1 ? 66 : 110, Math.max(40, (WIDTH - 40) / plan.columns()));
        double cellH = cell * subRows / sub;
        if (plan.columns() == 1 && plan.rows() == 1) {
            cell = Math.min(WIDTH - 40, sub * 34.0);
            cellH = subRows * 34.0;
        }
        double box = (cell - 12) / sub;
        double left = 20;
        double top = 36;
        Set<String> placed = new LinkedHashSet<>();
        for (String layer : order) {
            if (byEndpoint.values().stream().anyMatch(mm -> mm.containsKey(layer))) {
                placed.add(layer);
            }
        }
        byEndpoint.values().forEach(mm -> placed.addAll(mm.keySet()));
        List<String> legend = new ArrayList<>();
        for (String layer : placed) {
            legend.add((order.indexOf(layer) + 1) + " " + layer);
        }
        double gridH = plan.rows() * cellH;
        double legendTop = top + gridH + 18;
        double legendH = legendHeight(legend);
        double height = legendTop + 28 + legendH + 8;
        Svg svg = new Svg(WIDTH, height, "Mapping of " + m.network() + " on " + design.architecture());
        svg.text(left, 20, TextMetrics.fit("Mapping of " + m.network() + " on " + design.architecture() + " ("
                + plan.topology() + ", " + plan.columns() + " × " + plan.rows() + " router grid)", 14, WIDTH - 40),
                "start", 14, Palette.INK, 0, true);
        double maxLoad = m.linkLoads().stream().mapToDouble(LinkLoad::bitsPerInference).max().orElse(0);
        if (plan.isGrid()) {
            for (int r = 0; r < plan.routers().size(); r++) {
                Floorplan.Cell c = plan.cell(r);
                double cx = left + c.x() * cell + cell / 2;
                double cy = top + c.y() * cellH + cellH / 2;
                if (c.x() + 1 < plan.columns()) {
                    svg.line(cx, cy, cx + cell, cy, Palette.LIGHT, 1);
                }
                if (c.y() + 1 < plan.rows()) {
                    svg.line(cx, cy, cx, cy + cellH, Palette.LIGHT, 1);
                }
            }
            svg.group("links", null);
            for (LinkLoad l : m.linkLoads()) {
                Floorplan.Cell a = plan.cell(l.fromRouter());
                Floorplan.Cell b = plan.cell(l.toRouter());
                if (!a.visible() || !b.visible() || Math.abs(a.x() - b.x()) + Math.abs(a.y() - b.y()) != 1
                        || l.bitsPerInference() <= 0) {
                    continue;
                }
                double w = 1 + 5 * l.bitsPerInference() / maxLoad;
                svg.line(left + a.x() * cell + cell / 2, top + a.y() * cellH + cellH / 2,
                        left + b.x() * cell + cell / 2, top + b.y() * cellH + cellH / 2, "#7F7F7F", w);
            }
            svg.end();
        }
        for (Map.Entry<Integer, List<Endpoint>> entry : byRouter.entrySet()) {
            Floorplan.Cell c = plan.cell(entry.getKey());
            if (!c.visible()) {
                continue;
            }
            double x0 = left + c.x() * cell;
            double y0 = top + c.y() * cellH;
            svg.rect(x0 + 2, y0 + 2, cell - 4, cellH - 4, "none", "#BDBDBD", "router", "router " + entry.getKey());
            List<Endpoint> eps = entry.getValue();
            for (int i = 0; i < eps.size(); i++) {
                Endpoint e = eps.get(i);
                double bx = x0 + 6 + (i % sub) * box;
                double by = y0 + 6 + (i / sub) * box;
                endpoint(svg, e, byEndpoint.getOrDefault(e.index(), Map.of()), colors, order, bx, by, box - 2);
            }
        }
        svg.text(left, legendTop + 4, "Layers (number, name); tiles ■, SNN cores ●, E encoder, I integration,"
                + " A AD/DA; links thicker with more traffic (max " + Numbers.fmt(maxLoad) + " bit/inference)",
                "start", 11, Palette.INK, 0, false);
        drawLegend(svg, left, legendTop + 14, legend, new ArrayList<>(placed), colors);
        return svg.toString();
    }

    private static void endpoint(Svg svg, Endpoint e, Map<String, Integer> units, Map<String, String> colors,
                                 List<String> order, double x, double y, double size) {
        int total = units.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder tip = new StringBuilder(e.toString()).append(" (").append(e.resource().key()).append(", router ")
                .append(e.router()).append(")");
        if (units.isEmpty()) {
            tip.append(": empty");
        }
        units.forEach((layer, n) -> tip.append("\n").append(layer).append(": ").append(n)
                .append(n == 1 ? " unit" : " units"));
        svg.group("endpoint " + e.resource().key() + (units.isEmpty() ? " empty" : " used"), tip.toString());
        String dominant = units.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        if (e.resource() == ResourceKind.SNN_CORE) {
            String fill = dominant == null ? "#ffffff" : colors.getOrDefault(dominant, Palette.GREY);
            svg.circle(x + size / 2, y + size / 2, size / 2, fill, "#555555", null, null);
        } else if (e.resource() == ResourceKind.CIM_TILE && total > 0) {
            double sx = x;
            for (Map.Entry<String, Integer> u : units.entrySet()) {
                double w = size * u.getValue() / total;
                svg.rect(sx, y, w, size, colors.getOrDefault(u.getKey(), Palette.GREY), null, null, null);
                sx += w;
            }
            svg.rect(x, y, size, size, "none", "#555555", null, null);
        } else {
            String fill = dominant == null ? "#ffffff" : colors.getOrDefault(dominant, Palette.GREY);
            svg.rect(x, y, size, size, fill, e.resource() == ResourceKind.CIM_TILE ? "#9E9E9E" : "#555555", null, null);
        }
        String mark = switch (e.resource()) {
            case ENCODER -> "E";
            case INTEGRATION -> "I";
            case ADDA -> "A";
            case RESERVOIR -> "R";
            default -> dominant == null ? "" : Integer.toString(order.indexOf(dominant) + 1);
        };
        if (!mark.isEmpty() && size >= 14) {
            String fill = dominant == null ? "#ffffff" : colors.getOrDefault(dominant, Palette.GREY);
            double fs = Math.min(11, size * 0.55);
            svg.text(x + size / 2, y + size / 2 + fs * 0.36, mark, "middle", fs, Palette.textOn(fill), 0, true);
        }
        svg.end();
    }

    private static final double LEGEND_ROW = 18;
    private static final double LEGEND_ITEM = 150;

    private static double legendHeight(List<String> labels) {
        int perRow = (int) Math.max(1, (WIDTH - 40) / LEGEND_ITEM);
        return Math.ceil(labels.size() / (double) perRow) * LEGEND_ROW;
    }

    private static void drawLegend(Svg svg, double x0, double y0, List<String> labels, List<String> layers,
                                   Map<String, String> colors) {
        int perRow = (int) Math.max(1, (WIDTH - 40) / LEGEND_ITEM);
        svg.group("legend", null);
        for (int i = 0; i < labels.size(); i++) {
            double x = x0 + (i % perRow) * LEGEND_ITEM;
            double y = y0 + (i / perRow) * LEGEND_ROW;
            svg.rect(x, y + 3, 11, 11, colors.getOrDefault(layers.get(i), Palette.GREY), "#555555", "swatch", null);
            svg.text(x + 16, y + 13, TextMetrics.fit(labels.get(i), 11.5, LEGEND_ITEM - 22), "start", 11.5, Palette.INK, 0,
                    false);
        }
        svg.end();
    }
}

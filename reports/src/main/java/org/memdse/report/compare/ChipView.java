package org.memdse.report.compare;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.memdse.core.eval.Breakdown;
import org.memdse.core.eval.Metrics;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.mapping.Placement;

/**
 * One design's chips, for the comparison report's chip view: how many, each chip's area and
 * average power, and the traffic between them. The chips of a board are copies of one chip, so
 * each has the system's area over the chip count (the board links' ends shared out evenly). A chip's average power over an inference is its share of the static energy (the
 * system's over the chip count) plus the dynamic energy of the work placed on it over the latency:
 * a layer's dynamic energy goes to the chips holding its units (crossbar blocks, SNN groups), in
 * proportion to how many each holds; the energy of layers without units of their own (pooling,
 * element-wise) and of no layer is shared like the rest. The board links' energy is left out of
 * every chip and shown on its own, so the chips' power and the board links' add up to the
 * system's energy over the latency.
 *
 * @param chips            chips in the system (1 without a board)
 * @param areaPerChipM2    area of one chip, m²
 * @param powerW           average power of each chip over an inference, W
 * @param crossingBits     bits per inference that cross from one chip to another
 * @param boardEnergyJ     energy of the board links per inference, J
 * @param boardUtilisation the busiest board link's utilisation (≥ 1: saturated)
 * @param traffic          bits per inference between chips, keyed {@code "0->1"}
 */
public record ChipView(int chips, double areaPerChipM2, double[] powerW, double crossingBits, double boardEnergyJ,
                       double boardUtilisation, Breakdown traffic) {
    /** The energy breakdown's kind of the board links (ComponentKind.CHIP_LINK). */
    static final String BOARD_KIND = "chip_link";

    public static ChipView of(DesignOutcome.Evaluated design) {
        Metrics m = design.metrics();
        Mapping mapping = design.mapping();
        int chips = mapping.chips();
        double board = m.energyByKind().get(BOARD_KIND);
        double leakage = m.energyByKind().get("static");
        double dynamic = m.energyJ() - leakage - board;
        double[] onChip = new double[chips];
        Map<String, int[]> unitsByLayer = new HashMap<>();
        List<MappingUnit> units = mapping.units();
        for (Placement p : mapping.placements()) {
            String layer = units.get(p.unit()).node();
            unitsByLayer.computeIfAbsent(layer, k -> new int[chips])[mapping.endpoints().get(p.endpoint()).chip()]++;
        }
        double placed = 0;
        for (Map.Entry<String, Double> e : m.energyByLayer().parts().entrySet()) {
            int[] count = unitsByLayer.get(e.getKey());
            if (count == null) {
                continue;
            }
            int total = 0;
            for (int c : count) {
                total += c;
            }
            for (int c = 0; c < chips; c++) {
                onChip[c] += e.getValue() * count[c] / total;
            }
            placed += e.getValue();
        }
        double latency = m.latencyS();
        double[] power = new double[chips];
        for (int c = 0; c < chips; c++) {
            // The energy no placed layer accounts for, shared like the placed layers' (evenly when none is).
            double share = placed > 0 ? onChip[c] / placed : 1.0 / chips;
            double energy = dynamic * share;
            power[c] = latency > 0 ? (energy + leakage / chips) / latency : 0;
        }
        return new ChipView(chips, m.areaM2() / chips, power, m.network().chipCrossingBits(), board,
                m.network().boardUtilisation(), m.network().chipTraffic());
    }

    /** The traffic between chips as text, pair by pair: "chip 0 → chip 1: 1.088 M bit; ..." (empty without any). */
    public String trafficText() {
        StringBuilder b = new StringBuilder();
        traffic.parts().forEach((pair, bits) -> {
            if (bits > 0) {
                b.append(b.isEmpty() ? "" : "; ").append("chip ").append(pair.replace("->", " → chip ")).append(": ")
                        .append(org.memdse.report.svg.Numbers.fmt(bits)).append(" bit");
            }
        });
        return b.toString();
    }
}

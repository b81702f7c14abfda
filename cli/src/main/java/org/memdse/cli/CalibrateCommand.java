package org.memdse.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.memdse.cli.calibrate.CalibrationCheck;
import org.memdse.cli.calibrate.Calibrations;
import org.memdse.cli.calibrate.Expectation;
import org.memdse.cli.calibrate.TrendCheck;
import org.memdse.cli.calibrate.TrendChecks;
import org.memdse.cli.calibrate.TrendMetric;
import org.memdse.cli.calibrate.TrendResult;
import org.memdse.cli.calibrate.TrendSuite;
import org.memdse.report.csv.CsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code memdse calibrate}: the bundled descriptions against the published chips they model. */
@Command(name = "calibrate",
        header = "Check the cost models against ISAAC, DNN+NeuroSim, Yao, TrueNorth and ODIN.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate the bundled isaac-ce (with ISAAC's Table I figures, then the models "
            + "alone), neurosim-vgg8 on VGG-8, yao2020-cnn, and SNN cores modelled on TrueNorth "
            + "and ODIN; set each figure beside the published one with the tolerance it must "
            + "meet. Sources: docs/reference/published-figures.md; the README's 'Calibration' "
            + "section explains each remaining difference. With --trends: single-knob changes of bundled "
            + "chips (ADC bits and kind, bits per cell, ADC sharing, node, array size, input encoding, "
            + "buffer width, interconnect, clock), each metric's relative change beside the direction a "
            + "source expects and the source.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check within its tolerance (--trends: every checked direction holds)",
            "1:a check is outside its tolerance (marked FAIL; --trends: a direction is WRONG)",
            "2:bad option"})
final class CalibrateCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { table, csv, markdown }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or markdown (--trends only: the README's trend table with its numbered"
                + " sources; default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--trends", description = "Run the trend suite: single-knob changes and the direction each "
            + "metric should move (pending expectations are shown, not checked).")
    boolean trends;

    @Override
    public Integer call() {
        if (format == Format.markdown && !trends) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--format markdown is the trend suite's README table: add --trends, or use table or csv");
        }
        if (trends) {
            List<TrendResult> results = new TrendSuite().run(TrendChecks.all());
            PrintWriter out = spec.commandLine().getOut();
            out.print(switch (format) {
                case csv -> trendCsv(results);
                case markdown -> trendMarkdown(results);
                case table -> trendTable(results);
            });
            out.flush();
            return results.stream().anyMatch(r -> r.verdict() == TrendResult.Verdict.WRONG) ? ExitCodes.FAILURE
                    : ExitCodes.OK;
        }
        List<CalibrationCheck> checks = new Calibrations().all();
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.csv ? csv(checks) : table(checks));
        out.flush();
        return checks.stream().allMatch(CalibrationCheck::passes) ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    static String table(List<CalibrationCheck> checks) {
        StringBuilder b = new StringBuilder();
        String system = null;
        for (CalibrationCheck c : checks) {
            if (!c.system().equals(system)) {
                system = c.system();
                b.append(b.length() == 0 ? "" : "\n").append(system).append('\n');
                b.append(String.format(Locale.ROOT, "  %-56s %12s %12s %9s %9s%n", "", "memdse", "published", "deviation",
                        "tolerance"));
            }
            b.append(String.format(Locale.ROOT, "  %-56s %12s %12s %8.1f%% %9s  %s%n", c.quantity(),
                    EvaluateCommand.fmt(c.memdse()), EvaluateCommand.fmt(c.published()), 100 * c.deviation(),
                    c.tolerance().text(), c.passes() ? "ok" : "FAIL"));
        }
        long failed = checks.stream().filter(c -> !c.passes()).count();
        b.append('\n').append(checks.size() - failed).append(" of ").append(checks.size())
                .append(" checks within tolerance; sources: docs/reference/published-figures.md\n");
        return b.toString();
    }

    static String csv(List<CalibrationCheck> checks) {
        StringBuilder b = new StringBuilder();
        List<List<?>> rows = checks.stream().<List<?>>map(c -> List.of(c.system(), c.quantity(), c.memdse(), c.published(),
                c.deviation(), c.tolerance().text(), c.passes() ? "ok" : "fail", c.source())).toList();
        CsvTable.write(List.of("system", "quantity", "memdse", "published", "deviation", "tolerance", "verdict", "source"),
                rows, b);
        return b.toString();
    }

    /** The trend suite as a table: per check, each metric's change, the expectation and its source (numbered). */
    static String trendTable(List<TrendResult> results) {
        StringBuilder b = new StringBuilder();
        Map<String, Integer> sources = new LinkedHashMap<>();
        Map<String, Integer> pending = new LinkedHashMap<>();
        TrendCheck current = null;
        for (TrendResult r : results) {
            if (r.check() != current) {
                current = r.check();
                b.append(b.length() == 0 ? "" : "\n").append(current.id()).append(": ").append(current.knob())
                        .append(" (").append(current.chip()).append(" / ").append(current.network()).append(")\n");
            }
            Expectation e = r.expectation();
            String note = "";
            if (e != null) {
                int n = sources.computeIfAbsent(e.source(), k -> sources.size() + 1);
                note = "[" + n + "]" + (e.isPending()
                        ? " (p" + pending.computeIfAbsent(e.pending(), k -> pending.size() + 1) + ")" : "");
            }
            b.append(String.format(Locale.ROOT, "  %-26s %9s  %-24s %-9s %s%n", r.metric().label(), change(r.change()),
                    e == null ? "-" : e.text(), r.verdict().text(), note).stripTrailing()).append('\n');
        }
        b.append('\n').append(summary(results)).append('\n');
        List<String> flipped = new ArrayList<>();
        for (TrendResult r : results) {
            if (r.pendingNowHolds()) {
                flipped.add(r.check().id() + " " + r.metric().label());
            }
        }
        if (!flipped.isEmpty()) {
            b.append("pending expectations that now hold (remove their 'pending' mark): ")
                    .append(String.join(", ", flipped)).append('\n');
        }
        b.append("\nsources:\n");
        sources.forEach((text, n) -> b.append(String.format(Locale.ROOT, "  [%d] %s%n", n, text)));
        if (!pending.isEmpty()) {
            b.append("\npending (shown, not checked):\n");
            pending.forEach((text, n) -> b.append(String.format(Locale.ROOT, "  (p%d) %s%n", n, text)));
        }
        return b.toString();
    }

    /**
     * The trend suite as the README shows it: one row per check with the five metrics every check
     * shows (the others a check expects go beside its knob), each with the expected direction,
     * the verdict and the source's number; then the summary line, the numbered sources and the
     * pending reasons.
     */
    static String trendMarkdown(List<TrendResult> results) {
        StringBuilder b = new StringBuilder();
        Map<String, Integer> sources = new LinkedHashMap<>();
        Map<String, Integer> pending = new LinkedHashMap<>();
        b.append(summary(results)).append("\n\n");
        b.append("| check | knob | area | energy | latency | pipeline interval | TOPS/W |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        Map<TrendCheck, List<TrendResult>> byCheck = new LinkedHashMap<>();
        for (TrendResult r : results) {
            byCheck.computeIfAbsent(r.check(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<TrendCheck, List<TrendResult>> e : byCheck.entrySet()) {
            TrendCheck c = e.getKey();
            StringBuilder knob = new StringBuilder(c.knob().replace("->", "→"));
            if (!c.chip().equals(TrendChecks.V14)) {
                knob.append(" (").append(c.chip()).append(')');
            }
            Map<TrendMetric, String> cells = new LinkedHashMap<>();
            for (TrendResult r : e.getValue()) {
                String cell = markdownCell(r, sources, pending);
                if (r.metric().always()) {
                    cells.put(r.metric(), cell);
                } else {
                    knob.append("; ").append(r.metric().label()).append(' ').append(cell);
                }
            }
            b.append("| `").append(c.id()).append("` | ").append(knob.toString().replace("|", "\\|"));
            for (TrendMetric m : List.of(TrendMetric.AREA, TrendMetric.ENERGY, TrendMetric.LATENCY,
                    TrendMetric.PIPELINE_INTERVAL, TrendMetric.TOPS_PER_W)) {
                b.append(" | ").append(cells.getOrDefault(m, ""));
            }
            b.append(" |\n");
        }
        b.append("\nSources:\n\n");
        sources.forEach((text, n) -> b.append(n).append(". ").append(text).append('\n'));
        if (!pending.isEmpty()) {
            b.append("\nPending (shown, not checked):\n\n");
            pending.forEach((text, n) -> b.append("- p").append(n).append(": ").append(text).append('\n'));
        }
        return b.toString();
    }

    /** "+12.3 %", or "+12.3 % (up ok [4])" with an expectation. */
    private static String markdownCell(TrendResult r, Map<String, Integer> sources, Map<String, Integer> pending) {
        Expectation e = r.expectation();
        if (e == null) {
            return change(r.change());
        }
        int n = sources.computeIfAbsent(e.source(), k -> sources.size() + 1);
        String verdict = e.isPending() ? "pending p" + pending.computeIfAbsent(e.pending(), k -> pending.size() + 1)
                : r.verdict().text();
        return change(r.change()) + " (" + e.text() + " " + verdict + " [" + n + "])";
    }

    /** "19 checks, 63 expectations: 57 ok, 2 off the source's range, 4 pending, 0 WRONG". */
    private static String summary(List<TrendResult> results) {
        long checked = results.stream().filter(r -> r.expectation() != null).count();
        Map<TrendResult.Verdict, Long> counts = new LinkedHashMap<>();
        for (TrendResult.Verdict v : TrendResult.Verdict.values()) {
            counts.put(v, results.stream().filter(r -> r.verdict() == v).count());
        }
        long checks = results.stream().map(TrendResult::check).distinct().count();
        return String.format(Locale.ROOT, "%d checks, %d expectations: %d ok, %d off the source's range, %d pending,"
                        + " %d WRONG", checks, checked, counts.get(TrendResult.Verdict.OK),
                counts.get(TrendResult.Verdict.OFF_RANGE), counts.get(TrendResult.Verdict.PENDING),
                counts.get(TrendResult.Verdict.WRONG));
    }

    /** One row per check and metric. */
    static String trendCsv(List<TrendResult> results) {
        StringBuilder b = new StringBuilder();
        List<List<?>> rows = results.stream().<List<?>>map(r -> {
            Expectation e = r.expectation();
            return List.of(r.check().id(), r.check().chip(), r.check().network(), r.check().knob(), r.metric().label(),
                    r.base(), r.variant(), r.change(), e == null ? "" : e.direction().text(),
                    e == null || !e.hasRange() ? "" : e.low(), e == null || !e.hasRange() ? "" : e.high(),
                    r.verdict() == TrendResult.Verdict.SHOWN ? "shown" : r.verdict().text().toLowerCase(Locale.ROOT),
                    e == null ? "" : e.source(), e == null ? "" : e.pending());
        }).toList();
        CsvTable.write(List.of("check", "chip", "network", "knob", "metric", "base", "variant", "change", "expected",
                "low", "high", "verdict", "source", "pending"), rows, b);
        return b.toString();
    }

    /** A relative change as printed: "+12.3 %". */
    static String change(double c) {
        return Double.isInfinite(c) ? (c > 0 ? "+inf" : "-inf") : String.format(Locale.ROOT, "%+.1f %%", 100 * c);
    }
}

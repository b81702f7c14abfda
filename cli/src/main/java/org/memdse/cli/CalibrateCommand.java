package org.memdse.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.memdse.cli.calibrate.CalibrationCheck;
import org.memdse.cli.calibrate.Calibrations;
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
            + "section explains each remaining difference.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check within its tolerance", "1:a check is outside its tolerance (marked FAIL)",
            "2:bad option"})
final class CalibrateCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { table, csv }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
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
}

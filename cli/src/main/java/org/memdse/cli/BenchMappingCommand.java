package org.memdse.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.memdse.core.arch.Architecture;
import org.memdse.core.mapping.Mapper;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.mapping.MappingReport;
import org.memdse.core.network.NetworkGraph;
import org.memdse.mapping.Mappers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code memdse bench mapping}: every registered mapper on the reference (network, system) pairs. */
@Command(name = "mapping",
        header = "Time every mapper on VGG-8, ResNet-18, ResNet-50, MobileNetV2 and the Fig. 4 hybrid network.",
        mixinStandardHelpOptions = true,
        description = "Map VGG-8, ResNet-18, ResNet-50 and MobileNetV2 onto isaac-ce and the Fig. 4 hybrid network "
            + "onto fig4-hybrid with every registered mapper, under the solver's default budget unless --steps or "
            + "--time-limit is given; print solve time, tiles used, traffic x hops, and how far each is from the "
            + "sequential baseline and the lower bound.")
final class BenchMappingCommand implements Callable<Integer> {
    /** The reference cases: network id, architecture id. */
    static final List<String[]> CASES = List.of(
            new String[] {"vgg8-cifar10", "isaac-ce"},
            new String[] {"resnet18", "isaac-ce"},
            new String[] {"resnet50", "isaac-ce"},
            new String[] {"mobilenetv2", "isaac-ce"},
            new String[] {"fig4-hybrid", "fig4-hybrid"});

    @Spec
    CommandSpec spec;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wall-clock limit per solve (default: none).")
    Duration timeLimit;

    @Option(names = "--steps", paramLabel = "N",
            description = "Solver steps per solve (default: the solver's budget for each problem).")
    Long steps;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MapperOptions options = MapperOptions.DEFAULT.withSeed(seed);
        if (timeLimit != null) {
            options = options.withTimeLimit(timeLimit);
        }
        options = MapperMixin.withSteps(options, steps, timeLimit != null);
        String[] header = {"network", "architecture", "mapper", "solve ms", "tiles used", "tiles bound",
            "traffic x hops", "baseline", "bound", "vs baseline", "feasible"};
        List<String[]> rows = new ArrayList<>();
        for (String[] c : CASES) {
            NetworkGraph g = NetworkLoader.load(c[0]);
            Architecture a = ArchitectureArgument.read(c[1], spec.commandLine().getErr());
            for (Mapper m : Mappers.all()) {
                err.println("bench: " + c[0] + " on " + c[1] + " with " + m.name() + " ...");
                err.flush();
                MappingOutcome outcome = m.map(a, g, options);
                if (outcome instanceof MappingOutcome.Mapped mapped) {
                    MappingReport r = mapped.mapping().report();
                    double base = r.baseline().trafficHops();
                    rows.add(new String[] {c[0], c[1], m.name(), Long.toString(r.solveMillis()),
                        Integer.toString(r.objective().tilesUsed()), Integer.toString(r.lowerBound().tilesUsed()),
                        g4(r.objective().trafficHops()), g4(base), g4(r.lowerBound().trafficHops()),
                        base > 0 ? String.format(Locale.ROOT, "%+.1f%%", 100 * (r.objective().trafficHops() / base - 1))
                            : "-",
                        Boolean.toString(r.feasible())});
                } else {
                    MappingOutcome.DoesNotFit d = (MappingOutcome.DoesNotFit) outcome;
                    rows.add(new String[] {c[0], c[1], m.name(), "-", "-", "-", "-", "-", "-", "-",
                        "does not fit: " + d.reason()});
                }
            }
        }
        MapCommand.printTable(out, header, rows);
        out.flush();
        return ExitCodes.OK;
    }

    private static String g4(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }
}

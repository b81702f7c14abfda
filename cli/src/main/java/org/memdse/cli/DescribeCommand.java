package org.memdse.cli;

import java.util.concurrent.Callable;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.write.ArchitectureWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code memdse describe FILE}: the resolved hierarchy with counts, or the resolved YAML. */
@Command(name = "describe",
        header = "Show a system's resolved hierarchy with counts, or write it back as YAML.", mixinStandardHelpOptions = true,
        description = "Show the resolved hierarchy of a description with counts (tiles, crossbars, cells, ADCs, "
            + "SNN cores, neurons, synapses, buffers, network endpoints), or write it back out as YAML "
            + "with includes inlined and every default made explicit.")
final class DescribeCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { text, yaml }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "An architecture YAML file or a bundled id (e.g. fig4-hybrid).")
    String file;

    @Option(names = "--format", defaultValue = "text", description = "text or yaml (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        Architecture a = ArchitectureArgument.read(file, spec.commandLine().getErr());
        spec.commandLine().getOut().print(format == Format.yaml ? ArchitectureWriter.toYaml(a) : HierarchyText.of(a));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}

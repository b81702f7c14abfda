package org.memdse.cli;

import org.memdse.core.arch.Architecture;
import org.memdse.core.network.NetworkGraph;
import picocli.CommandLine.Option;

/** {@code --arch A --network N}: the system and the network a command maps. */
final class WorkloadMixin {
    @Option(names = "--arch", required = true, paramLabel = "NAME|FILE",
            description = "Architecture YAML file or bundled architecture id.")
    String arch;

    @Option(names = "--network", required = true, paramLabel = "NAME|FILE",
            description = "Network YAML, ONNX file, or bundled network id.")
    String network;

    Architecture architecture() {
        return ArchitectureArgument.read(arch);
    }

    NetworkGraph network() {
        return NetworkLoader.load(network);
    }
}

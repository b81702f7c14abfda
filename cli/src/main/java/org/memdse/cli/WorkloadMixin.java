package org.memdse.cli;

import java.io.PrintWriter;
import org.memdse.core.arch.Architecture;
import org.memdse.core.network.NetworkGraph;
import picocli.CommandLine.Option;

/** {@code --arch A --network N}: the system and the network a command maps. */
final class WorkloadMixin {
    @Option(names = "--arch", required = true, paramLabel = "NAME|FILE",
            description = "Architecture YAML file or bundled architecture id.")
    String arch;

    @Option(names = "--network", required = true, paramLabel = "NAME|FILE",
            description = "Network YAML, ONNX or NIR file, or bundled network id.")
    String network;

    /** The architecture, its warnings printed to {@code err}. */
    Architecture architecture(PrintWriter err) {
        return ArchitectureArgument.read(arch, err);
    }

    /** The architecture, checked to be priceable by the cost models; its warnings printed to {@code err}. */
    Architecture pricedArchitecture(PrintWriter err) {
        return ArchitectureArgument.readPriced(arch, err);
    }

    @Option(names = "--input-bit-density", paramLabel = "SHARE",
            description = "Share of activation bits that are 1, in (0, 1], for every crossbar layer: bit-serial rows "
                    + "are driven and read only for a 1 (default: each layer's own input_bit_density, else the "
                    + "network file's, else the default for the activation that produced the layer's input: 0.5 "
                    + "for the network input, 0.15 after ReLU; 'memdse network' lists them).")
    Double inputBitDensity;

    @picocli.CommandLine.Mixin
    ImportOptionsMixin imports = new ImportOptionsMixin();

    NetworkGraph network() {
        return withDensity(NetworkLoader.load(network, imports.options(false), imports.nirOptions()));
    }

    /** The network with the symbolic dimension {@code dimension} of its ONNX file sized {@code size}. */
    NetworkGraph network(String dimension, long size) {
        return withDensity(NetworkLoader.load(network, imports.options(false, dimension, size), imports.nirOptions()));
    }

    private NetworkGraph withDensity(NetworkGraph g) {
        if (inputBitDensity == null) {
            return g;
        }
        if (!(inputBitDensity > 0 && inputBitDensity <= 1)) {
            throw new UserInputException("--input-bit-density must be in (0, 1], e.g. 0.25; was " + inputBitDensity);
        }
        return g.withInputBitDensity(inputBitDensity);
    }
}

package org.memdse.nir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.memdse.core.network.NetworkGraph;

/**
 * Imports a NIR file (the Neuromorphic Intermediate Representation, Pedersen et al., Nat.
 * Commun. 15, 8122 (2024), an HDF5 file written by snnTorch, Norse, Sinabs, Rockpool, Spyx, ...)
 * as a memdse {@link NetworkGraph}. Two steps, each its own class: {@link NirFileReader} reads
 * the HDF5 layout into a {@link NirGraph}; {@link NirNetworkConverter} builds memdse's network.
 * Bad input is a {@link org.memdse.core.spec.SpecException} naming the file and the node.
 */
public final class NirNetworkReader {
    /** Every HDF5 file without a user block starts with this signature (HDF5 format spec, superblock). */
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private NirNetworkReader() {
    }

    /** Whether the file is HDF5 by its first bytes (what NIR files are); an unreadable file is not. */
    public static boolean isHdf5(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(HDF5_SIGNATURE.length), HDF5_SIGNATURE);
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads a NIR file as a memdse network named after the file. */
    public static NetworkGraph read(Path file, NirImportOptions options) {
        NirGraph graph = NirFileReader.read(file);
        String name = file.getFileName().toString().replaceFirst("\\.nir$", "");
        return NirNetworkConverter.convert(graph, options, file.toString(), name);
    }
}

package org.memdse.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.memdse.architectures.Catalog;
import org.memdse.architectures.CatalogEntry;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.read.NetworkReader;
import org.memdse.core.spec.InputFiles;
import org.memdse.core.spec.SourcePosition;
import org.memdse.core.spec.SpecException;
import org.memdse.nir.NirImportOptions;
import org.memdse.nir.NirNetworkReader;
import org.memdse.onnx.OnnxImportOptions;
import org.memdse.onnx.OnnxModelReader;
import org.memdse.onnx.OnnxNetworkReader;

/**
 * Turns what the user typed into a network: a memdse network YAML file, an ONNX model
 * (recognised by its content), or the id of a bundled network (see {@code memdse catalog}).
 * Bad input is a {@link org.memdse.core.spec.SpecException} or a {@link UserInputException}.
 */
final class NetworkLoader {
    /** Enough of a file's start to tell text (YAML) from binary (protobuf). */
    private static final int PROBE_BYTES = 512;

    private NetworkLoader() {
    }

    static NetworkGraph load(String nameOrFile) {
        return load(nameOrFile, OnnxImportOptions.defaults());
    }

    static NetworkGraph load(String nameOrFile, OnnxImportOptions onnxOptions) {
        return load(nameOrFile, onnxOptions, NirImportOptions.defaults());
    }

    /** Whether {@code nameOrFile} is a NIR file (HDF5 by its first bytes, or named *.nir). */
    static boolean isNir(String nameOrFile) {
        Path path = Path.of(nameOrFile);
        return Files.isRegularFile(path) && (NirNetworkReader.isHdf5(path)
                || path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".nir"));
    }

    static NetworkGraph load(String nameOrFile, OnnxImportOptions onnxOptions, NirImportOptions nirOptions) {
        if (nameOrFile.isBlank()) {
            // Path.of("") is the working directory, which is no network either.
            throw new UserInputException("the network is empty ('" + nameOrFile + "'); give a network file (YAML, ONNX"
                    + " or NIR) or a bundled network id ('memdse catalog' lists them)");
        }
        Path path = Path.of(nameOrFile);
        if (Files.isDirectory(path)) {
            throw new UserInputException("'" + nameOrFile + "' is a directory; give a network file or a bundled network id");
        }
        if (Files.exists(path) || Files.isSymbolicLink(path)) {
            // Before any probe: opening a FIFO blocks, reading /dev/zero never ends.
            String problem = InputFiles.problem(path, OnnxModelReader.MAX_BYTES);
            if (problem != null) {
                throw SpecException.of(SourcePosition.ofFile(nameOrFile), "", "cannot read the file: " + problem);
            }
            // Before the ONNX probe, which takes any binary file for ONNX.
            if (isNir(nameOrFile)) {
                return NirNetworkReader.read(path, nirOptions);
            }
            if (isOnnx(path)) {
                return readOnnx(path, onnxOptions);
            }
            return NetworkReader.read(path);
        }
        Catalog catalog = Catalog.bundled();
        CatalogEntry entry = catalog.network(nameOrFile).orElseThrow(() -> new UserInputException(
                "no file '" + nameOrFile + "' and no bundled network of that name"
                        + catalog.didYouMean(nameOrFile, CatalogEntry.Kind.NETWORK)
                        + "; 'memdse catalog' lists the bundled ones"));
        return NetworkReader.read(catalog.source(entry));
    }

    // ---- ONNX ------------------------------------------------------------------------------
    // Owned by the ONNX import (module onnx-import). A file goes to the ONNX reader when its
    // content is an ONNX model, or when it is binary or named *.onnx: then the ONNX reader's
    // precise messages (truncated file, wrong magic, ...) beat "not valid YAML". A binary file
    // named *.yaml or *.yml that is no ONNX model is a YAML file gone wrong (saved as UTF-16, a
    // stray NUL, a binary copied over it): the YAML reader says which byte and how to fix it,
    // where "not an ONNX model" would send the user looking in the wrong place.

    static boolean isOnnx(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (OnnxNetworkReader.isOnnx(path) || name.endsWith(".onnx")) {
            return true;
        }
        return looksBinary(path) && !(name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static NetworkGraph readOnnx(Path path, OnnxImportOptions options) {
        return OnnxNetworkReader.read(path, options);
    }

    private static boolean looksBinary(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            for (byte b : in.readNBytes(PROBE_BYTES)) {
                int c = b & 0xff;
                if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false; // the YAML reader reports the unreadable file with its reason
        }
    }
}

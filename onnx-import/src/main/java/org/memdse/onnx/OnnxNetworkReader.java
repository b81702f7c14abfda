package org.memdse.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.memdse.core.spec.InputFiles;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.spec.SpecException;

/**
 * Imports an ONNX model (as exported by PyTorch or TensorFlow) as a memdse {@link NetworkGraph}.
 *
 * <p>Three steps, each its own class so each can be tested alone: {@link OnnxModelReader} parses
 * and checks the file into {@link OnnxModel} records; {@link OnnxLayerInference} finds the
 * layers and their shapes by ONNX's rules ({@link #readLayers}); {@link OnnxNetworkConverter}
 * builds the memdse graph. Bad input of any kind is a {@link SpecException} whose diagnostics
 * name the file and the ONNX node, e.g. {@code graph.node[12](Conv 'conv1')}.
 */
public final class OnnxNetworkReader {
    /** Reading this much is enough to reject text at once; larger files are parsed whole. */
    private static final int TEXT_PROBE_BYTES = 512;

    private OnnxNetworkReader() {
    }

    /**
     * Whether the file is an ONNX model, judged by content rather than extension: it parses as a
     * protobuf ModelProto with an {@code ir_version} and a graph. YAML and other text is rejected
     * without reading the whole file. An unreadable file is not ONNX.
     */
    public static boolean isOnnx(Path file) {
        try {
            // Not a regular file, or too large to read: not ONNX by content (the readers say why).
            if (InputFiles.problem(file, OnnxModelReader.MAX_BYTES) != null) {
                return false;
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(TEXT_PROBE_BYTES);
            }
            if (head.length == 0 || looksLikeText(head)) {
                return false;
            }
            return OnnxModelReader.looksLikeModel(file);
        } catch (IOException | OutOfMemoryError e) {
            return false;
        }
    }

    /**
     * A ModelProto starts with a field tag, whose low three bits are a wire type 0..5; text that
     * is all printable characters (YAML, JSON, CSV) essentially never forms the long-delimited
     * graph that follows, but parsing it would read the whole file, so text is ruled out first.
     */
    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            int c = b & 0xff;
            boolean printable = c == '\n' || c == '\r' || c == '\t' || c >= 0x20 && c != 0x7f;
            if (!printable) {
                return false;
            }
        }
        return true;
    }

    /** Reads an ONNX file as a memdse network. */
    public static NetworkGraph read(Path file, OnnxImportOptions options) {
        OnnxNetwork layers = readLayers(file, options);
        return OnnxNetworkConverter.convert(layers, options, file.toString());
    }

    /** The layers of an ONNX file with their shapes as ONNX counts them (batch axis included). */
    public static OnnxNetwork readLayers(Path file, OnnxImportOptions options) {
        OnnxModel model = OnnxModelReader.read(file);
        return OnnxLayerInference.infer(model, options, file.toString());
    }
}

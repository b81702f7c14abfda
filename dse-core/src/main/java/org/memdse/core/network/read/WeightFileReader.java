package org.memdse.core.network.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.core.network.TrainedWeights;
import org.memdse.core.network.WeightMatrix;
import org.memdse.core.spec.SourcePosition;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.Suggestions;

/**
 * Reads a weight file: plain text, one block per layer, checked against the network's weight
 * matrices. Any error is a {@link SpecException} at file:line:column (exit code 2).
 *
 * <pre>
 * # comments start with '#'; blank lines are ignored
 * layer fc1 64x32          # the layer's name in the network, then ROWSxCOLS of its weight matrix
 * 0.12 -0.05 ... 0.31      # one matrix row per line: COLS numbers (spaces or commas)
 * ...                      # ROWS lines in all
 * layer fc2 32x10
 * ...
 * </pre>
 *
 * Rows are the layer's inputs (word lines), columns its outputs (bit lines), as
 * {@link WeightMatrix} lays them out: a linear layer's W^T (PyTorch's {@code weight.T}); a
 * conv layer's rows in (in-channel, kernel row, kernel column) order, i.e. PyTorch's
 * {@code weight.reshape(out, -1).T}. Biases are not part of it (they are added digitally).
 */
public final class WeightFileReader {
    private WeightFileReader() {
    }

    /**
     * @param file    the file
     * @param shown   its name as the user gave it (for messages)
     * @param network the network the weights belong to
     */
    public static TrainedWeights read(Path file, String shown, NetworkGraph network) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw SpecException.of(SourcePosition.ofFile(shown), "weights", "cannot read the weight file: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
        Map<String, TrainedWeights.Layer> layers = new LinkedHashMap<>();
        List<String> withWeights = new ArrayList<>();
        for (NetworkNode n : network.nodes()) {
            if (network.stats(n).weights().isPresent()) {
                withWeights.add(n.name());
            }
        }
        int i = 0;
        while (i < lines.size()) {
            String content = content(lines.get(i));
            if (content.isEmpty()) {
                i++;
                continue;
            }
            int lineNo = i + 1;
            String[] head = content.split("\\s+");
            if (!head[0].equals("layer")) {
                throw error(shown, lineNo, 1, "expected 'layer NAME ROWSxCOLS' before the numbers, found '"
                        + abbreviate(content) + "'");
            }
            if (head.length != 3 || !head[2].matches("\\d{1,9}x\\d{1,9}")) {
                throw error(shown, lineNo, 1, "expected 'layer NAME ROWSxCOLS' (e.g. 'layer fc1 64x32'), found '"
                        + abbreviate(content) + "'");
            }
            String name = head[1];
            int column = lines.get(i).indexOf(name) + 1;
            Optional<NetworkNode> node = network.node(name);
            if (node.isEmpty()) {
                throw error(shown, lineNo, column, "no layer '" + name + "' in network " + network.name()
                        + Suggestions.didYouMean(name, withWeights) + "; layers with weights: " + list(withWeights));
            }
            Optional<WeightMatrix> matrix = network.stats(node.get()).weights();
            if (matrix.isEmpty()) {
                throw error(shown, lineNo, column, "layer '" + name + "' (" + node.get().kind()
                        + ") has no weights; layers with weights: " + list(withWeights));
            }
            if (layers.containsKey(name)) {
                throw error(shown, lineNo, column, "layer '" + name + "' is given twice");
            }
            String[] shape = head[2].split("x");
            int rows = Integer.parseInt(shape[0]);
            int cols = Integer.parseInt(shape[1]);
            WeightMatrix m = matrix.get();
            if (rows != m.rows() || cols != m.cols()) {
                String fix = rows == m.cols() && cols == m.rows()
                        ? "; the file's matrix is transposed: rows are the inputs, columns the outputs"
                        : "";
                throw error(shown, lineNo, lines.get(i).indexOf(head[2]) + 1, "layer '" + name + "' has a "
                        + m.rows() + "x" + m.cols() + " weight matrix (" + m.rows() + " inputs x " + m.cols()
                        + " outputs) in network " + network.name() + ", the file gives " + rows + "x" + cols + fix);
            }
            double[] values = new double[rows * cols];
            int row = 0;
            i++;
            while (row < rows) {
                if (i >= lines.size() || content(lines.get(i)).startsWith("layer")) {
                    throw error(shown, i >= lines.size() ? lines.size() : i + 1, 1, "layer '" + name + "' (line "
                            + lineNo + ") has " + row + " rows of " + rows + "; give one line of " + cols
                            + " numbers per input");
                }
                String c = content(lines.get(i));
                if (c.isEmpty()) {
                    i++;
                    continue;
                }
                String[] f = c.split("[\\s,]+");
                if (f.length != cols) {
                    throw error(shown, i + 1, 1, "layer '" + name + "' row " + (row + 1) + ": expected " + cols
                            + " numbers (one per output), found " + f.length);
                }
                for (int j = 0; j < cols; j++) {
                    double v;
                    try {
                        v = Double.parseDouble(f[j]);
                    } catch (NumberFormatException e) {
                        v = Double.NaN;
                    }
                    if (!Double.isFinite(v)) {
                        throw error(shown, i + 1, lines.get(i).indexOf(f[j]) + 1, "layer '" + name + "' row "
                                + (row + 1) + " column " + (j + 1) + ": expected a finite number, found '" + f[j] + "'");
                    }
                    values[row * cols + j] = v;
                }
                row++;
                i++;
            }
            layers.put(name, new TrainedWeights.Layer(name, rows, cols, values));
        }
        if (layers.isEmpty()) {
            throw error(shown, 0, 0, "no layer in the weight file; start each block with 'layer NAME ROWSxCOLS'"
                    + " (layers with weights: " + list(withWeights) + ")");
        }
        return new TrainedWeights(shown, layers);
    }

    private static String content(String line) {
        int hash = line.indexOf('#');
        return (hash >= 0 ? line.substring(0, hash) : line).trim();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String list(List<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        return names.size() <= 8 ? String.join(", ", names) : String.join(", ", names.subList(0, 8)) + ", ...";
    }

    private static SpecException error(String file, int line, int column, String message) {
        return SpecException.of(new SourcePosition(file, line, Math.max(column, line > 0 ? 1 : 0)), "weights", message);
    }
}

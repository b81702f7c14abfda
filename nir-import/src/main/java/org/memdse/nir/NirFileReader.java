package org.memdse.nir;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.memdse.core.spec.SourcePosition;
import org.memdse.core.spec.SpecException;

/**
 * Reads the HDF5 layout NIR's writer produces (nir/serialization.py): a {@code version} string,
 * and a group {@code node} holding the top-level NIRGraph: {@code type} = "NIRGraph", a group
 * {@code nodes} with one group per node (a {@code type} string plus one dataset per parameter,
 * and sub-groups for dictionaries such as {@code input_type}), and {@code edges}, strings of shape
 * [E, 2] (source, target). Whatever is wrong with the file is a {@link SpecException} naming it.
 */
final class NirFileReader {
    private NirFileReader() {
    }

    static NirGraph read(Path file) {
        try (HdfFile hdf = new HdfFile(file)) {
            return read(hdf, file.toString());
        } catch (SpecException e) {
            throw e;
        } catch (NirImportProblem e) {
            throw SpecException.of(SourcePosition.ofFile(file.toString()), "", e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            // jhdf's HdfException and the I/O errors it wraps: a truncated or damaged file.
            throw SpecException.of(SourcePosition.ofFile(file.toString()), "",
                    "not a readable HDF5 file (" + reason(e) + "); NIR files are HDF5, as nir.write() saves them");
        }
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static NirGraph read(HdfFile hdf, String file) {
        Node top = hdf.getChildren().get("node");
        if (!(top instanceof Group graph)) {
            throw SpecException.of(SourcePosition.ofFile(file), "/", "no group 'node': not a NIR file "
                    + "(nir.write() stores the graph under /node)");
        }
        String version = hdf.getChildren().get("version") instanceof Dataset v ? string(v) : "";
        String type = graph.getChildren().get("type") instanceof Dataset t ? string(t) : "";
        if (!type.equals("NIRGraph")) {
            throw SpecException.of(SourcePosition.ofFile(file), "node/type", "the top node is '" + type
                    + "', not a NIRGraph");
        }
        if (!(graph.getChildren().get("nodes") instanceof Group nodesGroup)) {
            throw SpecException.of(SourcePosition.ofFile(file), "node/nodes", "the graph has no 'nodes' group");
        }
        List<NirNode> nodes = new ArrayList<>();
        for (Map.Entry<String, Node> e : nodesGroup.getChildren().entrySet()) {
            if (!(e.getValue() instanceof Group g)) {
                throw SpecException.of(SourcePosition.ofFile(file), "node/nodes/" + e.getKey(),
                        "expected a group (one per node), found a dataset");
            }
            nodes.add(node(e.getKey(), g, file));
        }
        List<NirEdge> edges = new ArrayList<>();
        if (graph.getChildren().get("edges") instanceof Dataset d && !d.isEmpty() && d.getSize() > 0) {
            Object data = d.getData();
            if (!(data instanceof String[][] pairs)) {
                throw SpecException.of(SourcePosition.ofFile(file), "node/edges",
                        "expected strings of shape [E, 2] (source, target), found " + describe(d));
            }
            for (int i = 0; i < pairs.length; i++) {
                if (pairs[i].length != 2) {
                    throw SpecException.of(SourcePosition.ofFile(file), "node/edges[" + i + "]",
                            "an edge needs a source and a target, found " + pairs[i].length + " names");
                }
                edges.add(new NirEdge(i, pairs[i][0], pairs[i][1]));
            }
        }
        return new NirGraph(version, nodes, edges);
    }

    private static NirNode node(String name, Group g, String file) {
        Map<String, NirArray> arrays = new LinkedHashMap<>();
        Map<String, String> strings = new LinkedHashMap<>();
        Map<String, Map<String, NirArray>> groups = new LinkedHashMap<>();
        String type = null;
        for (Map.Entry<String, Node> e : g.getChildren().entrySet()) {
            String key = e.getKey();
            if (e.getValue() instanceof Dataset d) {
                if (d.getJavaType() == String.class) {
                    String s = string(d);
                    if (key.equals("type")) {
                        type = s;
                    } else {
                        strings.put(key, s);
                    }
                } else {
                    arrays.put(key, array(d, "node/nodes/" + name + "/" + key, file));
                }
            } else if (e.getValue() instanceof Group sub) {
                Map<String, NirArray> inner = new LinkedHashMap<>();
                for (Map.Entry<String, Node> s : sub.getChildren().entrySet()) {
                    if (s.getValue() instanceof Dataset d && d.getJavaType() != String.class) {
                        inner.put(s.getKey(), array(d, "node/nodes/" + name + "/" + key + "/" + s.getKey(), file));
                    }
                }
                groups.put(key, inner);
            }
        }
        if (type == null) {
            throw SpecException.of(SourcePosition.ofFile(file), "node/nodes/" + name,
                    "the node has no 'type' (the NIR primitive: Affine, LIF, ...)");
        }
        return new NirNode(name, type, arrays, strings, groups);
    }

    private static String string(Dataset d) {
        Object data = d.getData();
        if (data instanceof String s) {
            return s;
        }
        if (data instanceof String[] a && a.length == 1) {
            return a[0];
        }
        return String.valueOf(data);
    }

    private static NirArray array(Dataset d, String path, String file) {
        int[] dims = d.isScalar() ? new int[0] : d.getDimensions();
        Object data = d.isScalar() ? d.getData() : d.getDataFlat();
        List<Double> values = new ArrayList<>();
        flatten(data, values);
        if (values.isEmpty() && d.getSize() > 0) {
            throw SpecException.of(SourcePosition.ofFile(file), path, "expected numbers, found " + describe(d));
        }
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        return new NirArray(dims, v);
    }

    private static void flatten(Object data, List<Double> out) {
        if (data instanceof Number n) {
            out.add(n.doubleValue());
        } else if (data instanceof Boolean b) {
            out.add(b ? 1.0 : 0.0);
        } else if (data != null && data.getClass().isArray()) {
            int n = Array.getLength(data);
            for (int i = 0; i < n; i++) {
                flatten(Array.get(data, i), out);
            }
        }
    }

    private static String describe(Dataset d) {
        return d.getJavaType().getSimpleName() + " data of shape " + java.util.Arrays.toString(d.getDimensions());
    }
}

package org.memdse.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.memdse.core.spec.Diagnostic;
import org.memdse.core.spec.InputFiles;
import org.memdse.core.spec.SourcePosition;
import org.memdse.core.spec.SpecException;
import org.memdse.onnx.proto.OnnxProto;

/**
 * Reads an ONNX file into {@link OnnxModel} records, checking what a well-formed file must
 * satisfy before any layer is built: it is a protobuf ModelProto with an {@code ir_version} and
 * a graph; every node has an operator; every value is produced once; every initializer's payload
 * fits its dims.
 *
 * <p>How the bytes are parsed: with classes that protoc generates at build time from
 * {@code src/main/protobuf/memdse/onnx_subset.proto}, memdse's own subset of the ONNX schema.
 * Of the three ways to read protobuf from Java, this one keeps the reader plain typed code
 * ({@code node.getOpType()}) checked by the compiler, and lets tests build malformed models with
 * the same generated builders. A descriptor assembled by hand in Java (parsed with
 * DynamicMessage) would restate the same field numbers less readably and look fields up by
 * string at run time; reading the wire format with CodedInputStream would re-implement what
 * protobuf-java already does, including its careful handling of truncated and corrupt input.
 * The cost is one build plugin that fetches protoc from Maven Central.
 */
public final class OnnxModelReader {
    /** Small integer tensors are decoded (they hold shapes and pads); weights are never decoded. */
    private static final long MAX_DECODED_INTS = 4096;

    private final String file;
    private final List<Diagnostic> problems = new ArrayList<>();

    private OnnxModelReader(String file) {
        this.file = file;
    }

    /**
     * Largest ONNX file memdse reads: 1 GiB. Protobuf itself stops at 2 GiB (larger models keep
     * their weights in external data files, which memdse does not read); VGG-19, among the
     * largest classic CNNs, is 548 MB, and a 102 MB ResNet-50 loads in half a second.
     */
    public static final long MAX_BYTES = 1L << 30;

    /**
     * From this size on a file is mapped into memory rather than read, and parsed with aliasing:
     * the weights' raw_data (nearly all of a model's bytes) become views of the mapping that
     * nothing reads, since only the tensors' shapes matter. Smaller files (and files that report
     * no size, as /proc's do) are read whole.
     */
    static final long MAP_FROM_BYTES = 1L << 20;

    /** Reads and checks a model file; every problem found is in the exception. */
    public static OnnxModel read(Path path) {
        String label = path.toString();
        try {
            Optional<ByteBuffer> mapped = map(path);
            if (mapped.isPresent()) {
                return new OnnxModelReader(label).parse(mapped.get());
            }
            return parse(InputFiles.readBytes(path, MAX_BYTES), label);
        } catch (IOException e) {
            throw SpecException.of(SourcePosition.ofFile(label), "", "cannot read the file: " + e.getMessage());
        }
    }

    /** The file mapped read-only when it is a regular file of {@link #MAP_FROM_BYTES} to {@link #MAX_BYTES}. */
    private static Optional<ByteBuffer> map(Path path) throws IOException {
        String problem = InputFiles.problem(path, MAX_BYTES);
        if (problem != null) {
            throw new IOException(problem);
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < MAP_FROM_BYTES || size > MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.of(channel.map(FileChannel.MapMode.READ_ONLY, 0, size));
        }
    }

    /** Parses the bytes of a model file; {@code file} names it in messages. */
    public static OnnxModel parse(byte[] bytes, String file) {
        return new OnnxModelReader(file).parse(bytes);
    }

    /** Whether the file is an ONNX model by content ({@link #looksLikeModel(byte[])}); large files are mapped. */
    static boolean looksLikeModel(Path path) throws IOException {
        Optional<ByteBuffer> mapped = map(path);
        if (mapped.isEmpty()) {
            return looksLikeModel(InputFiles.readBytes(path, MAX_BYTES));
        }
        try {
            OnnxProto.Model m = OnnxProto.Model.parseFrom(aliasing(mapped.get()));
            return m.hasIrVersion() && m.getIrVersion() > 0 && m.hasGraph();
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }

    /**
     * A parser whose bytes fields are views of {@code buffer}: protobuf aliases only a buffer it
     * may treat as immutable, which a read-only mapping is, and says so only through unsafeWrap.
     */
    private static CodedInputStream aliasing(ByteBuffer buffer) {
        CodedInputStream in = UnsafeByteOperations.unsafeWrap(buffer).newCodedInput();
        in.enableAliasing(true);
        in.setSizeLimit(Integer.MAX_VALUE);
        return in;
    }

    /**
     * Whether the bytes are an ONNX model: a ModelProto that parses and has an {@code ir_version}
     * and a graph. Text such as YAML fails the protobuf parse at its first bytes, and a random
     * protobuf that happens to parse almost never carries both fields.
     */
    static boolean looksLikeModel(byte[] bytes) {
        if (bytes.length == 0) {
            return false;
        }
        try {
            OnnxProto.Model m = OnnxProto.Model.parseFrom(bytes);
            return m.hasIrVersion() && m.getIrVersion() > 0 && m.hasGraph();
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }

    private OnnxModel parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw fail("", "the file is empty; expected an ONNX model (a binary ModelProto)");
        }
        return parse(() -> OnnxProto.Model.parseFrom(bytes));
    }

    private OnnxModel parse(ByteBuffer mapped) {
        return parse(() -> OnnxProto.Model.parseFrom(aliasing(mapped)));
    }

    /** A protobuf parse that may fail on malformed bytes. */
    private interface Parse {
        OnnxProto.Model run() throws IOException;
    }

    private OnnxModel parse(Parse parse) {
        OnnxProto.Model proto;
        try {
            proto = parse.run();
        } catch (IOException e) {
            String detail = e.getMessage() != null && e.getMessage().contains("ended unexpectedly")
                    ? "it ends in the middle of a field: the file is truncated"
                    : firstSentence(e.getMessage());
            throw fail("", "not an ONNX model: the file is not a valid protobuf message (" + detail + ")");
        }
        if (!proto.hasIrVersion() || proto.getIrVersion() <= 0) {
            throw fail("ir_version", proto.hasIrVersion()
                    ? "expected a positive ONNX IR version, found " + proto.getIrVersion()
                    : "not an ONNX model: no ir_version (ModelProto field 1); is this really a .onnx file?");
        }
        if (!proto.hasGraph()) {
            throw fail("graph", "the model has no graph (ModelProto field 7)");
        }
        Map<String, Long> opsets = new HashMap<>();
        for (OnnxProto.OperatorSetId id : proto.getOpsetImportList()) {
            opsets.merge(id.getDomain(), id.getVersion(), Math::max);
        }
        String producer = (proto.getProducerName() + " " + proto.getProducerVersion()).trim();
        OnnxGraph graph = graph(proto.getGraph());
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return new OnnxModel(proto.getIrVersion(), opsets, producer, graph);
    }

    private OnnxGraph graph(OnnxProto.Graph g) {
        Map<String, OnnxTensor> initializers = new LinkedHashMap<>();
        for (int i = 0; i < g.getInitializerCount(); i++) {
            OnnxProto.Tensor t = g.getInitializer(i);
            String path = "graph.initializer[" + i + "]" + (t.getName().isEmpty() ? "" : "('" + t.getName() + "')");
            if (t.getName().isEmpty()) {
                problem(path, "an initializer must have a name");
                continue;
            }
            tensor(t, path).ifPresent(tensor -> {
                if (initializers.putIfAbsent(t.getName(), tensor) != null) {
                    problem(path, "a second initializer named '" + t.getName() + "'");
                }
            });
        }
        List<OnnxValueInfo> inputs = valueInfos(g.getInputList(), "graph.input");
        List<OnnxValueInfo> outputs = valueInfos(g.getOutputList(), "graph.output");
        List<OnnxValueInfo> valueInfos = valueInfos(g.getValueInfoList(), "graph.value_info");

        // ONNX graphs are in single-assignment form: each value has exactly one producer.
        Set<String> produced = new HashSet<>();
        for (OnnxValueInfo in : inputs) {
            produced.add(in.name());
        }
        produced.addAll(initializers.keySet());
        List<OnnxNode> nodes = new ArrayList<>();
        for (int i = 0; i < g.getNodeCount(); i++) {
            OnnxNode node = node(g.getNode(i), i);
            if (node.opType().isEmpty()) {
                problem(node.path(), "the node has no op_type");
            }
            for (String out : node.outputs()) {
                if (!out.isEmpty() && !produced.add(out) && !initializers.containsKey(out)) {
                    problem(node.path(), "output '" + out + "' is already produced by another node or is a graph input");
                }
            }
            nodes.add(node);
        }
        return new OnnxGraph(g.getName(), nodes, initializers, inputs, outputs, valueInfos);
    }

    private OnnxNode node(OnnxProto.Node n, int index) {
        Map<String, OnnxAttribute> attributes = new HashMap<>();
        OnnxNode shell = new OnnxNode(index, n.getName(), n.getOpType(), n.getDomain(), List.of(), List.of(), Map.of());
        for (int i = 0; i < n.getAttributeCount(); i++) {
            OnnxProto.Attribute a = n.getAttribute(i);
            String path = shell.path() + ".attribute[" + i + "]";
            if (a.getName().isEmpty()) {
                problem(path, "an attribute must have a name");
                continue;
            }
            attribute(a, path + "('" + a.getName() + "')").ifPresent(attr -> {
                if (attributes.putIfAbsent(a.getName(), attr) != null) {
                    problem(shell.path(), "attribute '" + a.getName() + "' is given twice");
                }
            });
        }
        return new OnnxNode(index, n.getName(), n.getOpType(), n.getDomain(), n.getInputList(), n.getOutputList(),
                attributes);
    }

    /** Attribute types by ONNX's AttributeType code (onnx.proto, enum AttributeProto.AttributeType). */
    private Optional<OnnxAttribute> attribute(OnnxProto.Attribute a, String path) {
        int type = a.hasType() ? a.getType() : inferredType(a);
        String name = a.getName();
        switch (type) {
            case 1:
                return Optional.of(new OnnxAttribute.FloatValue(name, a.getF()));
            case 2:
                return Optional.of(new OnnxAttribute.IntValue(name, a.getI()));
            case 3:
                return Optional.of(new OnnxAttribute.StringValue(name, a.getS().toStringUtf8()));
            case 4:
                return tensor(a.getT(), path + ".t").map(t -> new OnnxAttribute.TensorValue(name, t));
            case 6:
                return Optional.of(new OnnxAttribute.FloatList(name, a.getFloatsList()));
            case 7:
                return Optional.of(new OnnxAttribute.IntList(name, a.getIntsList()));
            case 5: case 8: case 9: case 10: case 11: case 12: case 13: case 14:
                return Optional.of(new OnnxAttribute.Other(name, OTHER_KINDS[type - 5]));
            default:
                problem(path, "unknown attribute type " + type + " (ONNX defines 1..14)");
                return Optional.empty();
        }
    }

    private static final String[] OTHER_KINDS = {
        "GRAPH", "FLOATS", "INTS", "STRINGS", "TENSORS", "GRAPHS", "SPARSE_TENSOR", "SPARSE_TENSORS",
        "TYPE_PROTO", "TYPE_PROTOS"};

    /** IR version 1 files may omit the type; it is then the one field that is set. */
    private static int inferredType(OnnxProto.Attribute a) {
        if (a.hasF()) {
            return 1;
        } else if (a.hasI()) {
            return 2;
        } else if (a.hasS()) {
            return 3;
        } else if (a.hasT()) {
            return 4;
        } else if (a.getFloatsCount() > 0) {
            return 6;
        } else if (a.getIntsCount() > 0) {
            return 7;
        }
        return 8; // strings, or an empty list: nothing the importer reads
    }

    private Optional<OnnxTensor> tensor(OnnxProto.Tensor t, String path) {
        long count = 1;
        for (long d : t.getDimsList()) {
            if (d < 0) {
                problem(path, "dims " + t.getDimsList() + ": a dimension is negative");
                return Optional.empty();
            }
            count = saturatedMultiply(count, d);
        }
        int type = t.getDataType();
        boolean external = t.getDataLocation() == 1;
        if (!external) {
            int size = elementSize(type);
            if (t.hasRawData() && size > 0 && t.getRawData().size() % size != 0) {
                problem(path, "raw_data is " + t.getRawData().size() + " bytes, not a whole number of "
                        + dataTypeName(type) + " elements (" + size + " bytes each)");
                return Optional.empty();
            }
            long found = payloadElements(t, type);
            if (found >= 0 && found != count) {
                problem(path, "the data holds " + found + " elements of " + dataTypeName(type) + ", but dims "
                        + t.getDimsList() + " need " + count);
                return Optional.empty();
            }
        }
        Optional<List<Long>> ints = Optional.empty();
        if (!external && (type == OnnxTensor.INT64 || type == OnnxTensor.INT32) && count <= MAX_DECODED_INTS) {
            ints = Optional.of(intValues(t, type));
        }
        return Optional.of(new OnnxTensor(t.getName(), type, t.getDimsList(), ints));
    }

    /** How many elements the payload holds, or -1 when that cannot be told (no data, or an unknown type). */
    private static long payloadElements(OnnxProto.Tensor t, int type) {
        if (t.hasRawData()) {
            int size = elementSize(type);
            return size <= 0 ? -1 : t.getRawData().size() / size;
        }
        int typed = t.getFloatDataCount() + t.getInt32DataCount() + t.getInt64DataCount() + t.getDoubleDataCount();
        if (typed == 0) {
            return -1; // no payload at all: a shape-only declaration, as some exporters write
        }
        // Complex numbers take two floats/doubles per element (onnx.proto, float_data/double_data comments).
        return type == 14 || type == 15 ? typed / 2 : typed;
    }

    private static List<Long> intValues(OnnxProto.Tensor t, int type) {
        List<Long> values = new ArrayList<>();
        if (t.hasRawData()) {
            ByteBuffer buf = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            while (buf.remaining() >= elementSize(type)) {
                values.add(type == OnnxTensor.INT64 ? buf.getLong() : buf.getInt());
            }
        } else if (type == OnnxTensor.INT64) {
            values.addAll(t.getInt64DataList());
        } else {
            t.getInt32DataList().forEach(v -> values.add((long) v));
        }
        return values;
    }

    /** Bytes per element by ONNX DataType code; 0 where not fixed (STRING, 4-bit types, unknown codes). */
    static int elementSize(int type) {
        switch (type) {
            case 2: case 3: case 9: case 17: case 18: case 19: case 20:
                return 1; // UINT8, INT8, BOOL, FLOAT8*
            case 4: case 5: case 10: case 16:
                return 2; // UINT16, INT16, FLOAT16, BFLOAT16
            case 1: case 6: case 12:
                return 4; // FLOAT, INT32, UINT32
            case 7: case 11: case 13: case 14:
                return 8; // INT64, DOUBLE, UINT64, COMPLEX64
            case 15:
                return 16; // COMPLEX128
            default:
                return 0;
        }
    }

    static String dataTypeName(int type) {
        String[] names = {"UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16", "INT32", "INT64", "STRING",
            "BOOL", "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16"};
        return type >= 0 && type < names.length ? names[type] : "data type " + type;
    }

    private List<OnnxValueInfo> valueInfos(List<OnnxProto.ValueInfo> protos, String listPath) {
        List<OnnxValueInfo> infos = new ArrayList<>();
        for (int i = 0; i < protos.size(); i++) {
            OnnxProto.ValueInfo v = protos.get(i);
            if (v.getName().isEmpty()) {
                problem(listPath + "[" + i + "]", "a declared value must have a name");
                continue;
            }
            Optional<List<OnnxDim>> shape = Optional.empty();
            int elemType = 0;
            if (v.getType().hasTensorType()) {
                OnnxProto.Type.TensorType tt = v.getType().getTensorType();
                elemType = tt.getElemType();
                if (tt.hasShape()) {
                    List<OnnxDim> dims = new ArrayList<>();
                    for (OnnxProto.TensorShape.Dimension d : tt.getShape().getDimList()) {
                        if (d.hasDimValue() && d.getDimValue() < 0) {
                            problem(listPath + "[" + i + "]('" + v.getName() + "')",
                                    "dimension " + dims.size() + " is negative: " + d.getDimValue());
                        }
                        dims.add(d.hasDimValue() ? OnnxDim.of(d.getDimValue()) : OnnxDim.symbolic(d.getDimParam()));
                    }
                    shape = Optional.of(dims);
                }
            }
            infos.add(new OnnxValueInfo(v.getName(), elemType, shape));
        }
        return infos;
    }

    private static long saturatedMultiply(long a, long b) {
        long r = a * b;
        return a != 0 && (r / a != b || r < 0) ? Long.MAX_VALUE : r;
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "unreadable";
        }
        int dot = message.indexOf(". ");
        return dot > 0 ? message.substring(0, dot) : message;
    }

    private void problem(String path, String message) {
        problems.add(new Diagnostic(SourcePosition.ofFile(file), path, message));
    }

    private SpecException fail(String path, String message) {
        problem(path, message);
        return new SpecException(problems);
    }

}

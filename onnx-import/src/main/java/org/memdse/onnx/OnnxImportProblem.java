package org.memdse.onnx;

/**
 * A problem with one node, raised deep inside shape rules and caught by the importer, which
 * turns it into a {@link org.memdse.core.spec.Diagnostic} naming the node. It never leaves this
 * package: callers see a {@link org.memdse.core.spec.SpecException}.
 */
final class OnnxImportProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OnnxImportProblem(String message) {
        super(message, null, false, false);
    }
}

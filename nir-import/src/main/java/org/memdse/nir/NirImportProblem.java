package org.memdse.nir;

/**
 * A problem with one NIR node, raised while converting it and turned into a diagnostic naming
 * the file and the node; callers see a {@link org.memdse.core.spec.SpecException}.
 */
final class NirImportProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NirImportProblem(String message) {
        super(message, null, false, false);
    }
}

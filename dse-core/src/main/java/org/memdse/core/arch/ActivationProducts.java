package org.memdse.core.arch;

/**
 * How a tile runs the products of two computed tensors, a transformer's attention scores (Q·Kᵀ)
 * and weighted values (softmax·V) ({@code activation_products:} in the YAML). Neither operand is
 * known before the inference, so nothing can be programmed ahead of time: by default the products
 * run on digital units; with {@link ProductPlacement#REWRITTEN_CROSSBARS} the B operand (Kᵀ or V)
 * is written into crossbar cells for every input, with the device's write model, and the A
 * operand's rows are applied as inputs, as in any crossbar layer. Writing every cell per inference
 * costs energy, time and wear, which is the trade the key lets a user weigh.
 *
 * @param runOn         where the products run
 * @param scheme        how the cells are written: open-loop, incremental-step or write-verify (the
 *                      whole value is set, so the update schemes of learning that accumulate small
 *                      steps, stochastic outer product and mixed precision, do not apply)
 * @param maxIterations write-verify: most program-and-verify iterations per cell
 * @param tolerance     write-verify: accepted conductance error, in level spacings of the stored value
 */
public record ActivationProducts(ProductPlacement runOn, UpdateScheme scheme, int maxIterations, double tolerance) {
    /** On digital units: nothing is rewritten. */
    public static final ActivationProducts DIGITAL = new ActivationProducts(ProductPlacement.DIGITAL,
            UpdateScheme.OPEN_LOOP, 1, 0.5);

    public ActivationProducts {
        Checks.notNull("run_on", runOn);
        Checks.notNull("scheme", scheme);
        if (scheme == UpdateScheme.STOCHASTIC_OUTER_PRODUCT || scheme == UpdateScheme.MIXED_PRECISION) {
            throw new IllegalArgumentException("activation_products.scheme: " + scheme.key()
                    + " accumulates updates; a rewrite sets the whole value");
        }
        Checks.atLeast("max_iterations", maxIterations, 1);
        Checks.positive("tolerance", tolerance);
    }

    /** Crossbars rewritten per input, written with {@code scheme}. */
    public static ActivationProducts rewritten(UpdateScheme scheme, int maxIterations, double tolerance) {
        return new ActivationProducts(ProductPlacement.REWRITTEN_CROSSBARS, scheme, maxIterations, tolerance);
    }

    /** Whether the B operands are written into crossbars for every input. */
    public boolean rewritten() {
        return runOn == ProductPlacement.REWRITTEN_CROSSBARS;
    }
}

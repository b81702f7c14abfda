package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** Where a tile runs the product of two computed tensors ({@code activation_products.run_on}). */
public enum ProductPlacement implements Keyed {
    /** On the tiles' digital MAC units (or their shift-and-add units without MAC units): nothing is written. */
    DIGITAL("digital"),
    /** On crossbars whose cells are written with the B operand for every input, then read like any crossbar layer. */
    REWRITTEN_CROSSBARS("rewritten-crossbars");

    private final String key;

    ProductPlacement(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}

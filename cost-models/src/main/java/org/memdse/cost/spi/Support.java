package org.memdse.cost.spi;

import java.util.Objects;

/**
 * A provider's answer to "can you price this?": an accuracy (higher wins) or a reason why not.
 * A refusal either concerns the component's settings (a 12-bit flash ADC: the reason is worth
 * telling the user) or only says that the component is of another kind ("not an ADC").
 *
 * @param accuracy  1..100 when supported, 0 when not
 * @param reason    why not (empty when supported)
 * @param otherKind whether the refusal only says the component is not of this provider's kind
 */
public record Support(int accuracy, String reason, boolean otherKind) {
    public Support {
        Objects.requireNonNull(reason, "reason");
        if (accuracy < 0 || accuracy > 100) {
            throw new IllegalArgumentException("accuracy must be 0..100, was " + accuracy);
        }
        if (accuracy == 0 && reason.isBlank()) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
        if (accuracy > 0 && otherKind) {
            throw new IllegalArgumentException("a supported component is of the provider's kind");
        }
    }

    public Support(int accuracy, String reason) {
        this(accuracy, reason, false);
    }

    public static Support accuracy(int accuracy) {
        if (accuracy < 1) {
            throw new IllegalArgumentException("a supported accuracy is 1..100, was " + accuracy);
        }
        return new Support(accuracy, "");
    }

    /** A refusal of a component of this provider's kind: the reason says which setting it cannot price. */
    public static Support no(String reason) {
        return new Support(0, reason, false);
    }

    /** A refusal because the component is of another kind, e.g. "not an ADC". */
    public static Support notFor(String reason) {
        return new Support(0, reason, true);
    }

    public boolean supported() {
        return accuracy > 0;
    }
}

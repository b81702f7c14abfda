package org.memdse.cost.spi;

import java.util.Objects;

/**
 * A provider's answer to "can you price this?": an accuracy (higher wins) or a reason why not.
 *
 * @param accuracy 1..100 when supported, 0 when not
 * @param reason   why not (empty when supported)
 */
public record Support(int accuracy, String reason) {
    public Support {
        Objects.requireNonNull(reason, "reason");
        if (accuracy < 0 || accuracy > 100) {
            throw new IllegalArgumentException("accuracy must be 0..100, was " + accuracy);
        }
        if (accuracy == 0 && reason.isBlank()) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
    }

    public static Support accuracy(int accuracy) {
        if (accuracy < 1) {
            throw new IllegalArgumentException("a supported accuracy is 1..100, was " + accuracy);
        }
        return new Support(accuracy, "");
    }

    public static Support no(String reason) {
        return new Support(0, reason);
    }

    public boolean supported() {
        return accuracy > 0;
    }
}

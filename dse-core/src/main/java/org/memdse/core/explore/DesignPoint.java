package org.memdse.core.explore;

import java.util.Arrays;
import java.util.List;

/**
 * One point of a sweep: its id (the sampler's index; the CSV's {@code point} column), for each
 * parameter the index of its value, and the index of its variant (0 when the sweep has none).
 *
 * @param id      0-based index in the plan
 * @param choices value index per parameter, in the plan's parameter order
 * @param variant index in the plan's {@code variants} (0 when there are none)
 */
public record DesignPoint(long id, int[] choices, int variant) {
    public DesignPoint {
        if (id < 0) {
            throw new IllegalArgumentException("id must be >= 0");
        }
        if (variant < 0) {
            throw new IllegalArgumentException("variant must be >= 0");
        }
        choices = choices.clone();
    }

    /** A point of a sweep without variants. */
    public DesignPoint(long id, int[] choices) {
        this(id, choices, 0);
    }

    /** The value indexes (a copy). */
    public int[] choicesCopy() {
        return choices.clone();
    }

    public int choice(int parameter) {
        return choices[parameter];
    }

    /** The value of each parameter at this point. */
    public List<ParameterValue> values(List<Parameter> parameters) {
        ParameterValue[] out = new ParameterValue[parameters.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = parameters.get(i).values().get(choices[i]);
        }
        return List.of(out);
    }

    /** {@code path=label, ...}, for listings and messages. */
    public String describe(List<Parameter> parameters) {
        return describe(parameters, List.of());
    }

    /** {@code variant=name, path=label, ...} (the variant only when there are variants). */
    public String describe(List<Parameter> parameters, List<Variant> variants) {
        StringBuilder b = new StringBuilder();
        if (!variants.isEmpty()) {
            b.append("variant=").append(variants.get(variant).name());
        }
        for (int i = 0; i < choices.length; i++) {
            b.append(b.length() == 0 ? "" : ", ");
            b.append(parameters.get(i).path()).append('=')
                    .append(parameters.get(i).values().get(choices[i]).label());
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DesignPoint p && p.id == id && p.variant == variant && Arrays.equals(p.choices, choices);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(id) * 31 + Arrays.hashCode(choices)) * 31 + variant;
    }

    @Override
    public String toString() {
        return "point " + id + " " + Arrays.toString(choices) + (variant == 0 ? "" : " variant " + variant);
    }
}

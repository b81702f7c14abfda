package org.memdse.core.explore;

import java.util.Arrays;
import java.util.List;

/**
 * One point of a sweep: its id (the sampler's index; the CSV's {@code point} column) and, for
 * each parameter, the index of its value.
 *
 * @param id      0-based index in the plan
 * @param choices value index per parameter, in the plan's parameter order
 */
public record DesignPoint(long id, int[] choices) {
    public DesignPoint {
        if (id < 0) {
            throw new IllegalArgumentException("id must be >= 0");
        }
        choices = choices.clone();
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
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < choices.length; i++) {
            b.append(i == 0 ? "" : ", ").append(parameters.get(i).path()).append('=')
                    .append(parameters.get(i).values().get(choices[i]).label());
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DesignPoint p && p.id == id && Arrays.equals(p.choices, choices);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + Arrays.hashCode(choices);
    }

    @Override
    public String toString() {
        return "point " + id + " " + Arrays.toString(choices);
    }
}

package org.memdse.core.network;

import org.memdse.core.spec.Keyed;

/** The kind of a network node, as written after {@code kind:} in network YAML. */
public enum NodeKind implements Keyed {
    INPUT("input", Domain.BOUNDARY),
    CONV2D("conv2d", Domain.ANN),
    LINEAR("linear", Domain.ANN),
    MAX_POOL("max-pool", Domain.ANN),
    AVG_POOL("avg-pool", Domain.ANN),
    GLOBAL_AVG_POOL("global-avg-pool", Domain.ANN),
    GLOBAL_MAX_POOL("global-max-pool", Domain.ANN),
    ACTIVATION("activation", Domain.ANN),
    BATCH_NORM("batch-norm", Domain.ANN),
    ADD("add", Domain.ANN),
    CONCAT("concat", Domain.ANN),
    FLATTEN("flatten", Domain.ANN),
    RESHAPE("reshape", Domain.ANN),
    LSTM("lstm", Domain.ANN),
    GRU("gru", Domain.ANN),
    ENCODER("encoder", Domain.BOUNDARY),
    POPULATION("population", Domain.SNN),
    PROJECTION("projection", Domain.SNN),
    INTEGRATION("integration", Domain.BOUNDARY),
    /** product of two computed tensors (attention): digital MACs, or crossbars rewritten per input. */
    MATMUL("matmul", Domain.ANN),
    LAYER_NORM("layer-norm", Domain.ANN),
    EMBEDDING("embedding", Domain.ANN),
    ELEMENTWISE("elementwise", Domain.ANN),
    /** one index of one axis (a transformer's [CLS] token): data movement, no arithmetic. */
    SELECT("select", Domain.ANN),
    /** dynamic memristors with a masked, time-multiplexed input: the analog front end's reservoir array. */
    RESERVOIR("reservoir", Domain.BOUNDARY);

    /** Which part of a Fig. 4 system runs a node: CIM tiles, SNN cores, or the interfaces between. */
    public enum Domain { ANN, SNN, BOUNDARY }

    private final String key;
    private final Domain domain;

    NodeKind(String key, Domain domain) {
        this.key = key;
        this.domain = domain;
    }

    @Override
    public String key() {
        return key;
    }

    public Domain domain() {
        return domain;
    }
}

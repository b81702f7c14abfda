package org.memdse.core.mapping;

/**
 * A boundary node (input, encoder, integration, reservoir) placed on its interface block.
 *
 * @param id       unit id
 * @param node     node name
 * @param resource {@link ResourceKind#ENCODER}, {@link ResourceKind#INTEGRATION} or {@link ResourceKind#RESERVOIR}
 */
public record BoundaryUnit(int id, String node, ResourceKind resource) implements MappingUnit {
    public BoundaryUnit {
        if (resource != ResourceKind.ENCODER && resource != ResourceKind.INTEGRATION && resource != ResourceKind.RESERVOIR) {
            throw new IllegalArgumentException("a boundary unit sits on the encoder, the integration interface or a reservoir array");
        }
    }
}

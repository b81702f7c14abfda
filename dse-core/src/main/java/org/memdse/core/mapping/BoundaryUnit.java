package org.memdse.core.mapping;

/**
 * A boundary node (input, encoder, integration) placed on its interface block.
 *
 * @param id       unit id
 * @param node     node name
 * @param resource {@link ResourceKind#ENCODER} or {@link ResourceKind#INTEGRATION}
 */
public record BoundaryUnit(int id, String node, ResourceKind resource) implements MappingUnit {
    public BoundaryUnit {
        if (resource != ResourceKind.ENCODER && resource != ResourceKind.INTEGRATION) {
            throw new IllegalArgumentException("a boundary unit sits on the encoder or the integration interface");
        }
    }
}

package org.memdse.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.mapping.MappingReport;
import org.memdse.core.network.NetworkGraph;

/** The bundled networks on the bundled systems, with the sequential and random mappers. */
class BundledMappingTest {

    private static Mapping map(String mapper, String arch, String net) {
        Architecture a = Bundled.architecture(arch);
        NetworkGraph n = Bundled.network(net);
        MappingOutcome out = Mappers.byName(mapper).orElseThrow().map(a, n, MapperOptions.DEFAULT);
        assertThat(out).as(String.valueOf(out)).isInstanceOf(MappingOutcome.Mapped.class);
        return ((MappingOutcome.Mapped) out).mapping();
    }

    @Test
    void resnet18OnIsaacMapsSequentially() {
        Mapping m = map("sequential", "isaac-ce", "resnet18");
        MappingReport r = m.report();

        assertThat(r.feasible()).isTrue();
        assertThat(r.objective().tilesUsed()).isGreaterThanOrEqualTo(r.lowerBound().tilesUsed());
        assertThat(r.objective().trafficHops()).isGreaterThanOrEqualTo(r.lowerBound().trafficHops());
        assertThat(r.objective()).isEqualTo(r.baseline());
        // 3,115 blocks of 128x128 (8-bit weights, 2 bits/cell, offset encoding: 31 weights per
        // block) on 96 crossbars per tile: sequential filling meets the tile bound ⌈3115/96⌉ = 33.
        assertThat(r.objective().crossbarsUsed()).isEqualTo(3115);
        assertThat(r.objective().tilesUsed()).isEqualTo(33).isEqualTo(r.lowerBound().tilesUsed());
    }

    @Test
    void fig4HybridMapsSequentially() {
        Mapping m = map("sequential", "fig4-hybrid", "fig4-hybrid");

        assertThat(m.report().feasible()).isTrue();
    }
}

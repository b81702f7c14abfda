package org.memdse.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A key's compact place is the detached place of its value: the same position and path. */
class KeyPlacesTest {
    @Test
    void aKeysPlaceIsItsValuesDetachedPlace() {
        SpecNode root = SpecLoader.compose(SpecSource.ofText("k.yaml", "layers:\n  - {name: a, kind: x}\n  - name: b\n"
                + "    kernel: [3, 3]\n    stride: 2\n"), new SpecContext(new Diagnostics())).orElseThrow();
        SpecNode item = root.asMap().get("layers").orElseThrow().asList().get(1);
        SpecMap map = item.asMap();
        KeyPlaces.Builder places = new KeyPlaces.Builder();
        for (String key : List.of("name", "kernel", "stride", "name")) {
            places.add(key, map.get(key).orElseThrow());
        }
        Map<String, Located> built = places.build(item.detached());
        assertThat(built).hasSize(3).containsOnlyKeys("name", "kernel", "stride");
        for (String key : List.of("name", "kernel", "stride")) {
            Located expected = map.get(key).orElseThrow().detached();
            assertThat(built.get(key).position()).as(key).isEqualTo(expected.position());
            assertThat(built.get(key).path()).as(key).isEqualTo(expected.path()).isEqualTo("layers[1]." + key);
        }
        assertThat(built.get("padding")).isNull();
        assertThat(new KeyPlaces.Builder().build(item.detached())).isEmpty();
    }
}

package org.memdse.cost.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Component;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.Components;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.eval.Action;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.Fixtures;
import org.memdse.cost.spi.ModelQuery;

/** Every component of both bundled descriptions is priced by {@link ComponentModelRegistry#load()}. */
class BundledDescriptionsModelTest {
    private final ComponentModelRegistry registry = ComponentModelRegistry.load();

    private static Architecture read(String id) {
        return id.equals("isaac-ce") ? Fixtures.isaac() : Fixtures.fig4();
    }

    @ParameterizedTest
    @ValueSource(strings = {"isaac-ce", "fig4-hybrid"})
    void everyComponentGetsAModel(String id) {
        Architecture a = read(id);
        List<Component> components = Components.of(a);
        assertThat(components).isNotEmpty();
        for (Component c : components) {
            assertThatCode(() -> registry.modelFor(c, a)).as(c.path()).doesNotThrowAnyException();
            ComponentModel m = registry.modelFor(c, a);
            assertThat(m.area()).as(c.path()).isFinite().isGreaterThanOrEqualTo(0);
            assertThat(m.peakPower()).as(c.path()).isFinite().isGreaterThanOrEqualTo(0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"isaac-ce", "fig4-hybrid"})
    void everyModelledKindHasAProviderEvenWithoutFigures(String id) {
        // tile/core overheads exist only as published figures; everything else must have a model of its own
        Architecture a = read(id);
        for (Component c : Components.of(a)) {
            if (c.kind() == ComponentKind.TILE || c.kind() == ComponentKind.CORE) {
                continue;
            }
            assertThat(registry.providerFor(new ModelQuery(c, a))).as(c.path()).isPresent();
        }
    }

    @Test
    void isaacsLinkIsModelledWithOrWithoutFigures() {
        Architecture a = Fixtures.isaac();
        Component link = Components.of(a).stream().filter(c -> c.kind() == ComponentKind.LINK).findFirst().orElseThrow();
        Component bare = new Component(link.path(), link.subsystem(), link.kind(), link.spec(), link.count(),
                PublishedFigures.NONE);
        assertThat(registry.providerFor(new ModelQuery(bare, a)).orElseThrow().name()).isEqualTo("link-wire-repeated");
        assertThat(registry.modelFor(bare, a).energy(Action.TRANSFER)).isPositive();
    }

    /** Every description bundled now (the directory listing), not only the two named above. */
    static Stream<String> allBundled() throws IOException {
        try (Stream<Path> dirs = Files.list(Fixtures.ARCHITECTURES)) {
            return dirs.filter(d -> Files.exists(d.resolve("architecture.yaml"))).map(d -> d.getFileName().toString())
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("allBundled")
    void everyBundledDescriptionIsPriced(String id) {
        Architecture a = ArchitectureReader.read(Fixtures.ARCHITECTURES.resolve(id).resolve("architecture.yaml"));
        for (Component c : Components.of(a)) {
            assertThatCode(() -> registry.modelFor(c, a)).as(c.path()).doesNotThrowAnyException();
        }
    }
}

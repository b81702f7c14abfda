package org.memdse.cost.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Component;
import org.memdse.core.eval.NonFiniteResultException;
import org.memdse.cost.published.PublishedOverride;
import org.memdse.cost.spi.ActionCosts;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;
import org.memdse.cost.spi.Support;

/**
 * Chooses the model of each component: the supporting provider with the highest accuracy
 * (ties broken by name, so the choice is deterministic), then the component's published
 * figures on top. A component that only a paper describes (a tile's bus, a core's overhead)
 * may be priced by its figures alone.
 */
public final class ComponentModelRegistry {
    private final List<ComponentModelProvider> providers;

    public ComponentModelRegistry(List<ComponentModelProvider> providers) {
        List<ComponentModelProvider> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparing(ComponentModelProvider::name));
        this.providers = List.copyOf(sorted);
    }

    /**
     * The providers on the class path, found once: scanning the class path costs far more than
     * pricing a component, and sweeps (and the link model, which prices the tiles to size its
     * wires) ask for the registry on every design point. Providers are stateless.
     */
    public static ComponentModelRegistry load() {
        return ClassPath.REGISTRY;
    }

    /** Holder idiom: loaded on first use, safely published to every thread. */
    private static final class ClassPath {
        static final ComponentModelRegistry REGISTRY = scan();

        private static ComponentModelRegistry scan() {
            List<ComponentModelProvider> found = new ArrayList<>();
            ServiceLoader.load(ComponentModelProvider.class, ComponentModelRegistry.class.getClassLoader()).forEach(found::add);
            return new ComponentModelRegistry(found);
        }
    }

    public List<ComponentModelProvider> providers() {
        return providers;
    }

    /** The chosen provider for a component, if any supports it. */
    public java.util.Optional<ComponentModelProvider> providerFor(ModelQuery query) {
        ComponentModelProvider best = null;
        int bestAccuracy = 0;
        for (ComponentModelProvider p : providers) {
            Support s = p.supports(query);
            if (s.supported() && s.accuracy() > bestAccuracy) {
                best = p;
                bestAccuracy = s.accuracy();
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /**
     * The model of a component with its published figures applied.
     *
     * @throws NoModelException when no provider supports it and it carries no figures
     */
    public ComponentModel modelFor(Component component, Architecture architecture) {
        ModelQuery query = new ModelQuery(component, architecture);
        java.util.Optional<ComponentModelProvider> provider = providerFor(query);
        if (provider.isPresent()) {
            try {
                return PublishedOverride.apply(ActionCosts.of(provider.get().create(query)), component.figures(),
                        component.kind());
            } catch (NonFiniteResultException e) {
                throw new NonFiniteResultException(e.quantity() + " of " + component.path() + " (cost model "
                        + provider.get().name() + ")", e.value());
            }
        }
        if (!component.figures().isEmpty()) {
            ActionCosts nothing = new ActionCosts(0, 0, 0, java.util.Map.of(), java.util.Map.of());
            return PublishedOverride.apply(nothing, component.figures(), component.kind());
        }
        throw new NoModelException("no cost model for " + component.path() + " (" + component.kind().key()
                + ") and no published figures (area, energy, power, leakage_power, latency) on it: "
                + refusals(query) + "; give the component published figures to price it without a model");
    }

    /**
     * Why no model can price a component, or empty when one can (a supporting provider, or
     * published figures of its own): what {@code memdse validate} reports before any evaluation.
     */
    public java.util.Optional<String> refusal(Component component, Architecture architecture) {
        ModelQuery query = new ModelQuery(component, architecture);
        if (!component.figures().isEmpty() || providerFor(query).isPresent()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(refusals(query));
    }

    /**
     * The refusals of the providers of the component's kind ("adc-survey: flash ADC with 12 bits:
     * ..."), joined; the providers of other kinds, which only say "not an ADC", are left out.
     */
    private String refusals(ModelQuery query) {
        java.util.List<String> reasons = new ArrayList<>();
        for (ComponentModelProvider p : providers) {
            Support s = p.supports(query);
            if (!s.supported() && !s.otherKind()) {
                reasons.add(p.name() + ": " + s.reason());
            }
        }
        return reasons.isEmpty() ? "no model prices " + query.component().kind().key() + " components"
                : String.join("; ", reasons);
    }
}

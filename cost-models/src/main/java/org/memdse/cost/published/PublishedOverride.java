package org.memdse.cost.published;

import java.util.EnumMap;
import java.util.Map;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.eval.Action;
import org.memdse.cost.spi.ActionCosts;
import org.memdse.cost.spi.ComponentModel;

/**
 * "A figure given in the architecture YAML overrides the model": one rule applied to every
 * model, not an {@code if} in each. Each given figure replaces the model's value; figures not
 * given keep the model's. A published {@code power} (the instance busy at full rate) with no
 * published {@code energy} gives the main action's energy as power × latency, the same
 * derivation ISAAC's readers use (2 mW / 1.2 GS/s = 1.667 pJ per conversion,
 * published-figures.md §1.4).
 */
public final class PublishedOverride {
    private PublishedOverride() {
    }

    /** The action a published {@code energy}/{@code latency} refers to, per kind. */
    public static Action mainAction(ComponentKind kind) {
        return switch (kind) {
            case CROSSBAR, ARRAY_PERIPHERY, BUFFER -> Action.READ;
            case LEVEL_SHIFTER -> Action.WRITE;
            case ADC, INTERFACE -> Action.CONVERT;
            case DAC -> Action.DRIVE;
            case SAMPLE_HOLD -> Action.SAMPLE;
            case SHIFT_ADD, DIGITAL, TILE, CORE, POWER_SWITCH -> Action.COMPUTE;
            case NEURON -> Action.UPDATE;
            case SYNAPSE -> Action.SYNAPTIC_EVENT;
            case ENCODER -> Action.ENCODE;
            case RESERVOIR -> Action.PULSE;
            case ROUTER, SPIKE_ROUTER -> Action.TRAVERSE;
            case LINK, CHIP_LINK, TILE_WIRING, GLOBAL_BUS -> Action.TRANSFER;
        };
    }

    /** The model with the published figures put in; the model itself if there are none. */
    public static ComponentModel apply(ComponentModel model, PublishedFigures figures, ComponentKind kind) {
        if (figures.isEmpty()) {
            return model;
        }
        Action main = mainAction(kind);
        Map<Action, Double> energy = new EnumMap<>(Action.class);
        Map<Action, Double> latency = new EnumMap<>(Action.class);
        for (Action a : model.actions()) {
            energy.put(a, model.energy(a));
            latency.put(a, model.latency(a));
        }
        double area = figures.area().orElse(model.area());
        double leakage = figures.leakagePower().orElse(model.leakagePower());
        double mainLatency = figures.latency().orElse(latency.getOrDefault(main, 0.0));
        if (figures.latency().isPresent() || latency.containsKey(main)) {
            latency.put(main, mainLatency);
        }
        if (figures.energy().isPresent()) {
            energy.put(main, figures.energy().getAsDouble());
            if (kind == ComponentKind.BUFFER) {
                // A buffer's published energy is per access, read or write (CACTI reports both alike).
                energy.put(Action.WRITE, figures.energy().getAsDouble());
            }
        } else if (figures.power().isPresent() && mainLatency > 0) {
            // Dynamic energy of one action: the busy power less leakage, over the action's duration.
            energy.put(main, Math.max(0, figures.power().getAsDouble() - leakage) * mainLatency);
        }
        double peak;
        if (figures.power().isPresent()) {
            peak = figures.power().getAsDouble();
            leakage = Math.min(leakage, peak);
        } else if (figures.energy().isPresent() && mainLatency > 0) {
            peak = leakage + figures.energy().getAsDouble() / mainLatency;
        } else {
            peak = Math.max(model.peakPower() - model.leakagePower(), 0) + leakage;
        }
        return new ActionCosts(area, leakage, peak, energy, latency);
    }
}

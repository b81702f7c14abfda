package org.memdse.core.arch;

import java.util.List;
import java.util.Optional;

/**
 * A whole system as a YAML description gives it: technology, the devices and templates it
 * names once, the Fig. 4 subsystems that instantiate them, and the interconnect. Immutable;
 * references are resolved (a crossbar holds its {@link Device}, a tile array its {@link Template}).
 *
 * @param name         identifier of the system
 * @param description  free text (may be empty)
 * @param technology   process technology
 * @param devices      the devices, in the order written
 * @param templates    the templates, in the order written
 * @param subsystems   the subsystems, in the order written
 * @param interconnect the interconnect
 * @param powerGating  whether idle tiles and cores are switched off ({@link PowerGating#NONE}: never)
 * @param board        the chips of a multi-chip system and how they are wired; empty for one chip
 */
public record Architecture(String name, String description, Technology technology, List<Device> devices,
                           List<Template> templates, List<Subsystem> subsystems, Interconnect interconnect,
                           PowerGating powerGating, Optional<Board> board) {
    public Architecture {
        Checks.notNull("name", name);
        Checks.notNull("description", description);
        Checks.notNull("technology", technology);
        devices = List.copyOf(devices);
        templates = List.copyOf(templates);
        subsystems = List.copyOf(subsystems);
        Checks.notNull("interconnect", interconnect);
        Checks.notNull("powerGating", powerGating);
        Checks.notNull("board", board);
    }

    /** A one-chip system. */
    public Architecture(String name, String description, Technology technology, List<Device> devices,
                        List<Template> templates, List<Subsystem> subsystems, Interconnect interconnect,
                        PowerGating powerGating) {
        this(name, description, technology, devices, templates, subsystems, interconnect, powerGating, Optional.empty());
    }

    /** A system without power gating. */
    public Architecture(String name, String description, Technology technology, List<Device> devices,
                        List<Template> templates, List<Subsystem> subsystems, Interconnect interconnect) {
        this(name, description, technology, devices, templates, subsystems, interconnect, PowerGating.NONE);
    }

    /** The same system on another technology (a derived clock, for instance). */
    public Architecture withTechnology(Technology other) {
        return new Architecture(name, description, other, devices, templates, subsystems, interconnect, powerGating, board);
    }

    /** The same system as one chip (its board dropped): what every chip of a multi-chip system is. */
    public Architecture singleChip() {
        return board.isEmpty() ? this
                : new Architecture(name, description, technology, devices, templates, subsystems, interconnect, powerGating);
    }

    /** Chips in the system: the board's, else 1. */
    public int chips() {
        return board.map(Board::chips).orElse(1);
    }

    public Optional<Subsystem> subsystem(String subsystemName) {
        return subsystems.stream().filter(s -> s.name().equals(subsystemName)).findFirst();
    }

    /** Every array of tiles or cores. */
    public List<TileArray> tileArrays() {
        return subsystems.stream().filter(TileArray.class::isInstance).map(TileArray.class::cast).toList();
    }

    /**
     * Where the network's products of two computed tensors run: as the first CIM tile array's
     * template says (the mapper cuts every crossbar block to that array's crossbars, and the reader
     * requires every CIM tile array to say the same); digital without CIM tiles.
     */
    public ActivationProducts activationProducts() {
        for (TileArray t : tileArrays()) {
            if (t.template() instanceof CimTileTemplate cim) {
                return cim.activationProducts();
            }
        }
        return ActivationProducts.DIGITAL;
    }

    /** Endpoints on the on-chip network: every tile and core, and one per other block. */
    public int networkEndpoints() {
        return subsystems.stream().mapToInt(Subsystem::networkEndpoints).sum();
    }

    /** Counts of everything in the system (what {@code memdse describe} prints). */
    public ArchitectureSummary summary() {
        return ArchitectureSummary.of(this);
    }
}

package org.memdse.cost.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Component;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.Device;
import org.memdse.core.arch.DeviceKind;
import org.memdse.core.arch.Interconnect;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.Technology;
import org.memdse.core.arch.Topology;
import org.memdse.core.arch.read.ArchitectureReader;

/** Architectures, devices and queries for the cost-model tests. */
public final class Fixtures {
    /** The bundled descriptions, read from the architectures module's sources (no Maven cycle). */
    public static final Path ARCHITECTURES =
            Path.of("../architectures/src/main/resources/org/memdse/architectures/architectures");

    private Fixtures() {
    }

    public static Architecture isaac() {
        return ArchitectureReader.read(ARCHITECTURES.resolve("isaac-ce/architecture.yaml"));
    }

    public static Architecture fig4() {
        return ArchitectureReader.read(ARCHITECTURES.resolve("fig4-hybrid/architecture.yaml"));
    }

    public static Technology tech(double nodeNm, double vdd) {
        return new Technology(nodeNm * 1e-9, vdd, 1e9);
    }

    /** ISAAC's technology as the anchors assume it: 32 nm, 1.0 V, 1 GHz. */
    public static Technology isaacTech() {
        return tech(32, 1.0);
    }

    /** Horowitz ISSCC 2014: 45 nm, 0.9 V. */
    public static Technology horowitzTech() {
        return tech(45, 0.9);
    }

    public static OnChipNetwork mesh(double flitBits, OptionalDouble linkLength) {
        return new OnChipNetwork(Topology.MESH, 4, OptionalInt.empty(), OptionalInt.empty(), flitBits, linkLength,
                PublishedFigures.NONE, PublishedFigures.NONE);
    }

    /** A system with only a technology (no subsystems, no devices). */
    public static Architecture bare(Technology t) {
        return new Architecture("bare", "", t, List.of(), List.of(), List.of(),
                new Interconnect(mesh(32, OptionalDouble.empty()), Optional.empty(), Optional.empty()));
    }

    public static Architecture withTech(Architecture a, Technology t) {
        return new Architecture(a.name(), a.description(), t, a.devices(), a.templates(), a.subsystems(), a.interconnect());
    }

    /** NeuroSim V1.3's HfO2 RRAM as in the bundled device file: 100 kOhm / 10 MOhm, 0.5 V, 10 ns. */
    public static Device rram() {
        return new Device("hfo2-rram", DeviceKind.RRAM, 100e3, 10e6, 4, 0.5, 10e-9, 0, 1e-12, 50e-9, 1e6, 0.05, false);
    }

    public static ModelQuery query(ComponentKind kind, Object spec, Architecture a) {
        return query(kind, spec, "x", a);
    }

    public static ModelQuery query(ComponentKind kind, Object spec, String subsystem, Architecture a) {
        return new ModelQuery(new Component(subsystem + "." + kind.key(), subsystem, kind, spec, 1, PublishedFigures.NONE), a);
    }
}

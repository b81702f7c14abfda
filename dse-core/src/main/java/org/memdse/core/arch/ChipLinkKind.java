package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/**
 * The physical kind of a chip-to-chip link; each has a published energy per bit and latency the
 * chip-link model takes as its default (docs/reference/communication.md §3).
 */
public enum ChipLinkKind implements Keyed {
    /** Serial transceivers over a board (ISAAC's HyperTransport). */
    SERDES("serdes"),
    /** Slow parallel, asynchronous pads (TrueNorth's chip-to-chip links). */
    PARALLEL("parallel"),
    /** UCIe on a standard package (100-130 um bumps). */
    UCIE_2D("ucie-2d"),
    /** UCIe advanced package: a 2.5D silicon interposer or bridge (25-55 um bumps). */
    INTERPOSER_2_5D("interposer-2.5d"),
    /** 3D hybrid bonding (below 10 um pitch). */
    BONDING_3D("3d-bonding"),
    /** Optical I/O: no published per-bit figure was found, so a description must give its energy. */
    OPTICAL("optical");

    private final String key;

    ChipLinkKind(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}

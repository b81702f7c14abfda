package org.memdse.cost.evaluator;

import java.util.List;
import org.memdse.core.arch.InputLoading;
import org.memdse.core.eval.Action;
import org.memdse.core.eval.LatencyCause;
import org.memdse.core.network.NodeStats;

/**
 * Where activations wait: the tile buffers every crossbar and digital layer reads its inputs from
 * and writes its outputs to, and the chip's global buffer crossbar layers are fed from. Writes
 * their energy and how long the accesses take.
 */
public final class StoragePass implements EvaluationPass {
    @Override
    public String name() {
        return "storage";
    }

    @Override
    public void run(MappedNetwork view, EvaluationLedger ledger) {
        int activationBits = view.network().activationBits();
        for (int i = 0; i < view.size(); i++) {
            MappedNetwork.NodeWork work = view.work(i);
            if (work instanceof MappedNetwork.CrossbarLayer x) {
                crossbarLayer(i, x, view.stats(i), activationBits, view.costs(), ledger);
            } else if (work instanceof MappedNetwork.DigitalLayer d) {
                digitalLayer(i, d, view.stats(i), activationBits, ledger);
            }
        }
    }

    /**
     * Input bits move from the tile buffer to the arrays: each activation read once, or with
     * {@code input_loading: per-window} the whole window (the weight matrix's rows) for every
     * vector, written into the tile's input buffer and read out to the PEs, as DNN+NeuroSim V1.3
     * Tile.cpp counts them (inputBuffer read and write of numBitToLoadOut = weightMatrixRow x
     * numInVector). Outputs are written back, unless they stay analog; analog inputs are not read.
     * One access moves the buffer's width. The global buffer, if any, supplies the same input bits
     * and takes the outputs.
     */
    private static void crossbarLayer(int i, MappedNetwork.CrossbarLayer x, NodeStats stats, int activationBits,
                                      ArchitectureCosts costs, EvaluationLedger ledger) {
        ArchitectureCosts.CimSubsystem c = x.cim();
        boolean perWindow = c.template.inputLoading() == InputLoading.PER_WINDOW;
        double inputBits = perWindow
                ? x.vectors() * (double) x.matrixRows() * activationBits
                : stats.inputActivations() * (double) activationBits;
        double inputAccessBits = x.analogIn() ? 0 : perWindow ? 2 * inputBits : inputBits;
        if (c.buffer != null) {
            if (!x.analogIn()) {
                ledger.charge(i, c.buffer, Action.READ, Math.ceil(inputBits / c.bufferWidthBits));
                if (perWindow) {
                    ledger.charge(i, c.buffer, Action.WRITE, Math.ceil(inputBits / c.bufferWidthBits));
                }
            }
            if (!x.analogOut()) {
                ledger.charge(i, c.buffer, Action.WRITE,
                        Math.ceil(stats.outputActivations() * (double) activationBits / c.bufferWidthBits));
            }
        }
        double outputBits = x.analogOut() ? 0 : stats.outputActivations() * (double) activationBits;
        ledger.addDuration(i, LatencyCause.BUFFER, bufferTime(c, inputAccessBits, outputBits, x.tileShares()));
        ledger.addDuration(i, LatencyCause.GLOBAL_BUFFER,
                globalBuffer(i, costs, x.analogIn() ? 0 : inputBits, outputBits, ledger));
    }

    /** Element-wise work reads its inputs and writes its outputs through the buffers of every tile. */
    private static void digitalLayer(int i, MappedNetwork.DigitalLayer d, NodeStats stats, int activationBits,
                                     EvaluationLedger ledger) {
        ArchitectureCosts.CimSubsystem c = d.cim();
        if (c.buffer != null) {
            ledger.charge(i, c.buffer, Action.READ,
                    Math.ceil(stats.inputActivations() * (double) activationBits / c.bufferWidthBits));
            ledger.charge(i, c.buffer, Action.WRITE,
                    Math.ceil(stats.outputActivations() * (double) activationBits / c.bufferWidthBits));
        }
        ledger.addDuration(i, LatencyCause.BUFFER, bufferTime(c, stats.inputActivations() * (double) activationBits,
                stats.outputActivations() * (double) activationBits, d.tiles()));
    }

    /**
     * A crossbar layer's tiles load their own inputs and write their own outputs in parallel, each
     * through its buffer; the layer waits for the busiest (DNN+NeuroSim Chip.cpp: a layer's
     * bufferLatency is the MAX over its tiles). Each moves {@code width} bits per access:
     * t = max over tiles (⌈read bits · input share / width⌉ + ⌈written bits · output share / width⌉)
     * · t_access. A tile holding more rows of the matrix loads more inputs; tiles holding the same
     * rows and other columns load the same inputs again, side by side.
     */
    static double bufferTime(ArchitectureCosts.CimSubsystem c, double readBits, double writtenBits,
                             List<MappedNetwork.TileShare> tiles) {
        if (c == null || c.buffer == null || tiles.isEmpty()) {
            return 0;
        }
        double width = c.bufferWidthBits;
        double accesses = 0;
        for (MappedNetwork.TileShare t : tiles) {
            accesses = Math.max(accesses,
                    Math.ceil(readBits * t.inputs() / width - 1e-9) + Math.ceil(writtenBits * t.outputs() / width - 1e-9));
        }
        return accesses * c.buffer.model().latency(Action.READ);
    }

    /**
     * Layer-by-layer execution: a layer's inputs are read from the tile buffer before its
     * arrays can use them and its outputs written back before the next layer starts (NeuroSim
     * counts this buffer time serially: 1.0 of its 1.456 ms for VGG-8, published-figures.md
     * §3.1). The bits are spread over the buffers of the {@code tiles} the layer runs on, which
     * work in parallel; each buffer moves {@code width} bits per access of its READ latency:
     * t = (⌈read bits / (width · tiles)⌉ + ⌈written bits / (width · tiles)⌉) · t_access.
     */
    static double bufferTime(ArchitectureCosts.CimSubsystem c, double readBits, double writtenBits, long tiles) {
        if (c == null || c.buffer == null || tiles <= 0) {
            return 0;
        }
        double perAccess = c.bufferWidthBits * tiles;
        double access = c.buffer.model().latency(Action.READ);
        return (Math.ceil(readBits / perAccess) + Math.ceil(writtenBits / perAccess)) * access;
    }

    /**
     * The chip's global buffer, when it has one: a crossbar layer's inputs are read from it
     * (the same bits the tile's input loading moves: each activation once, or every window
     * with {@code per-window}, as NeuroSim's Chip.cpp counts numBitToLoadOut) and its outputs
     * written back, one line of the buffer's width per READ/WRITE action, {@code banks} lines
     * per access, serially with the layer: t = (⌈read bits / (banks · width)⌉ + ⌈written bits /
     * (banks · width)⌉) · t_access; the bits also cross the buffer's bus. No global buffer: no time,
     * no energy.
     */
    private static double globalBuffer(int i, ArchitectureCosts costs, double readBits, double writtenBits,
                                       EvaluationLedger ledger) {
        PricedComponent g = costs.globalBuffer();
        if (g == null) {
            return 0;
        }
        double width = costs.globalBufferWidthBits();
        ledger.charge(i, g, Action.READ, Math.ceil(readBits / width));
        ledger.charge(i, g, Action.WRITE, Math.ceil(writtenBits / width));
        double perAccess = costs.globalBufferBitsPerAccess();
        // The same bits cross the buffer's bus to and from the tiles.
        ledger.charge(i, costs.globalBus(), Action.TRANSFER, (readBits + writtenBits) / perAccess);
        return (Math.ceil(readBits / perAccess) + Math.ceil(writtenBits / perAccess)) * g.model().latency(Action.READ);
    }
}

package org.memdse.cost.evaluator;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.memdse.core.arch.CellType;
import org.memdse.core.arch.Crossbars;
import org.memdse.core.arch.Device;
import org.memdse.core.arch.GlobalBuffer;
import org.memdse.core.arch.DeviceWrite;
import org.memdse.core.arch.GradientUnit;
import org.memdse.core.arch.Learning;
import org.memdse.core.arch.LearningRule;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.Subsystem;
import org.memdse.core.arch.TileArray;
import org.memdse.core.arch.UpdateScheme;
import org.memdse.core.eval.Action;
import org.memdse.core.eval.Breakdown;
import org.memdse.core.eval.EvaluationMode;
import org.memdse.core.eval.LearningFigures;
import org.memdse.core.network.Conv2d;
import org.memdse.core.network.NodeStats;
import org.memdse.core.network.WeightMatrix;
import org.memdse.cost.conversion.AdcModelProvider;
import org.memdse.cost.learning.SramGradientUnit;
import org.memdse.cost.learning.UpdateCurve;
import org.memdse.cost.learning.VerifyLoop;
import org.memdse.cost.scaling.TechnologyScaling;

/**
 * Learning on the chip (issue 14; sources and derivations in docs/reference/learning.md). Runs
 * after timing and static power, reading the inference they priced as the forward pass.
 *
 * <p><b>Training</b> (layers on CIM tiles whose rule is in-situ-backprop), DNN+NeuroSim V2.1's
 * scheme (manual §5.2-5.3): per sample the forward pass (the inference), the error pass as
 * transposed reads of the same arrays (the same reads and conversions as forward, every learning
 * layer but the network's first, through converters added along the rows), the weight gradient (one
 * MAC per weight per output position on a digital unit, NeuroSim's SRAM CIM unit
 * ({@link SramGradientUnit}), or off chip) and, with DRAM staging, each learning layer's inputs and
 * errors written to DRAM and read back, and a layer's weight gradients, when they do not fit the
 * global buffer, written out and read back to be summed over the batch (NeuroSim's Chip.cpp: "limited
 * by global buffer, the weight gradient will be sent to DRAM and then grab back to be accumulated
 * across batch"); per batch the weight update, written row by row with SET and
 * RESET phases (NeuroSim's GetWriteUpdateEstimation), plus verify reads for write-verify. The
 * steps run one after another (no pipelining, as NeuroSim), and leakage flows all the time.
 *
 * <p><b>Online learning</b> (projections on SNN cores with a spiking rule): every synapse is
 * updated event_rate times a second; one update is the pulses of one cell.
 *
 * <p>Per pulse a cell takes V² G t with G the mean of the range (NeuroSim's cell energy; a device's
 * published write_energy wins); a bare cross-point array (1R) also charges the cells of the
 * selected column at V/2, (V/2)² G t each (NeuroSim's half-select term). Pulses per update:
 * the update's device steps × {@link UpdateCurve#pulsesPerStep} of the SET or RESET curve;
 * a row waits for its slowest cell, whose steps the device-to-device spread d2d stretches by
 * 1 + d2d √(2 ln C) (the expected largest of C Gaussian draws).
 */
public final class LearningPass implements EvaluationPass {
    /**
     * One 8-bit multiply-accumulate at 45 nm, 0.9 V: 0.2 pJ multiply + 0.03 pJ add (Horowitz,
     * ISSCC 2014, "Computing's energy problem"; docs/reference/learning.md §M), scaled to the node.
     */
    static final double MAC_ENERGY_45NM = 0.23e-12;
    /** DRAM energy per bit: HBM2, 3.9 pJ/bit (DNN+NeuroSim V2.1 DRAM.cpp, dramType 2, its default). */
    static final double DRAM_ENERGY_PER_BIT = 3.9e-12;
    /** DRAM bandwidth: HBM2 as DNN+NeuroSim V2.1 DRAM.cpp gives it, 15.2e12 bit/s. */
    static final double DRAM_BITS_PER_SECOND = 15.2e12;
    /**
     * One 32-bit add at 45 nm, 0.9 V: 0.1 pJ and 137 µm² (Horowitz ISSCC 2014, as the digital units'
     * accumulator, docs/reference/learning.md §M); a b-bit gradient accumulator takes b/32 of it.
     */
    static final double ADD32_ENERGY_45NM = 0.1e-12;
    static final double ADD32_AREA_45NM = 137e-12;
    /**
     * SRAM access energy per bit at 45 nm, 0.9 V: 10 pJ per 64-bit access of an 8 KB array
     * (Horowitz ISSCC 2014, docs/reference/learning.md §M): what the gradient unit pays per bit written.
     */
    static final double SRAM_BIT_ENERGY_45NM = 10e-12 / 64;
    /** Bits of an activation, error or weight update staged off chip (NeuroSim's 8-bit training data). */
    static final int STAGED_BITS = 8;

    private final EvaluationMode mode;

    public LearningPass(EvaluationMode mode) {
        this.mode = mode;
    }

    @Override
    public String name() {
        return "learning";
    }

    @Override
    public void run(MappedNetwork view, EvaluationLedger ledger) {
        if (mode == EvaluationMode.TRAINING) {
            ledger.learning(training(view, ledger));
        } else if (mode == EvaluationMode.ONLINE_LEARNING) {
            ledger.learning(online(view, ledger));
        }
    }

    /** What one weight update costs on one layer's blocks. */
    record LayerUpdate(double energyWrite, double energyVerify, double timeWrite, double timeVerify, double cellsWritten,
                       double pulses, double busiestPulses, double writeShare, double sigmaLevels) {
    }

    private static LearningFigures training(MappedNetwork view, EvaluationLedger ledger) {
        double forwardDynamic = ledger.dynamicEnergy();
        double forwardTime = ledger.latency();
        double errorE = 0;
        double errorT = 0;
        double gradE = 0;
        double gradT = 0;
        double dramE = 0;
        double dramT = 0;
        double bufferE = 0;
        double bufferT = 0;
        double writeE = 0;
        double writeT = 0;
        double verifyE = 0;
        double verifyT = 0;
        double cellsWritten = 0;
        double pulses = 0;
        double busiest = 0;
        double worstRate = 0;
        double sigmaWeighted = 0;
        double learnMacs = 0;
        long updatesPerEpoch = 1;
        long samples = 1;
        boolean firstCrossbar = true;
        double node = view.costs().architecture().technology().nodeMeters();
        double vdd = view.costs().architecture().technology().vdd();
        double clock = view.costs().architecture().technology().clockHz();
        boolean selfTimed = view.costs().architecture().technology().selfTimed();
        double macEnergy = MAC_ENERGY_45NM * TechnologyScaling.energyFactor(45e-9, 0.9, node, vdd);
        double scale45 = TechnologyScaling.energyFactor(45e-9, 0.9, node, vdd);
        double areaScale45 = (node / 45e-9) * (node / 45e-9);
        SramGradientUnit unit = sramUnit(view);
        double bufferBits = globalBufferBits(view);
        double accumulatorBits = 0;
        double transposedArea = 0;
        java.util.Set<String> transposed = new java.util.HashSet<>();
        MappedNetwork.CrossbarLayer unitHost = null;
        for (int i = 0; i < view.size(); i++) {
            if (!(view.work(i) instanceof MappedNetwork.CrossbarLayer x)
                    || view.node(i) instanceof org.memdse.core.network.MatMul) {
                continue; // a rewritten product's operand is no weight: nothing to train
            }
            boolean first = firstCrossbar;
            firstCrossbar = false;
            Learning l = x.cim().template.learning();
            Optional<DeviceWrite> write = x.cim().macro.crossbars().device().write();
            if (l.rule() != LearningRule.IN_SITU_BACKPROP || write.isEmpty()) {
                continue;
            }
            updatesPerEpoch = l.updatesPerEpoch();
            samples = l.samplesPerEpoch();
            NodeStats stats = view.stats(i);
            learnMacs += stats.macs();
            if (!first) {
                // The error pass reads the same arrays transposed: the same reads and conversions.
                errorE += ledger.layerEnergy(i);
                errorT += ledger.layerLatency(i);
            }
            Crossbars xb = x.cim().macro.crossbars();
            if (transposed.add(x.cim().name)) {
                // The error pass reads the rows: converters (and their shift-adders) along the rows as along the columns.
                double rowsPerCol = (double) xb.rows() / xb.cols();
                transposedArea += rowsPerCol * ((x.cim().adc == null ? 0 : x.cim().adc.area())
                        + (x.cim().shiftAdd == null ? 0 : x.cim().shiftAdd.area()));
            }
            int gradientBits = 2 * STAGED_BITS;
            if (l.gradientUnit() == GradientUnit.SRAM_CIM && unit != null) {
                SramGradientUnit.Work w = unit.layer(positions(stats), channelsPerTap(view, i, stats),
                        taps(view, i), stats.weights().map(WeightMatrix::cols).orElse(1), STAGED_BITS);
                Converter4 c = Converter4.of(x);
                gradE += w.conversions() * (c.energy + c.shiftAddEnergy) + w.bitsWritten() * SRAM_BIT_ENERGY_45NM * scale45;
                // Rows are written one per clock; a read converts every column group once: a clock cycle,
                // or with self-timed reads its converter's own time (V2.1 WeightGradientUnit.cpp
                // CalculateLatency: numRowMuxedWG x numBitInput multi-level sense-amplifier conversions per read).
                gradT += selfTimed
                        ? (w.cycles() - w.readCycles()) / clock + w.readCycles() * AdcModelProvider.flashConversionTime(
                                SramGradientUnit.ADC_BITS, view.costs().architecture().technology())
                        : w.cycles() / clock;
                gradientBits = w.gradientBits();
                unitHost = unitHost == null ? x : unitHost;
            } else if (l.gradientUnit() != GradientUnit.OFF_CHIP) {
                gradE += stats.macs() * macEnergy;
                // The gradient unit does one array's worth of MACs per clock on each tile holding the layer.
                gradT += stats.macs() / ((double) xb.rows() * xb.cols() * Math.max(1, x.tiles())) / clock;
                // Exact sums: two 8-bit factors and one bit per doubling of the output positions summed.
                gradientBits = 2 * STAGED_BITS + (int) Math.ceil(Math.log(Math.max(1, positions(stats))) / Math.log(2) - 1e-9);
            }
            if (l.gradientUnit() != GradientUnit.OFF_CHIP) {
                // Each sample's gradient is added into the batch's sum: one add per weight.
                int sumBits = gradientBits + (int) Math.ceil(Math.log(l.batchSize()) / Math.log(2) - 1e-9);
                gradE += stats.params() * ADD32_ENERGY_45NM * sumBits / 32.0 * scale45;
                accumulatorBits = Math.max(accumulatorBits, sumBits);
            }
            double staged = 0;
            if (l.offChipStaging() || l.gradientUnit() == GradientUnit.OFF_CHIP) {
                // Inputs and errors written to DRAM in the forward and error passes, read back for the gradient.
                staged += 2.0 * (stats.inputActivations() + stats.outputActivations()) * STAGED_BITS;
            }
            if (l.gradientUnit() == GradientUnit.OFF_CHIP) {
                // The weight updates come back once per batch: per sample, 1/batch of them.
                staged += (double) stats.params() * STAGED_BITS / l.batchSize();
            } else if (l.offChipStaging() && (double) stats.params() * gradientBits > bufferBits) {
                // The layer's gradients do not fit the global buffer: each sample's go out and come back to be summed.
                staged += 2.0 * stats.params() * gradientBits;
                // On their way they pass the global buffer twice, each time written into it and read out of it
                // (DNN+NeuroSim V2.1 Chip.cpp ChipCalculatePerformance: "weight gradient need to be send back to
                // DRAM" and "need to load weight gradient data from DRAM back to chip", each a globalBuffer read
                // and write of dataLoadWeight bits), over the buffer's bus as every buffer access.
                GradientTraffic g = GradientTraffic.of(view.costs(), 2.0 * stats.params() * gradientBits);
                bufferE += g.energy();
                bufferT += g.time();
            }
            dramE += staged * DRAM_ENERGY_PER_BIT;
            dramT += staged / DRAM_BITS_PER_SECOND;
            LayerUpdate u = update(x, l, write.get(), xb.device());
            writeE += u.energyWrite();
            verifyE += u.energyVerify();
            writeT += u.timeWrite();
            verifyT += u.timeVerify();
            cellsWritten += u.cellsWritten();
            pulses += u.pulses() * u.cellsWritten();
            sigmaWeighted += u.sigmaLevels() * u.cellsWritten();
            busiest = Math.max(busiest, u.busiestPulses());
            worstRate = Math.max(worstRate, u.busiestPulses() * u.writeShare() / write.get().endurance());
        }
        double areaAdded = transposedArea;
        if (unitHost != null) {
            Converter4 c = Converter4.of(unitHost);
            areaAdded += unit.cells() * SramGradientUnit.CELL_AREA_F2 * node * node
                    + unit.converters() * (c.area + c.shiftAddArea);
        }
        if (accumulatorBits > 0) {
            // As many batch-sum adders as the global buffer holds sums (NeuroSim's gradient buffer is at least
            // the inference buffer: bufferOverHeadConstraint 1).
            double adders = bufferBits / accumulatorBits;
            areaAdded += adders * ADD32_AREA_45NM * accumulatorBits / 32.0 * areaScale45;
        }
        double s = samples;
        double u = updatesPerEpoch;
        // The staging phase: the DRAM transfers and the gradients' passes through the global buffer.
        dramE += bufferE;
        dramT += bufferT;
        double timeEpoch = s * (forwardTime + errorT + gradT + dramT) + u * (writeT + verifyT);
        double leak = ledger.staticPower() * timeEpoch;
        Map<String, Double> energy = new HashMap<>();
        energy.put(LearningFigures.FORWARD, s * forwardDynamic);
        energy.put(LearningFigures.ERROR, s * errorE);
        energy.put(LearningFigures.GRADIENT, s * gradE);
        energy.put(LearningFigures.DRAM, s * dramE);
        energy.put(LearningFigures.WRITE, u * writeE);
        energy.put(LearningFigures.VERIFY, u * verifyE);
        energy.put(LearningFigures.STATIC, leak);
        Map<String, Double> time = new HashMap<>();
        time.put(LearningFigures.FORWARD, s * forwardTime);
        time.put(LearningFigures.ERROR, s * errorT);
        time.put(LearningFigures.GRADIENT, s * gradT);
        time.put(LearningFigures.DRAM, s * dramT);
        time.put(LearningFigures.WRITE, u * writeT);
        time.put(LearningFigures.VERIFY, u * verifyT);
        Breakdown e = new Breakdown(energy);
        double epochE = e.total();
        // Epochs until the busiest cell has taken its endurance's pulses (its updates at its write share).
        double epochs = worstRate > 0 ? 1 / (u * worstRate) : 0;
        double ops = s * 2 * ((double) view.macs() + 2 * learnMacs);
        return new LearningFigures(EvaluationMode.TRAINING, epochE / s, timeEpoch / s, epochE / u, timeEpoch / u,
                epochE, timeEpoch, e, new Breakdown(time), cellsWritten,
                cellsWritten > 0 ? pulses / cellsWritten : 0, busiest,
                cellsWritten > 0 ? (writeE + verifyE) / cellsWritten : 0,
                cellsWritten > 0 ? sigmaWeighted / cellsWritten : 0, epochs * timeEpoch, epochs, ops, areaAdded);
    }

    /** One weight update of a crossbar layer's blocks: row by row, SET then RESET, in every array at once. */
    static LayerUpdate update(MappedNetwork.CrossbarLayer x, Learning l, DeviceWrite w, Device device) {
        Crossbars xb = x.cim().macro.crossbars();
        double cells = x.cellReads() * xb.rows() * xb.cols();
        int columns = (int) Math.max(1, Math.round(x.columnCycles() / Math.max(1, x.blocks())));
        int rows = Math.max(1, x.maxRows());
        boolean crossPoint = xb.cell() == CellType.PASSIVE;
        CellCosts c = new CellCosts(w, device, rows, crossPoint);
        double readCell = x.cim().crossbars == null ? 0
                : x.cim().crossbars.model().energy(Action.READ) / ((double) xb.rows() * xb.cols());
        double convert = x.cim().adc == null ? 0 : x.cim().adc.model().energy(Action.CONVERT);
        double tRead = (x.cim().crossbars == null ? 0 : x.cim().crossbars.model().latency(Action.READ))
                + (x.cim().adc == null ? 0 : x.cim().adc.model().latency(Action.CONVERT)
                * x.cim().macro.adc().columnsPerAdc());
        return update(l, w, c, cells, columns, rows, readCell + convert, tRead, 1 << xb.bitsPerCell());
    }

    /**
     * The counting itself, on plain numbers (tests call it directly).
     *
     * @param cells        cells the layer's blocks hold
     * @param columns      columns a block uses (cells written together in a row)
     * @param rows         rows of the largest block (written one after another)
     * @param verifyRead   energy of one verify read of one cell (its share of a row read, one conversion), J
     * @param verifyTime   time of one verify read of a row, s
     * @param storedLevels levels a cell stores (2^bits per cell)
     */
    static LayerUpdate update(Learning l, DeviceWrite w, CellCosts c, double cells, int columns, int rows,
                              double verifyRead, double verifyTime, int storedLevels) {
        double steps = l.steps();
        double share = Math.min(1, steps);
        double nSet = Math.max(1, steps) * UpdateCurve.pulsesPerStep(w.nlLtp());
        double nReset = Math.max(1, steps) * UpdateCurve.pulsesPerStep(w.nlLtd());
        double slow = 1 + w.d2d() * (columns > 1 ? Math.sqrt(2 * Math.log(columns)) : 0);
        double written = cells * share;
        double spacing = 1.0 / Math.max(1, storedLevels - 1);
        double n = (nSet + nReset) / 2;
        // Open loop: each pulse's step errs by c2c (share of the range), independently.
        double sigma = w.c2c() * Math.sqrt(n);
        double eWrite;
        double tWrite;
        double eVerify = 0;
        double tVerify = 0;
        double pulses = n;
        double busiest = slow * Math.max(nSet, nReset);
        UpdateScheme scheme = l.scheme();
        if (scheme == UpdateScheme.STOCHASTIC_OUTER_PRODUCT) {
            // Every cell takes part; coincidences average n per cell; a line fires with p = √(n/BL).
            written = cells;
            int bl = l.pulseTrain();
            double p = Math.min(1, Math.sqrt(n * share / bl));
            double halfEvents = c.crossPoint ? bl * (2 * p - 2 * p * p) : 0;
            eWrite = cells * (n * share * c.full() + halfEvents * c.quarter());
            tWrite = bl * (w.tSet() + w.tReset());
            pulses = n * share;
            busiest = Math.min(bl, slow * Math.max(nSet, nReset) * share);
        } else {
            eWrite = written / 2 * (nSet * (c.set + c.halfSet) + nReset * (c.reset + c.halfReset));
            double rowSet = slow * nSet;
            double rowReset = slow * nReset;
            if (scheme == UpdateScheme.INCREMENTAL_STEP) {
                // Pulse k moves k steps: m pulses move m(m+1)/2, so n steps take (√(8n+1) − 1)/2 pulses.
                rowSet = incremental(rowSet);
                rowReset = incremental(rowReset);
                pulses = (incremental(nSet) + incremental(nReset)) / 2;
            }
            tWrite = rows * (rowSet * w.tSet() + rowReset * w.tReset());
            if (scheme == UpdateScheme.WRITE_VERIFY) {
                double tolerance = l.tolerance() * spacing;
                VerifyLoop loop = VerifyLoop.of(sigma, w.c2c(), tolerance, l.maxIterations(), columns);
                eVerify = written * (loop.readsPerCell() * verifyRead + loop.pulsesPerCell() * (c.full() + c.halfMean()));
                tVerify = rows * loop.iterationsPerRow() * (verifyTime + (w.tSet() + w.tReset()) / 2);
                sigma = loop.sigma();
                busiest += loop.iterationsPerRow() - 1;
                pulses += loop.pulsesPerCell();
            }
            if (scheme == UpdateScheme.MIXED_PRECISION) {
                // The digital accumulator keeps the sub-step remainder: written cells move whole steps.
                sigma = w.c2c() * Math.sqrt(n);
            }
        }
        return new LayerUpdate(eWrite, eVerify, tWrite, tVerify, written, pulses, busiest, share, sigma / spacing);
    }

    private static double incremental(double n) {
        return Math.ceil((Math.sqrt(8 * n + 1) - 1) / 2 - 1e-9);
    }

    /**
     * Energy of one pulse of one cell, J: V² G t at the range's mean conductance (or the device's
     * published write_energy), and on a cross-point array the V/2 current of the selected column's
     * other {@code rows − 1} cells.
     */
    static final class CellCosts {
        final double set;
        final double reset;
        final double halfSet;
        final double halfReset;
        final boolean crossPoint;

        CellCosts(DeviceWrite w, Device device, int rows, boolean crossPoint) {
            double g = (w.gMin() + w.gMax()) / 2;
            boolean published = device.writeEnergy() > 0;
            this.set = published ? device.writeEnergy() : w.vSet() * w.vSet() * g * w.tSet();
            this.reset = published ? device.writeEnergy() : w.vReset() * w.vReset() * g * w.tReset();
            double others = crossPoint ? rows - 1 : 0;
            this.halfSet = others * w.vSet() * w.vSet() / 4 * g * w.tSet();
            this.halfReset = others * w.vReset() * w.vReset() / 4 * g * w.tReset();
            this.crossPoint = crossPoint;
        }

        double full() {
            return (set + reset) / 2;
        }

        double halfMean() {
            return (halfSet + halfReset) / 2;
        }

        /** One half-selected event (V/2 on one cell for one pulse). */
        double quarter() {
            return full() / 4;
        }
    }

    private static LearningFigures online(MappedNetwork view, EvaluationLedger ledger) {
        double latency = ledger.latency();
        double updates = 0;
        double energyUpdates = 0;
        double timeUpdates = 0;
        double perUpdate = 0;
        double busiest = 0;
        double worstRate = 0;
        double sigma = 0;
        double pulses = 0;
        for (int i = 0; i < view.size(); i++) {
            if (!(view.work(i) instanceof MappedNetwork.SnnLayer s) || s.population()) {
                continue;
            }
            TileArray cores = tileArray(view, s.subsystem());
            if (cores == null || !(cores.template() instanceof SnnCoreTemplate t) || !t.learning().rule().spiking()) {
                continue;
            }
            Optional<DeviceWrite> write = t.synapses().device().write();
            if (write.isEmpty()) {
                continue;
            }
            Learning l = t.learning();
            DeviceWrite w = write.get();
            // One synaptic update is one cell: a row of one, no half-selected neighbours (1T1R synapses).
            CellCosts c = new CellCosts(w, t.synapses().device(), 1, false);
            double readCell = s.synapses() == null ? 0 : s.synapses().model().energy(Action.SYNAPTIC_EVENT);
            double readTime = t.synapses().device().tRead();
            LayerUpdate u = update(l, w, c, 1, 1, 1, readCell, readTime, 1 << Math.min(16, t.synapses().weightBits()));
            double n = view.stats(i).synapses() * l.eventRateHz() * latency;
            updates += n;
            energyUpdates += n * (u.energyWrite() + u.energyVerify());
            // Each core writes its own array, one update at a time.
            timeUpdates += n / Math.max(1, cores.count()) * (u.timeWrite() + u.timeVerify());
            perUpdate = Math.max(perUpdate, u.energyWrite() + u.energyVerify());
            busiest = Math.max(busiest, u.busiestPulses());
            pulses = Math.max(pulses, u.pulses());
            sigma = Math.max(sigma, u.sigmaLevels());
            worstRate = Math.max(worstRate, l.eventRateHz() * u.busiestPulses() * u.writeShare() / w.endurance());
        }
        double forward = ledger.dynamicEnergy() + ledger.staticEnergy();
        Map<String, Double> energy = Map.of(LearningFigures.FORWARD, forward, LearningFigures.WRITE, energyUpdates);
        Map<String, Double> time = Map.of(LearningFigures.FORWARD, latency, LearningFigures.WRITE, timeUpdates);
        double sampleE = forward + energyUpdates;
        return new LearningFigures(EvaluationMode.ONLINE_LEARNING, sampleE, latency + timeUpdates, 0, 0, 0, 0,
                new Breakdown(energy), new Breakdown(time), updates > 0 ? 1 : 0, pulses, busiest, perUpdate, sigma,
                worstRate > 0 ? 1 / worstRate : 0, 0, 0, 0);
    }

    /** Output positions of a layer: the matrix-vector products of its forward pass. */
    private static long positions(NodeStats stats) {
        return stats.weights().map(WeightMatrix::vmmsPerInference).orElse(1L);
    }

    /** Inputs per kernel tap: the weight matrix's rows over the kernel's taps (a dense layer: all its inputs). */
    private static long channelsPerTap(MappedNetwork view, int i, NodeStats stats) {
        int rows = stats.weights().map(WeightMatrix::rows).orElse(1);
        return Math.max(1, rows / taps(view, i));
    }

    /** Kernel taps of a convolution (kernel height × width); 1 for a dense layer. */
    private static long taps(MappedNetwork view, int i) {
        if (view.node(i) instanceof Conv2d c) {
            return (long) c.geometry().kernel().h() * c.geometry().kernel().w();
        }
        return 1;
    }

    /** NeuroSim's unit, sized for the learning layer with the largest input (Chip.cpp maxIFMLayer); null without one. */
    private static SramGradientUnit sramUnit(MappedNetwork view) {
        long largest = -1;
        SramGradientUnit unit = null;
        for (int i = 0; i < view.size(); i++) {
            if (view.work(i) instanceof MappedNetwork.CrossbarLayer x
                    && x.cim().template.learning().rule() == LearningRule.IN_SITU_BACKPROP
                    && x.cim().template.learning().gradientUnit() == GradientUnit.SRAM_CIM
                    && view.stats(i).inputActivations() > largest) {
                largest = view.stats(i).inputActivations();
                unit = SramGradientUnit.sizedFor(positions(view.stats(i)), channelsPerTap(view, i, view.stats(i)), STAGED_BITS);
            }
        }
        return unit;
    }

    /** Bits the chip's global buffers hold (0 without one). */
    private static double globalBufferBits(MappedNetwork view) {
        double bits = 0;
        for (Subsystem s : view.costs().architecture().subsystems()) {
            if (s instanceof GlobalBuffer g) {
                bits += g.buffer().capacityBits();
            }
        }
        return bits;
    }

    /**
     * The global-buffer passes of {@code bits} gradient bits staged off chip: out to DRAM and back, each
     * way written into the buffer and read out of it (DNN+NeuroSim V2.1 Chip.cpp: globalBuffer
     * CalculateLatency/CalculatePower of dataLoadWeight read and written, twice), one READ or WRITE action
     * per line, the bits crossing the buffer's bus each time (as {@code StoragePass} charges a layer's
     * inputs and outputs), {@code banks} lines per access. No global buffer: nothing.
     *
     * @param bits gradient bits per sample that go to DRAM and come back (each counted once)
     */
    record GradientTraffic(double energy, double time) {
        static GradientTraffic of(ArchitectureCosts costs, double bits) {
            PricedComponent g = costs.globalBuffer();
            if (g == null || bits <= 0) {
                return new GradientTraffic(0, 0);
            }
            double half = bits / 2;
            double lines = Math.ceil(half / costs.globalBufferWidthBits());
            double accesses = Math.ceil(half / costs.globalBufferBitsPerAccess());
            // Each way: written in (lines WRITEs) and read out (lines READs), 2 x half bits over the bus.
            double energy = 2 * lines * (g.model().energy(Action.READ) + g.model().energy(Action.WRITE));
            PricedComponent bus = costs.globalBus();
            if (bus != null) {
                energy += 2 * 2 * half / costs.globalBufferBitsPerAccess() * bus.model().energy(Action.TRANSFER);
            }
            double time = 2 * accesses * (g.model().latency(Action.READ) + g.model().latency(Action.WRITE));
            return new GradientTraffic(energy, time);
        }
    }

    /**
     * The gradient unit's {@link SramGradientUnit#ADC_BITS}-bit flash converter, from the tile's own: a
     * flash converter's comparators, and so its energy and area, go as 2^bits − 1 (NeuroSim's
     * multi-level sense amplifier: levelOutput − 1 sense amplifiers); one shift-add per conversion as the tile's.
     */
    private record Converter4(double energy, double area, double shiftAddEnergy, double shiftAddArea) {
        static Converter4 of(MappedNetwork.CrossbarLayer x) {
            double ratio = 0;
            double e = 0;
            double a = 0;
            if (x.cim().adc != null) {
                int bits = x.cim().macro.adc().bits();
                ratio = ((1 << SramGradientUnit.ADC_BITS) - 1) / (double) ((1L << bits) - 1);
                e = x.cim().adc.model().energy(Action.CONVERT) * ratio;
                a = x.cim().adc.model().area() * ratio;
            }
            double se = x.cim().shiftAdd == null ? 0 : x.cim().shiftAdd.model().energy(Action.COMPUTE);
            double sa = x.cim().shiftAdd == null ? 0 : x.cim().shiftAdd.model().area();
            return new Converter4(e, a, se, sa);
        }
    }

    private static TileArray tileArray(MappedNetwork view, String name) {
        for (Subsystem s : view.costs().architecture().subsystems()) {
            if (s instanceof TileArray t && t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }
}

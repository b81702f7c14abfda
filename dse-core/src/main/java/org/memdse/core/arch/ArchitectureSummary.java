package org.memdse.core.arch;

/**
 * Totals over a whole system.
 *
 * @param cimTiles       CIM tiles
 * @param macros         macros in all tiles
 * @param crossbars      crossbar arrays
 * @param cells          memristor cells in all crossbars
 * @param weightCapacityBits bits of weights the crossbars hold (cells × bits per cell)
 * @param adcs           ADCs (in macros and AD/DA)
 * @param dacs           row drivers and DACs
 * @param snnCores       SNN cores
 * @param neurons        neurons in all cores
 * @param synapses       synapses in all cores
 * @param buffers        buffers (macro and tile level)
 * @param bufferBits     total buffer capacity, bits
 * @param endpoints      endpoints on the on-chip network
 * @param routers        routers of the on-chip network
 */
public record ArchitectureSummary(long cimTiles, long macros, long crossbars, long cells, long weightCapacityBits,
                                  long adcs, long dacs, long snnCores, long neurons, long synapses, long buffers,
                                  double bufferBits, long endpoints, long routers) {

    static ArchitectureSummary of(Architecture a) {
        long tiles = 0, macros = 0, crossbars = 0, cells = 0, weightBits = 0, adcs = 0, dacs = 0;
        long cores = 0, neurons = 0, synapses = 0, buffers = 0;
        double bufferBits = 0;
        for (Subsystem s : a.subsystems()) {
            if (s instanceof TileArray array && array.template() instanceof CimTileTemplate t) {
                Macro m = t.macro();
                long n = array.count();
                long arrays = n * t.macros() * m.crossbars().count();
                tiles += n;
                macros += n * t.macros();
                crossbars += arrays;
                cells += arrays * m.crossbars().cellsPerArray();
                weightBits += arrays * m.crossbars().cellsPerArray() * m.crossbars().bitsPerCell();
                adcs += n * t.macros() * m.adcCount();
                dacs += n * t.macros() * m.dacCount();
                buffers += n * (t.macros() * m.buffers().size() + t.buffers().size());
                for (Buffer b : m.buffers()) {
                    bufferBits += (double) n * t.macros() * b.capacityBits();
                }
                for (Buffer b : t.buffers()) {
                    bufferBits += (double) n * b.capacityBits();
                }
            } else if (s instanceof TileArray array && array.template() instanceof SnnCoreTemplate t) {
                cores += array.count();
                neurons += (long) array.count() * t.neurons();
                synapses += array.count() * t.synapses().synapses();
            } else if (s instanceof GlobalBuffer g) {
                buffers += 1;
                bufferBits += g.buffer().capacityBits();
            } else if (s instanceof ReservoirArray r) {
                adcs += r.adcChannels();
                dacs += r.devices();
            } else if (s instanceof AdDa adda) {
                adcs += adda.channels();
                dacs += adda.channels();
            }
        }
        int endpoints = a.networkEndpoints();
        return new ArchitectureSummary(tiles, macros, crossbars, cells, weightBits, adcs, dacs, cores, neurons, synapses,
                buffers, bufferBits, endpoints, a.interconnect().onChip().routersFor(endpoints));
    }
}

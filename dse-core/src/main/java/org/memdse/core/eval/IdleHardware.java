package org.memdse.core.eval;

/**
 * How much of a chip a mapping leaves without work: tiles that hold no crossbar block and cores
 * that hold no neurons. They still leak unless the description switches them off
 * ({@code power_gating}).
 *
 * @param tiles      CIM tiles
 * @param idleTiles  CIM tiles holding no crossbar block
 * @param cores      SNN cores
 * @param idleCores  SNN cores holding no neurons
 * @param powerGated whether idle tiles and cores are switched off
 */
public record IdleHardware(long tiles, long idleTiles, long cores, long idleCores, boolean powerGated) {
    /** A system with no tiles or cores (or a result that does not say). */
    public static final IdleHardware NONE = new IdleHardware(0, 0, 0, 0, false);

    public IdleHardware {
        if (tiles < 0 || cores < 0 || idleTiles < 0 || idleCores < 0 || idleTiles > tiles || idleCores > cores) {
            throw new IllegalArgumentException("idle counts must be in 0..total, were " + idleTiles + "/" + tiles
                    + " tiles and " + idleCores + "/" + cores + " cores");
        }
    }

    /** Idle tiles and cores over all tiles and cores (0 without any). */
    public double idleShare() {
        long all = tiles + cores;
        return all == 0 ? 0 : (double) (idleTiles + idleCores) / all;
    }
}

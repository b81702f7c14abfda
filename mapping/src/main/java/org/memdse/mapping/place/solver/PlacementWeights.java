package org.memdse.mapping.place.solver;

/**
 * Soft weights of the placement score, in soft units (one soft unit = one milli-bit-hop of
 * traffic at {@code trafficHops = 1}).
 *
 * @param trafficHops   per milli-bit-hop of traffic
 * @param endpointUsed  per CIM tile or SNN core holding a unit
 * @param loadImbalance per unit of Σ over endpoints of (units on it)²
 */
public record PlacementWeights(long trafficHops, long endpointUsed, long loadImbalance) {
    /**
     * What one tile costs against traffic by default: this fraction of the baseline placement's
     * traffic × hops. A tile must save a tenth of the traffic to be worth opening, which keeps
     * the tiles used at (or next to) a packed start while leaving the traffic free to fall. (At
     * 2%, ResNet-18 on ISAAC-CE spread from 33 to 37-39 tiles for a few percent less traffic.)
     */
    public static final double TILE_FRACTION_OF_START_TRAFFIC = 0.1;

    public PlacementWeights {
        if (trafficHops < 0 || endpointUsed < 0 || loadImbalance < 0) {
            throw new IllegalArgumentException("placement weights must be >= 0");
        }
    }

    /**
     * Defaults for a problem whose starting placement has this traffic × hops (bits × hops):
     * traffic at full weight, a tile at {@link #TILE_FRACTION_OF_START_TRAFFIC} of it (at least
     * one bit-hop), and the squared load as a tie-breaker worth one milli-bit-hop per unit².
     */
    public static PlacementWeights defaults(double startTrafficHops) {
        long tile = Math.max(1000L, Math.round(startTrafficHops * 1000.0 * TILE_FRACTION_OF_START_TRAFFIC));
        return new PlacementWeights(1, tile, 1);
    }
}

package org.memdse.core.mapping;

/**
 * Traffic over one directed link of the on-chip network.
 *
 * @param link             link id
 * @param fromRouter       router it leaves
 * @param toRouter         router it enters
 * @param bitsPerInference bits crossing it per inference
 */
public record LinkLoad(int link, int fromRouter, int toRouter, double bitsPerInference) {
}

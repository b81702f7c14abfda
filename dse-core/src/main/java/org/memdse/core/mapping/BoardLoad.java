package org.memdse.core.mapping;

/**
 * Traffic over one direction of a connection between two chips.
 *
 * @param link             board link id
 * @param fromChip         chip it leaves
 * @param toChip           chip it enters
 * @param bitsPerInference bits crossing it per inference
 */
public record BoardLoad(int link, int fromChip, int toChip, double bitsPerInference) {
}

package org.memdse.mapping.objective;

/**
 * The part of one edge's traffic that goes from one endpoint to another.
 *
 * @param edge network edge id
 * @param from sending endpoint
 * @param to   receiving endpoint (may equal {@code from}: the data stays on the endpoint)
 * @param bits bits per inference
 */
public record EndpointTraffic(int edge, int from, int to, double bits) {
}

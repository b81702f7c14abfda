package org.memdse.core.mapping;

import java.util.List;

/**
 * The traffic of one network edge between two endpoints and the links it crosses.
 *
 * @param edge             network edge id
 * @param fromEndpoint     sending endpoint
 * @param toEndpoint       receiving endpoint
 * @param bitsPerInference bits sent per inference on this endpoint pair
 * @param links            on-chip link ids crossed in order (empty when both ends share a router); between
 *                         chips, those of both chips (to the first chip's gateway, from the second's)
 * @param boardLinks       board link ids crossed between chips, in order (empty on one chip)
 */
public record Route(int edge, int fromEndpoint, int toEndpoint, double bitsPerInference, List<Integer> links,
                    List<Integer> boardLinks) {
    public Route {
        links = List.copyOf(links);
        boardLinks = List.copyOf(boardLinks);
    }

    /** A route on one chip. */
    public Route(int edge, int fromEndpoint, int toEndpoint, double bitsPerInference, List<Integer> links) {
        this(edge, fromEndpoint, toEndpoint, bitsPerInference, links, List.of());
    }

    public int hops() {
        return links.size();
    }
}

package org.memdse.core.mapping;

import java.util.List;

/**
 * The traffic of one network edge between two endpoints and the links it crosses.
 *
 * @param edge             network edge id
 * @param fromEndpoint     sending endpoint
 * @param toEndpoint       receiving endpoint
 * @param bitsPerInference bits sent per inference on this endpoint pair
 * @param links            link ids crossed in order (empty when both ends share a router)
 */
public record Route(int edge, int fromEndpoint, int toEndpoint, double bitsPerInference, List<Integer> links) {
    public Route {
        links = List.copyOf(links);
    }

    public int hops() {
        return links.size();
    }
}

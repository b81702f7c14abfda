package org.memdse.mapping.place.solver.score;

import org.memdse.mapping.place.solver.domain.HopZone;
import org.memdse.mapping.place.solver.domain.NodeRef;

/**
 * How much of a node sits in one hop zone: the intermediate tuple of the traffic constraint.
 * A record so that regrouping a (node, zone, share) triple into one object gives a uni stream
 * that the traffic stream can join twice (once per end of a flow).
 */
record NodeZoneShare(NodeRef node, HopZone zone, long share) {
}

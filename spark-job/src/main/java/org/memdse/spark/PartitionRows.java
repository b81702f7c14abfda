package org.memdse.spark;

import java.io.Serializable;

/**
 * What one Spark task sends back to the driver: a range of a sweep's points evaluated and
 * formatted as the results CSV's rows (the formatting is done where the points are computed, so
 * the driver only appends text), with the counts for the summary line.
 *
 * @param rows       the CSV rows, one line each, in the sink's format
 * @param count      rows in {@code rows}
 * @param ok         feasible rows
 * @param infeasible infeasible rows
 * @param invalid    invalid rows
 */
record PartitionRows(String rows, long count, long ok, long infeasible, long invalid) implements Serializable {
}

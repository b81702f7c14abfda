package org.memdse.core.explore;

/**
 * Where a sweep's results go as they are known (a CSV file, a test's list). Called from many
 * threads; implementations synchronise and should persist each result before returning, so a
 * killed run loses nothing that was accepted.
 */
public interface ResultSink {
    void accept(PointResult result);
}

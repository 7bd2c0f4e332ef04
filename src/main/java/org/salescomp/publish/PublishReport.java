package org.salescomp.publish;

import java.util.Map;

/**
 * What a publish did.
 *
 * @param rows rows copied per table, in publish order (0 for a table left as it was)
 * @param modes how each table was copied: whole, only its changed slices, or not at all
 * @param stagingMillis time spent loading the staging tables
 * @param swapMillis time the swap transaction held open
 */
public record PublishReport(Map<String, Long> rows, Map<String, PostgresPublisher.Mode> modes, long stagingMillis,
    long swapMillis) {
  public PublishReport {
    rows = Map.copyOf(rows);
    modes = Map.copyOf(modes);
  }
}

package org.salescomp.publish;

import java.util.Map;

/**
 * What a publish did.
 *
 * @param rows rows copied per table, in publish order
 * @param stagingMillis time spent loading the staging tables
 * @param swapMillis time the swap transaction held open
 */
public record PublishReport(Map<String, Long> rows, long stagingMillis, long swapMillis) {
  public PublishReport {
    rows = Map.copyOf(rows);
  }
}

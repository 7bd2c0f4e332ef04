package org.salescomp.publish;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** What changed in a published table between two of its Delta versions, as the slices a copy replaces. */
interface ChangeFeed {
  /** A feed that never knows: every table is copied whole. */
  ChangeFeed NONE = (table, columns, afterVersion, toVersion) -> Optional.empty();

  /**
   * The distinct values of {@code columns} over the rows that versions {@code afterVersion + 1} to
   * {@code toVersion} inserted, updated or deleted; none when the table's change data feed cannot tell
   * (not enabled then, or its files vacuumed).
   */
  Optional<Dataset<Row>> changed(String table, List<String> columns, long afterVersion, long toVersion);
}

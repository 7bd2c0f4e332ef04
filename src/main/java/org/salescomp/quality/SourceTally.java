package org.salescomp.quality;

import java.util.List;
import org.salescomp.io.SourceTable;

/**
 * What the gate did with one source's rows: read = accepted + quarantined + deferred, and the
 * quarantined rows by reason, most frequent first.
 */
public record SourceTally(SourceTable table, long read, long accepted, long quarantined, long deferred,
    List<ReasonCount> reasons) {

  /** Rows of one reason, with the smallest row key among them as an example. */
  public record ReasonCount(ReasonCode reason, long rows, String exampleKey) {}

  public SourceTally {
    if (read != accepted + quarantined + deferred) {
      throw new IllegalStateException(table.tableName() + " does not reconcile: read " + read + " != accepted "
          + accepted + " + quarantined " + quarantined + " + deferred " + deferred);
    }
    reasons = List.copyOf(reasons);
  }

  /** Rows the threshold judges: deferred rows are not counted. */
  public long judged() {
    return read - deferred;
  }
}

package org.salescomp.quality;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.LogicalRDD;

/**
 * Where the gate cuts its query plans. Every source's checks read the accepted rows of its parents,
 * so without cuts the plan of a late source (surveys: deals, credits, customers, the roster, teams,
 * FX) would repeat the plans of all of them, several times over, and Spark would spend more time
 * planning than computing. A cut is a lazy local checkpoint: the rows are computed by the first job
 * that reads them, kept on the executors (memory, then disk) and read from there, and its children
 * plan against a leaf. Unlike a cache, a checkpoint is not registered with Spark's cache manager, which
 * would compare every later plan of the run (the whole pay model) with each cut. {@link #release}
 * drops the kept rows, and waits until they are gone: runs release them last, just before the session
 * stops, and a session stopped while removals are under way prints their rejected callbacks' stack traces.
 */
final class PlanCuts {
  private final List<Dataset<Row>> kept = new ArrayList<>();

  Dataset<Row> of(Dataset<Row> rows) {
    Dataset<Row> cut = rows.localCheckpoint(false);
    kept.add(cut);
    return cut;
  }

  void release() {
    for (Dataset<Row> cut : kept) {
      if (cut.queryExecution().logical() instanceof LogicalRDD leaf) {
        leaf.rdd().unpersist(true);
      }
    }
    kept.clear();
  }
}

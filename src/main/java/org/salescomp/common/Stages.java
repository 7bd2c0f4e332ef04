package org.salescomp.common;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a pipeline may cut a Dataset's lineage. The pay model is one deep plan in which the same
 * subplans (credited deals, KPI periods, commission lines) feed many outputs; left whole, Spark
 * re-analyses and re-optimises those copies for every output and recomputes them. A stage boundary
 * materialises the rows once ({@link #checkpointed}); tests of small fixtures keep plans whole
 * ({@link #inline}).
 */
@FunctionalInterface
public interface Stages {
  Dataset<Row> stage(String name, Dataset<Row> rows);

  /** No boundaries: the plan stays one piece. */
  static Stages inline() {
    return (name, rows) -> rows;
  }

  /**
   * Each stage is computed once, kept on the executors ({@code localCheckpoint}, memory and disk) and
   * read from there; a line per stage gives its rows and seconds.
   */
  static Stages checkpointed() {
    Logger log = LoggerFactory.getLogger(Stages.class);
    return (name, rows) -> {
      long start = System.nanoTime();
      // lazy: the count is the job that computes and keeps the rows (an eager checkpoint runs a job
      // of its own, and the count then reads the kept rows once more)
      Dataset<Row> kept = rows.localCheckpoint(false);
      log.info("stage {}: {} rows in {} s", name, kept.count(),
          String.format("%.1f", (System.nanoTime() - start) / 1e9));
      return kept;
    };
  }
}

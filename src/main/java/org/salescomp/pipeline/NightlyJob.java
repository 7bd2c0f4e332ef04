package org.salescomp.pipeline;

import org.apache.spark.sql.SparkSession;
import org.salescomp.config.Settings;

/** The nightly job: read sources, stage, compute KPIs and pay, publish the months of the scope. */
public final class NightlyJob {
  private NightlyJob() {}

  public static RunResult run(SparkSession spark, Settings settings, RunScope scope, String runId) {
    throw new UnsupportedOperationException("in progress");
  }
}

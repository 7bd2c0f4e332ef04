package org.salescomp.io;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place a SparkSession is built: Delta enabled, UTC, settings from the config. */
public final class SparkSessions {
  private static final Logger LOG = LoggerFactory.getLogger(SparkSessions.class);
  /** The master when neither the config nor spark-submit names one. */
  static final String LOCAL_MASTER = "local[*]";

  private SparkSessions() {}

  /**
   * @param master a Spark master URL, or null to leave it to spark-submit ({@value #LOCAL_MASTER} when
   *     not run by spark-submit)
   * @param extraConf further {@code spark.*} settings (from {@code salescomp.spark.conf})
   */
  public static SparkSession create(
      String appName, String master, int shufflePartitions, boolean uiEnabled,
      Map<String, String> extraConf) {
    SparkSession.Builder builder = SparkSession.builder()
        .appName(appName)
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", shufflePartitions)
        .config("spark.ui.enabled", uiEnabled)
        .config("spark.ui.showConsoleProgress", false)
        // Delta statistics and small local tables: no need for a metastore
        .config("spark.sql.catalogImplementation", "in-memory")
        .config("spark.databricks.delta.snapshotPartitions", Math.max(1, Math.min(shufflePartitions, 8)))
        // the model joins per-rep tables with per-scenario ones many times: once the shuffle has measured
        // the sides, a side this small per partition is hashed instead of both sides sorted (a 64-scenario
        // simulation at scale 10: 349.6 s -> 325.0 s, measured in one run each)
        .config("spark.sql.adaptive.maxShuffledHashJoinLocalMapThreshold", "64m")
        .config("spark.sql.adaptive.autoBroadcastJoinThreshold", "32m");
    if (master != null && !master.isBlank()) {
      builder.master(master);
    } else if (System.getProperty("spark.master") == null) {
      // not under spark-submit (which sets spark.master from --master or spark-defaults.conf): run locally
      LOG.warn("salescomp.spark.master is empty and no spark-submit master is set: using {}", LOCAL_MASTER);
      builder.master(LOCAL_MASTER);
    }
    extraConf.forEach(builder::config);
    return builder.getOrCreate();
  }
}

package org.salescomp.io;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a SparkSession is built: Delta enabled, UTC, and salescomp's settings where the cluster
 * has not said otherwise.
 *
 * <p>What spark-submit was given ({@code --conf}, {@code --master}, {@code --name}, {@code
 * --properties-file}) and what {@code spark-defaults.conf} says reach the driver as {@code spark.*}
 * system properties, which {@link SparkConf} reads. Those win: salescomp sets a value (from {@code
 * salescomp.spark.*} or its own defaults) only when neither of them did. Four settings are required
 * for correct results and always set: the Delta extension (added to any others), the Delta catalog, the
 * UTC session time zone and adaptive query execution.
 */
public final class SparkSessions {
  private static final Logger LOG = LoggerFactory.getLogger(SparkSessions.class);
  /** The master when neither the config nor spark-submit names one. */
  static final String LOCAL_MASTER = "local[*]";
  static final String DELTA_EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";
  static final String EXTENSIONS = "spark.sql.extensions";
  static final String ADAPTIVE = "spark.sql.adaptive.enabled";
  /** How many generated classes Spark keeps compiled; a static setting, read when the JVM first compiles one. */
  static final String CODEGEN_CACHE = "spark.sql.codegen.cache.maxEntries";
  /** The implementations of the {@code file:} scheme, for Hadoop's FileSystem and FileContext APIs. */
  static final String FILE_SYSTEM = "spark.hadoop.fs.file.impl";
  static final String FILE_CONTEXT = "spark.hadoop.fs.AbstractFileSystem.file.impl";

  private SparkSessions() {}

  /**
   * @param master a Spark master URL, or null to leave it to spark-submit ({@value #LOCAL_MASTER} when
   *     not run by spark-submit)
   * @param extraConf further {@code spark.*} settings (from {@code salescomp.spark.conf})
   */
  public static SparkSession create(
      String appName, String master, int shufflePartitions, boolean uiEnabled,
      Map<String, String> extraConf) {
    SparkConf submitted = new SparkConf(true);
    Map<String, String> settings = settings(submitted, appName, master, shufflePartitions, uiEnabled, extraConf);
    if (!submitted.contains("spark.master") && (master == null || master.isBlank())) {
      LOG.warn("salescomp.spark.master is empty and no spark-submit master is set: using {}", LOCAL_MASTER);
    }
    SparkSession.Builder builder = SparkSession.builder();
    settings.forEach(builder::config);
    return builder.getOrCreate();
  }

  /**
   * What the session is built with on top of {@code submitted} (the spark-submit and spark-defaults
   * settings): the required settings, and each of salescomp's that {@code submitted} does not hold.
   */
  static Map<String, String> settings(SparkConf submitted, String appName, String master, int shufflePartitions,
      boolean uiEnabled, Map<String, String> extraConf) {
    Map<String, String> wanted = new LinkedHashMap<>();
    wanted.put("spark.app.name", appName);
    wanted.put("spark.master", master == null || master.isBlank() ? LOCAL_MASTER : master);
    wanted.put("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions));
    wanted.put("spark.ui.enabled", String.valueOf(uiEnabled));
    wanted.put("spark.ui.showConsoleProgress", "false");
    // Delta statistics and small local tables: no need for a metastore (a cluster's spark-defaults may name one)
    wanted.put("spark.sql.catalogImplementation", "in-memory");
    wanted.put("spark.databricks.delta.snapshotPartitions", String.valueOf(Math.max(1, Math.min(shufflePartitions, 8))));
    // Spark keeps the last 100 classes it generated and compiled (Janino), keyed by their source. A run
    // compiles about 1,250 distinct ones, so a class needed again later in the run, or by the next run in
    // the same JVM (a long-lived driver, the tests), was compiled again (figures: README "Performance")
    wanted.put(CODEGEN_CACHE, "4096");
    // the model joins per-rep tables with per-scenario ones many times: once the shuffle has measured
    // the sides, a side this small per partition is hashed instead of both sides sorted (a 64-scenario
    // simulation at scale 10: 349.6 s -> 325.0 s, measured in one run each)
    wanted.put("spark.sql.adaptive.maxShuffledHashJoinLocalMapThreshold", "64m");
    wanted.put("spark.sql.adaptive.autoBroadcastJoinThreshold", "32m");
    // the pay model's plans are deep (hundreds of joins and projections): planning them, not computing
    // them, is most of a run's CPU on a small world (the driver's main thread: 136 of 224 CPU seconds of a
    // scale-0.01 run). Inferring filters from every operator's constraints grows with the depth and adds no
    // filter the model's joins need (their keys are non-null by the gate); results do not depend on it
    wanted.put("spark.sql.constraintPropagation.enabled", "false");
    // jobs submitted side by side (the tables of a run, published in parallel) share the cores instead of
    // queueing first come first served: a small table's commit does not wait for a big one's tasks
    wanted.put("spark.scheduler.mode", "FAIR");
    // every query execution, and every re-plan of adaptive execution, renders its physical plan for the UI:
    // in "formatted" mode (Spark's default) that took 7% of the driver's main thread in a two-deal run
    // (Flight Recorder samples), in "simple" mode half as much. Without a UI or an event log no one reads it
    if (!enabled(submitted, extraConf, "spark.ui.enabled", uiEnabled)
        && !enabled(submitted, extraConf, "spark.eventLog.enabled", false)) {
      wanted.put("spark.sql.ui.explainMode", "simple");
    }
    wanted.putAll(extraConf);
    // Hadoop's local file system, without its native library, starts a process for each file or folder it
    // creates (chmod) and two for each rename (readlink): about 660 in a two-deal run, at 7-10 ms each. In
    // local mode the same file system answers both through the JDK (NioLocalFileSystem). A cluster keeps
    // Hadoop's: its lakehouse is on its own storage, and whether its executors' Hadoop can load a class
    // from the job's jar depends on the cluster
    if (submitted.get("spark.master", wanted.get("spark.master")).startsWith("local")) {
      wanted.putIfAbsent(FILE_SYSTEM, NioLocalFileSystem.class.getName());
      wanted.putIfAbsent(FILE_CONTEXT, NioLocalFs.class.getName());
    }

    Map<String, String> settings = new LinkedHashMap<>();
    wanted.forEach((key, value) -> {
      if (submitted.contains(key)) {
        LOG.info("{} = {} from spark-submit or spark-defaults (salescomp would set {})", key, submitted.get(key), value);
      } else {
        settings.put(key, value);
      }
    });
    // the pay model joins checkpointed stages with plans derived from them; without adaptive execution
    // Spark fails to analyse those self-joins ("Failure when resolving conflicting references in Join")
    if ("false".equalsIgnoreCase(submitted.get(ADAPTIVE, "true")) || "false".equalsIgnoreCase(extraConf.get(ADAPTIVE))) {
      LOG.warn("{} = false is not supported: salescomp sets it to true", ADAPTIVE);
    }
    settings.put(ADAPTIVE, "true");
    settings.put(EXTENSIONS, withDelta(submitted.get(EXTENSIONS, "")));
    settings.put("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    settings.put("spark.sql.session.timeZone", "UTC");
    return settings;
  }

  /** A switch as the session will have it: spark-submit's, else salescomp.spark.conf's, else {@code otherwise}. */
  private static boolean enabled(SparkConf submitted, Map<String, String> extraConf, String key, boolean otherwise) {
    return submitted.getBoolean(key, Boolean.parseBoolean(extraConf.getOrDefault(key, String.valueOf(otherwise))));
  }

  /** The extensions the cluster names, with Delta's added once. */
  private static String withDelta(String extensions) {
    boolean present = Arrays.stream(extensions.split(",")).map(String::trim).anyMatch(DELTA_EXTENSION::equals);
    if (present) {
      return extensions;
    }
    return extensions.isBlank() ? DELTA_EXTENSION : extensions + "," + DELTA_EXTENSION;
  }
}

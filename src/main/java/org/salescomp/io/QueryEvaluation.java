package org.salescomp.io;

import java.math.BigInteger;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How Spark evaluates a run's queries: with Java code generated and compiled for each query stage, or
 * interpreted. A run plans hundreds of stages, each with its own code, which Spark compiles (Janino) and
 * the JVM compiles again (JIT), in every process anew. On small inputs that compiling costs more than it
 * saves; on large ones generated code computes faster. Measured in one sitting on 2 cores, whole `run`
 * processes: a two-deal world 66.2 s generated, 45.6 s interpreted; scale 1 (2.6 MB of Parquet inputs)
 * 82.9 s and 71.0 s; scale 10 (27.7 MB) 154.7 s and 194.9 s. The results are the same rows either way
 * (interpreted is the path Spark itself falls back to; {@code CodegenModesTest} compares the two).
 *
 * <p>A setting given at startup (spark-submit, spark-defaults or {@code salescomp.spark.conf}) wins.
 */
public final class QueryEvaluation {
  private static final Logger LOG = LoggerFactory.getLogger(QueryEvaluation.class);
  /** Inputs this large and larger (on storage, all sources together) run generated code. */
  static final long GENERATED_CODE_FROM_BYTES = 8L << 20;
  static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
  /** Spark's switch between generated and interpreted expressions (an internal setting, read per query). */
  static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";
  /** Spark's defaults: generated code, interpreted where it does not compile. */
  public static final Map<String, String> GENERATED = Map.of(WHOLE_STAGE, "true", FACTORY_MODE, "FALLBACK");
  /** Operators and expressions interpreted. */
  public static final Map<String, String> INTERPRETED = Map.of(WHOLE_STAGE, "false", FACTORY_MODE, "NO_CODEGEN");

  private QueryEvaluation() {}

  /**
   * Sets the session's evaluation for inputs of the size of {@code inputs}, unless the session was started
   * with either setting.
   *
   * @param inputs the run's sources as read: their size is Spark's estimate from the files (no job runs)
   */
  public static void chooseFor(SparkSession spark, Iterable<Dataset<Row>> inputs) {
    if (configured(spark.sparkContext().getConf())) {
      LOG.info("query evaluation as configured: {} = {}, {} = {}", WHOLE_STAGE, spark.conf().get(WHOLE_STAGE, "true"),
          FACTORY_MODE, spark.conf().get(FACTORY_MODE, "FALLBACK"));
      return;
    }
    settingsFor(inputs).forEach(spark.conf()::set);
  }

  /** Whether the session was started with either setting. */
  static boolean configured(SparkConf started) {
    return started.contains(WHOLE_STAGE) || started.contains(FACTORY_MODE);
  }

  /** {@link #GENERATED} for inputs of {@link #GENERATED_CODE_FROM_BYTES} and more, else {@link #INTERPRETED}. */
  static Map<String, String> settingsFor(Iterable<Dataset<Row>> inputs) {
    BigInteger bytes = BigInteger.ZERO;
    for (Dataset<Row> input : inputs) {
      bytes = bytes.add(input.queryExecution().optimizedPlan().stats().sizeInBytes().bigInteger());
    }
    boolean generated = bytes.compareTo(BigInteger.valueOf(GENERATED_CODE_FROM_BYTES)) >= 0;
    LOG.info("inputs of {} bytes: queries run {}", bytes, generated ? "generated code" : "interpreted");
    return generated ? GENERATED : INTERPRETED;
  }
}

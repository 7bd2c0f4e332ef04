package org.salescomp.testing;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.salescomp.io.QueryEvaluation;
import org.salescomp.io.SparkSessions;

/**
 * The one local SparkSession every test shares: local[2], UI off, Delta enabled, UTC, 4 shuffle partitions,
 * queries run as generated code ({@link org.salescomp.io.QueryEvaluation}).
 */
public final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      Map<String, String> settings = new HashMap<>(Map.of("spark.driver.host", "127.0.0.1",
          "spark.databricks.delta.snapshotPartitions", "2"));
      // Spark's defaults, set at startup so that runs inside the tests keep them: the tests in this JVM
      // run generated code, the command-line tests' runs (small inputs) the interpreted path
      settings.putAll(QueryEvaluation.GENERATED);
      session = SparkSessions.create("salescomp-tests", "local[2]", 4, false, settings);
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }
}

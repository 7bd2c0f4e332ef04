package org.salescomp.testing;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.salescomp.io.SparkSessions;

/** The one local SparkSession every test shares: local[2], UI off, Delta enabled, UTC, 4 shuffle partitions. */
public final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSessions.create("salescomp-tests", "local[2]", 4, false,
          Map.of("spark.driver.host", "127.0.0.1",
              "spark.databricks.delta.snapshotPartitions", "2"));
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }
}

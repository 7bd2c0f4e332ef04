package org.salescomp.publish;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salescomp.io.Lakehouse;

/**
 * The published Delta tables of a lakehouse, read-only, each a view of its name in a session of its own
 * ({@link SparkSession#newSession()}: same Spark context, separate views), so the caller's views stay as
 * they were. The only way this package reads data: never the inputs.
 */
public final class PublishedLakehouse {
  private final SparkSession session;
  private final String root;
  private final List<String> tables;

  private PublishedLakehouse(SparkSession session, String root, List<String> tables) {
    this.session = session;
    this.root = root;
    this.tables = tables;
  }

  public static PublishedLakehouse open(SparkSession spark, String root) {
    SparkSession session = spark.newSession();
    // collected dates and timestamps as java.time values (LocalDate, Instant): no JVM time zone involved
    session.conf().set("spark.sql.datetime.java8API.enabled", "true");
    return new PublishedLakehouse(session, root, List.copyOf(Lakehouse.registerViews(session, root)));
  }

  /** The published tables found under the root, sorted. */
  public List<String> tables() {
    return tables;
  }

  public boolean has(String table) {
    return tables.contains(table);
  }

  /** A published table; a missing one stops the command with a message saying where it looked. */
  public Dataset<Row> table(String name) {
    if (!has(name)) {
      throw new NothingPublishedException("no published table " + name + " in the lakehouse " + root
          + " (run the pipeline first: bin/salescomp run ...)");
    }
    return session.table(name);
  }

  public String root() {
    return root;
  }

}

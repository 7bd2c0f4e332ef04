package org.salescomp.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.max;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salescomp.io.LakehousePaths;
import org.salescomp.io.PublishedTable;
import org.salescomp.marts.PublishedCatalog;
import org.salescomp.marts.RunLog;

/**
 * The published Delta tables of a lakehouse as readers see them: each table of the catalog at the
 * version the last succeeded run recorded in {@code run_log.output_versions} (Delta time travel), so a
 * run that is still publishing, or was killed halfway, is invisible until a run succeeds. Only a
 * success records versions (a running or failed attempt keeps those of its run id's last success), so
 * the version of a table is the highest recorded in any row. A catalog
 * table no succeeded run has committed is not shown; {@code run_log} itself and tables outside the
 * catalog (the simulation's) are read at their latest version. Every reader of published tables goes
 * through here: {@code sql}, the dashboard, statements and the PostgreSQL copy.
 *
 * <p>Views live in a session of their own ({@link SparkSession#newSession()}: same Spark context,
 * separate views), so the caller's views stay as they were.
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
    return new PublishedLakehouse(session, root, registerViews(session, root));
  }

  /**
   * Registers each published table under the root as a temporary view of its name, read as described
   * above, in {@code spark} itself; returns the names, sorted.
   */
  public static List<String> registerViews(SparkSession spark, String root) {
    return registerViews(spark, root, name -> true);
  }

  /**
   * As {@link #registerViews(SparkSession, String)}, for the published tables {@code wanted} accepts only:
   * each view costs a read of the table's Delta log, and run_log is read only when a view needs its version.
   */
  public static List<String> registerViews(SparkSession spark, String root, Predicate<String> wanted) {
    List<String> all = LakehousePaths.tables(spark, root);
    List<String> found = all.stream().filter(wanted).toList();
    Map<String, Long> versions = found.isEmpty() ? Map.of() : succeededVersions(spark, root, all);
    List<String> names = new ArrayList<>();
    for (String name : found) {
      boolean pinned = PublishedCatalog.find(name).filter(t -> !t.equals(RunLog.TABLE)).isPresent();
      if (pinned && !versions.containsKey(name)) {
        continue; // no succeeded run has committed it yet
      }
      DataFrameReader reader = spark.read().format("delta");
      if (pinned) {
        reader.option("versionAsOf", versions.get(name));
      }
      reader.load(LakehousePaths.table(root, name)).createOrReplaceTempView(name);
      names.add(name);
    }
    return List.copyOf(names);
  }

  /**
   * Per table, the latest version a succeeded run recorded: the highest of {@code output_versions} over
   * the rows of run_log. Versions only grow, so this is the last succeeded commit even when a table was
   * not written by the very last run.
   */
  private static Map<String, Long> succeededVersions(SparkSession spark, String root, List<String> found) {
    Map<String, Long> versions = new TreeMap<>();
    if (!found.contains(RunLog.TABLE.name())) {
      return versions;
    }
    Dataset<Row> log = spark.read().format("delta").load(LakehousePaths.table(root, RunLog.TABLE.name()));
    if (!Arrays.asList(log.columns()).contains(RunLog.OUTPUT_VERSIONS)) {
      return versions;
    }
    log.select(explode(col(RunLog.OUTPUT_VERSIONS)).as(new String[] {"table", "version"}))
        .groupBy("table").agg(max("version"))
        .collectAsList()
        .forEach(r -> versions.put(r.getString(0), r.getLong(1)));
    return versions;
  }

  /** The published tables readers see, sorted. */
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

  /** A declared published table, see {@link #table(String)}. */
  public Dataset<Row> table(PublishedTable table) {
    return table(table.name());
  }

  public String root() {
    return root;
  }
}

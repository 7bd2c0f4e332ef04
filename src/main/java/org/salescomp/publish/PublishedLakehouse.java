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
import org.salescomp.marts.PeriodClose;
import org.salescomp.marts.PublishedCatalog;
import org.salescomp.marts.RunLog;

/**
 * The published Delta tables of a lakehouse as readers see them: each table of the catalog at the
 * version the last succeeded run recorded in {@code run_log.output_versions} (Delta time travel), so a
 * run that is still publishing, or was killed halfway, is invisible until a run succeeds. Only a
 * success records versions (a running or failed attempt keeps those of its run id's last success), so
 * the version of a table is the highest recorded in any row. A catalog
 * table no succeeded run has committed is not shown; {@code run_log} itself, {@code period_close} (one
 * commit of {@code close}, never of a run) and tables outside the catalog (the simulation's) are read at
 * their latest version. Every reader of published tables goes
 * through here: {@code sql}, the dashboard, statements and the PostgreSQL copy.
 *
 * <p>Views live in a session of their own ({@link SparkSession#newSession()}: same Spark context,
 * separate views), so the caller's views stay as they were.
 */
public final class PublishedLakehouse implements ChangeFeed {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PublishedLakehouse.class);
  private final SparkSession session;
  private final String root;
  private final List<String> tables;
  /** The version each pinned table is read at. */
  private final Map<String, Long> versions;

  private PublishedLakehouse(SparkSession session, String root, List<String> tables, Map<String, Long> versions) {
    this.session = session;
    this.root = root;
    this.tables = tables;
    this.versions = versions;
  }

  /** Catalog tables no run writes, each changed by a single commit: read at their latest version. */
  private static final List<PublishedTable> WRITTEN_OUTSIDE_RUNS = List.of(RunLog.TABLE, PeriodClose.TABLE);

  public static PublishedLakehouse open(SparkSession spark, String root) {
    SparkSession session = spark.newSession();
    // collected dates and timestamps as java.time values (LocalDate, Instant): no JVM time zone involved
    session.conf().set("spark.sql.datetime.java8API.enabled", "true");
    Map<String, Long> versions = new TreeMap<>();
    List<String> tables = register(session, root, name -> true, versions).stream().filter(n -> grainView(n).isEmpty()).toList();
    return new PublishedLakehouse(session, root, tables, Map.copyOf(versions));
  }

  /** The declared table a grain view ({@link PublishedTable#views()}) reads, when {@code name} is one. */
  public static java.util.Optional<PublishedTable> grainView(String name) {
    return PublishedCatalog.TABLES.stream()
        .filter(t -> t.views().stream().anyMatch(v -> v.name().equals(name))).findFirst();
  }

  /** The folder's table of a registered name: the table itself, or the table a grain view reads. */
  public static String tableOf(String name) {
    return grainView(name).map(PublishedTable::name).orElse(name);
  }

  /**
   * Registers each published table under the root as a temporary view of its name, read as described
   * above, in {@code spark} itself, and the grain views of the tables that have them ({@code kpi_rep_month}
   * over {@code kpi_rep_period}); returns the names, sorted.
   */
  public static List<String> registerViews(SparkSession spark, String root) {
    return register(spark, root, name -> true, new TreeMap<>());
  }

  /**
   * As {@link #registerViews(SparkSession, String)}, for the published tables {@code wanted} accepts (by
   * their name or the name of one of their grain views) only: each view costs a read of the table's Delta
   * log, and run_log is read only when a view needs its version.
   */
  public static List<String> registerViews(SparkSession spark, String root, Predicate<String> wanted) {
    return register(spark, root, wanted, new TreeMap<>());
  }

  /** {@link #registerViews}, putting the version each pinned table is read at into {@code pinnedVersions}. */
  private static List<String> register(SparkSession spark, String root, Predicate<String> wanted,
      Map<String, Long> pinnedVersions) {
    List<String> all = LakehousePaths.tables(spark, root);
    List<String> found = all.stream().filter(name -> wanted.test(name) || PublishedCatalog.find(name)
        .map(t -> t.views().stream().anyMatch(v -> wanted.test(v.name()))).orElse(false)).toList();
    Map<String, Long> versions = found.isEmpty() ? Map.of() : succeededVersions(spark, root, all);
    List<String> names = new ArrayList<>();
    for (String name : found) {
      boolean pinned = PublishedCatalog.find(name).filter(t -> !WRITTEN_OUTSIDE_RUNS.contains(t)).isPresent();
      if (pinned && !versions.containsKey(name)) {
        continue; // no succeeded run has committed it yet
      }
      DataFrameReader reader = spark.read().format("delta");
      if (pinned) {
        reader.option("versionAsOf", versions.get(name));
        pinnedVersions.put(name, versions.get(name));
      }
      reader.load(LakehousePaths.table(root, name)).createOrReplaceTempView(name);
      names.add(name);
    }
    // the views of one period type each (kpi_rep_month, ...), over the views above
    for (PublishedTable table : PublishedCatalog.TABLES) {
      if (names.contains(table.name())) {
        for (PublishedTable.GrainView view : table.views()) {
          spark.sql(view.sql(table, table.name())).createOrReplaceTempView(view.name());
          names.add(view.name());
        }
      }
    }
    names.sort(null);
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

  /** The published tables readers see, sorted (the grain views over them not included). */
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

  /** The tables to copy into PostgreSQL: rows, declaration and the version read (-1 when not pinned). */
  List<PgTable> pgTables() {
    return tables.stream().map(name -> new PgTable(name, table(name), PublishedCatalog.find(name),
        versions.getOrDefault(name, -1L))).toList();
  }

  /** From the table's change data feed; its few distinct values come to the driver. */
  @Override
  public java.util.Optional<Dataset<Row>> changed(String table, List<String> columns, long afterVersion,
      long toVersion) {
    try {
      Dataset<Row> slices = session.read().format("delta").option("readChangeFeed", "true")
          .option("startingVersion", afterVersion + 1).option("endingVersion", toVersion)
          .load(LakehousePaths.table(root, table))
          .select(columns.stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new)).distinct();
      return java.util.Optional.of(session.createDataFrame(slices.collectAsList(), slices.schema()));
    } catch (Exception e) {
      // Delta's AnalysisException (no change data recorded for a version) is a checked exception to Java
      LOG.info("no change data feed of {} after version {}: copying it whole ({})", table, afterVersion,
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""));
      return java.util.Optional.empty();
    }
  }
}

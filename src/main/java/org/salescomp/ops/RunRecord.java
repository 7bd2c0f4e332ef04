package org.salescomp.ops;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salescomp.domain.RunScope;
import org.salescomp.io.LakehousePaths;
import org.salescomp.marts.RunLog;

/**
 * The lineage of one past run, from its row in {@code run_log}: its scope, the config it ran with,
 * the versions of what it read and the versions of the tables it wrote.
 *
 * @param inputVersions delta source name to the version the run read
 * @param inputFingerprints parquet or csv source name to the {@link FileFingerprint} it read
 * @param outputVersions published table name to the version the run's commit created
 */
public record RunRecord(String runId, RunScope scope, String status, String configHash,
    Map<String, Long> inputVersions, Map<String, String> inputFingerprints, Map<String, Long> outputVersions) {
  public static final String INPUT_VERSIONS = "input_versions";
  public static final String INPUT_FINGERPRINTS = "input_fingerprints";
  public static final String OUTPUT_VERSIONS = "output_versions";

  /** The run's row of the run_log under {@code lakehouseRoot}; empty when there is none. */
  public static Optional<RunRecord> find(SparkSession spark, String lakehouseRoot, String runId) {
    String path = LakehousePaths.table(lakehouseRoot, RunLog.TABLE.name());
    if (DeltaVersions.latestOrNone(spark, path) < 0) {
      return Optional.empty();
    }
    Dataset<Row> log = spark.read().format("delta").load(path);
    List<String> columns = Arrays.asList(log.columns());
    if (!columns.contains(INPUT_VERSIONS) || !columns.contains(INPUT_FINGERPRINTS)) {
      throw new IllegalStateException(path + " records no " + INPUT_VERSIONS + " and " + INPUT_FINGERPRINTS
          + ": it was written by a version of salescomp without lineage, and its runs cannot be rerun");
    }
    List<Row> rows = log.where(col(RunLog.RUN_ID).equalTo(lit(runId))).collectAsList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Row row = rows.get(0);
    RunScope scope = new RunScope(YearMonth.from(row.getDate(row.fieldIndex("months_from")).toLocalDate()),
        YearMonth.from(row.getDate(row.fieldIndex("months_to")).toLocalDate()),
        row.getDate(row.fieldIndex("logical_date")).toLocalDate());
    return Optional.of(new RunRecord(runId, scope, row.getString(row.fieldIndex("status")),
        row.getString(row.fieldIndex("config_hash")), map(row, INPUT_VERSIONS), map(row, INPUT_FINGERPRINTS),
        columns.contains(OUTPUT_VERSIONS) ? map(row, OUTPUT_VERSIONS) : Map.of()));
  }

  private static <V> Map<String, V> map(Row row, String column) {
    int i = row.fieldIndex(column);
    return row.isNullAt(i) ? Map.of() : new TreeMap<>(row.<String, V>getJavaMap(i));
  }
}

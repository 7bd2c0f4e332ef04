package org.salescomp.marts;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;
import org.salescomp.quality.SourceTally;

/**
 * {@code run_log}: one row per run id (a rerun with the same id replaces its row). Records what the
 * run read (rows read, accepted, quarantined, deferred per source), which plans and config it used,
 * what it wrote, and how it ended.
 */
public final class RunLog {
  public static final String RUN_ID = "run_id";

  public static final StructType SOURCE_COUNT = new StructType()
      .add("source", StringType, false).add("read", LongType, false).add("accepted", LongType, false)
      .add("quarantined", LongType, false).add("deferred", LongType, false);

  public static final StructType SCHEMA = new StructType()
      .add(RUN_ID, StringType, false)
      .add("job", StringType, false)
      .add("logical_date", DateType, false)
      .add("months_from", DateType, false)
      .add("months_to", DateType, false)
      .add("started_at", TimestampType, false)
      .add("finished_at", TimestampType, false)
      .add("status", StringType, false)
      .add("app_version", StringType, false)
      .add("config_hash", StringType, false)
      .add("plan_hashes", createMapType(StringType, StringType, false), false)
      .add("source_counts", new ArrayType(SOURCE_COUNT, false), false)
      .add("rows_written", createMapType(StringType, LongType, false), false)
      .add("unattributed", createMapType(StringType, LongType, false), false)
      .add("input_versions", createMapType(StringType, LongType, false), false)
      .add("input_fingerprints", createMapType(StringType, StringType, false), false)
      .add("output_versions", createMapType(StringType, LongType, false), false)
      .add("quarantined_by_reason", createMapType(StringType, LongType, false), false);

  public record Entry(String runId, String job, LocalDate logicalDate, LocalDate monthsFrom, LocalDate monthsTo,
      Instant startedAt, Instant finishedAt, String status, String appVersion, String configHash,
      Map<String, String> planHashes, List<SourceTally> sourceCounts, Map<String, Long> rowsWritten,
      Map<String, Long> unattributed, Map<String, Long> inputVersions, Map<String, String> inputFingerprints,
      Map<String, Long> outputVersions, Map<String, Long> quarantinedByReason) {}

  private RunLog() {}

  public static Row row(Entry e) {
    List<Row> counts = e.sourceCounts().stream()
        .map(c -> RowFactory.create(c.table().tableName(), c.read(), c.accepted(), c.quarantined(), c.deferred()))
        .toList();
    return RowFactory.create(e.runId(), e.job(), Date.valueOf(e.logicalDate()), Date.valueOf(e.monthsFrom()),
        Date.valueOf(e.monthsTo()), Timestamp.from(e.startedAt()), Timestamp.from(e.finishedAt()), e.status(),
        e.appVersion(), e.configHash(), new TreeMap<>(e.planHashes()), counts, new TreeMap<>(e.rowsWritten()),
        new TreeMap<>(e.unattributed()), new TreeMap<>(e.inputVersions()), new TreeMap<>(e.inputFingerprints()),
        new TreeMap<>(e.outputVersions()), new TreeMap<>(e.quarantinedByReason()));
  }

}

package org.salescomp.marts;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
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
import org.salescomp.io.PublishedTable;
import org.salescomp.quality.SourceTally;

/**
 * {@code run_log}: one row per run id (a rerun with the same id replaces its row). Records what the
 * run read (rows read, accepted, quarantined, deferred per source), which plans and config it used,
 * what it committed (rows and the version of each table that got a commit), and how it ended: a run
 * writes its row as {@value #RUNNING} before its first commit and as {@value #SUCCEEDED} or
 * {@value #FAILED} at its end.
 */
public final class RunLog {
  public static final String RUN_ID = "run_id";
  public static final String STATUS = "status";
  public static final String EXIT_CODE = "exit_code";
  public static final String ERROR = "error";
  public static final String OUTPUT_VERSIONS = "output_versions";
  /** The run has started publishing and not ended: a killed run stays so until it is rerun. */
  public static final String RUNNING = "running";
  /** Every table the run wrote is committed; readers read the versions it recorded. */
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  public static final StructType SOURCE_COUNT = new StructType()
      .add("source", StringType, false).add("read", LongType, false).add("accepted", LongType, false)
      .add("quarantined", LongType, false).add("deferred", LongType, false);

  public static final PublishedTable TABLE = new PublishedTable("run_log",
      "one row per run id: what the run read, with which plans and config, what it wrote and how it ended",
      PublishedTable.columnsOf()
          .required(RUN_ID, StringType, "the run (a rerun with the same id replaces its row)")
          .required("job", StringType, "the command: run")
          .required("logical_date", DateType, "rows dated after it were deferred")
          .required("months_from", DateType, "first month the run owns")
          .required("months_to", DateType, "last month the run owns")
          .required("started_at", TimestampType, "when the run started (UTC)")
          .required("finished_at", TimestampType, "when the row was last written (UTC)")
          .required("status", StringType, "running (written before the run's first commit), succeeded or failed")
          .add(EXIT_CODE, IntegerType, "a failed run's exit code (1 other, 4 concurrent commit); null otherwise")
          .add(ERROR, StringType, "the first line of a failed run's error; null otherwise")
          .required("app_version", StringType, "the salescomp version")
          .required("config_hash", StringType, "hash of the effective configuration")
          .required("plan_hashes", createMapType(StringType, StringType, false), "plan@effective_from to hash")
          .required("source_counts", new ArrayType(SOURCE_COUNT, false),
              "per source: read = accepted + quarantined + deferred")
          .required("rows_written", createMapType(StringType, LongType, false), "rows committed per table")
          .required("unattributed", createMapType(StringType, LongType, false),
              "surveys and complaints of the run's months attributed to nobody")
          .required("input_versions", createMapType(StringType, LongType, false), "Delta source to the version read")
          .required("input_fingerprints", createMapType(StringType, StringType, false),
              "file source to the fingerprint of the files read")
          .required(OUTPUT_VERSIONS, createMapType(StringType, LongType, false),
              "published table to the version the run id's last succeeded attempt committed; readers read"
                  + " each table at the highest version recorded here")
          .required("quarantined_by_reason", createMapType(StringType, LongType, false), "reason code to rows")
          .build(),
      List.of(), List.of(RUN_ID), List.of(RUN_ID), PublishedTable.OwnedRows.ofRun(), false);

  public static final StructType SCHEMA = TABLE.schema();

  public record Entry(String runId, String job, LocalDate logicalDate, LocalDate monthsFrom, LocalDate monthsTo,
      Instant startedAt, Instant finishedAt, String status, Integer exitCode, String error, String appVersion,
      String configHash,
      Map<String, String> planHashes, List<SourceTally> sourceCounts, Map<String, Long> rowsWritten,
      Map<String, Long> unattributed, Map<String, Long> inputVersions, Map<String, String> inputFingerprints,
      Map<String, Long> outputVersions, Map<String, Long> quarantinedByReason) {

    /**
     * The row of a run that starts publishing: nothing written yet.
     *
     * @param succeededVersions the output_versions of the run id's last succeeded attempt (empty for a new
     *     run id): kept, so that readers keep reading them while this attempt runs or after it failed
     */
    public static Entry running(String runId, String job, LocalDate logicalDate, LocalDate monthsFrom,
        LocalDate monthsTo, Instant startedAt, String appVersion, String configHash, Map<String, String> planHashes,
        List<SourceTally> sourceCounts, Map<String, Long> inputVersions, Map<String, String> inputFingerprints,
        Map<String, Long> quarantinedByReason, Map<String, Long> succeededVersions) {
      return new Entry(runId, job, logicalDate, monthsFrom, monthsTo, startedAt, startedAt, RUNNING, null, null,
          appVersion, configHash, planHashes, sourceCounts, Map.of(), Map.of(), inputVersions, inputFingerprints,
          succeededVersions, quarantinedByReason);
    }

    /** The row once every table is committed: rows and versions of the tables that got a commit. */
    public Entry succeeded(Instant at, Map<String, Long> rows, Map<String, Long> unattributedCounts,
        Map<String, Long> versions) {
      return new Entry(runId, job, logicalDate, monthsFrom, monthsTo, startedAt, at, SUCCEEDED, null, null,
          appVersion, configHash, planHashes, sourceCounts, rows, unattributedCounts, inputVersions,
          inputFingerprints, versions, quarantinedByReason);
    }

    /** The row of a run that failed after it had started publishing. */
    public Entry failed(Instant at, int code, String firstLine) {
      return new Entry(runId, job, logicalDate, monthsFrom, monthsTo, startedAt, at, FAILED, code, firstLine,
          appVersion, configHash, planHashes, sourceCounts, rowsWritten, unattributed, inputVersions,
          inputFingerprints, outputVersions, quarantinedByReason);
    }
  }

  private RunLog() {}

  public static Row row(Entry e) {
    List<Row> counts = e.sourceCounts().stream()
        .map(c -> RowFactory.create(c.table().tableName(), c.read(), c.accepted(), c.quarantined(), c.deferred()))
        .toList();
    return RowFactory.create(e.runId(), e.job(), Date.valueOf(e.logicalDate()), Date.valueOf(e.monthsFrom()),
        Date.valueOf(e.monthsTo()), Timestamp.from(e.startedAt()), Timestamp.from(e.finishedAt()), e.status(),
        e.exitCode(), e.error(), e.appVersion(), e.configHash(), new TreeMap<>(e.planHashes()), counts, new TreeMap<>(e.rowsWritten()),
        new TreeMap<>(e.unattributed()), new TreeMap<>(e.inputVersions()), new TreeMap<>(e.inputFingerprints()),
        new TreeMap<>(e.outputVersions()), new TreeMap<>(e.quarantinedByReason()));
  }

}

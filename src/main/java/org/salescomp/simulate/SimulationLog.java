package org.salescomp.simulate;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;
import org.salescomp.domain.RunScope;

/**
 * {@code simulation_log}: one row per simulation id (a rerun with the same id replaces it). Records
 * what a simulation needs to be reproduced: the months, the configuration's hash, each scenario's file
 * and its hash with the hashes of the plan versions it produced, and each input's version.
 */
final class SimulationLog {
  static final String SIMULATION_ID = ScenarioPayouts.SIMULATION_ID;

  static final StructType SCENARIO = new StructType()
      .add("scenario", StringType, false).add("description", StringType, false)
      .add("file", StringType, true).add("file_hash", StringType, true)
      .add("plan_hashes", createMapType(StringType, StringType, false), false);
  static final StructType INPUT = new StructType()
      .add("source", StringType, false).add("format", StringType, false)
      .add("location", StringType, false).add("version", StringType, false);

  static final StructType SCHEMA = new StructType()
      .add(SIMULATION_ID, StringType, false)
      .add("months_from", DateType, false)
      .add("months_to", DateType, false)
      .add("logical_date", DateType, false)
      .add("compared_with", StringType, false)
      .add("started_at", TimestampType, false)
      .add("finished_at", TimestampType, false)
      .add("status", StringType, false)
      .add("app_version", StringType, false)
      .add("config_hash", StringType, false)
      .add("scenarios", new ArrayType(SCENARIO, false), false)
      .add("inputs", new ArrayType(INPUT, false), false)
      .add("rows_written", createMapType(StringType, LongType, false), false)
      .add("report", StringType, false);

  /** A scenario as recorded: file and hash are null for the baseline (the run's configuration). */
  record Scenario(String name, String description, String file, String fileHash, Map<String, String> planHashes) {}

  record Entry(String simulationId, RunScope scope, String comparedWith, Instant startedAt, Instant finishedAt,
      String appVersion, String configHash, List<Scenario> scenarios, List<SourceVersions.Input> inputs,
      Map<String, Long> rowsWritten, String report) {}

  private SimulationLog() {}

  static Row row(Entry e) {
    List<Row> scenarios = e.scenarios().stream().map(s -> RowFactory.create(s.name(), s.description(), s.file(),
        s.fileHash(), new TreeMap<>(s.planHashes()))).toList();
    List<Row> inputs = e.inputs().stream().map(i -> RowFactory.create(i.source(), i.format(), i.location(),
        i.version())).toList();
    return RowFactory.create(e.simulationId(), Date.valueOf(e.scope().firstDay()),
        Date.valueOf(e.scope().lastMonthStart()), Date.valueOf(e.scope().logicalDate()), e.comparedWith(),
        Timestamp.from(e.startedAt()), Timestamp.from(e.finishedAt()), "succeeded", e.appVersion(), e.configHash(),
        scenarios, inputs, new TreeMap<>(e.rowsWritten()), e.report());
  }
}

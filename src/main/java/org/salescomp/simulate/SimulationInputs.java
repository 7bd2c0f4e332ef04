package org.salescomp.simulate;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salescomp.config.Settings;
import org.salescomp.io.SourceTable;
import org.salescomp.ops.InputVersions;
import org.salescomp.pipeline.Sources;
import org.salescomp.quality.GateResult;
import org.salescomp.quality.InputGate;
import org.salescomp.staging.SourceData;

/**
 * The sources of a simulation, each read once and through the data-quality gate, exactly as a run
 * reads them (Delta sources at the versions captured when it started): the baseline then computes
 * from the rows production paid from. The accepted rows are kept on the executors
 * ({@code localCheckpoint}), so however many scenarios and outputs use a table, its files are
 * scanned once. The simulation publishes no quarantine; the nightly run does.
 */
final class SimulationInputs {
  private SimulationInputs() {}

  static SourceData readOnce(SparkSession spark, Settings settings, InputVersions versions, LocalDate logicalDate) {
    SourceData raw = Sources.readForRun(spark, settings, versions);
    GateResult gate = InputGate.check(raw, logicalDate, settings.reportingCurrency());
    try {
      Map<SourceTable, Dataset<Row>> accepted = new EnumMap<>(SourceTable.class);
      gate.accepted().tables().forEach((table, rows) -> accepted.put(table, rows.localCheckpoint(true)));
      return new SourceData(accepted);
    } finally {
      gate.unpersist();
    }
  }
}

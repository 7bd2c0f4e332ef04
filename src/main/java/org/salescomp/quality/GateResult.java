package org.salescomp.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.salescomp.config.QualityRules;
import org.salescomp.io.SourceTable;
import org.salescomp.staging.SourceData;

/**
 * What {@link InputGate#check} decided: the accepted rows to compute from, the quarantine rows to
 * publish, and the counts for the run log and the threshold. The rows are kept ({@link PlanCuts}),
 * so later plans start from them; the counts run one small Spark job ({@link #tally}, computed once).
 * {@link #unpersist} when done.
 */
public final class GateResult {
  static final String ACCEPTED = "accepted";
  static final String QUARANTINED = "quarantined";
  static final String DEFERRED = "deferred";
  private static final String STATUS = "status";

  private static final String READ = "read";
  private static final String ROWS = "_rows";
  private static final String EXAMPLE = "_example_key";
  private static final String EXAMPLE_SOURCE = "_example_source";
  private static final String EXAMPLE_REASON = "_example_reason";

  private final SourceData raw;
  private final Map<SourceTable, Dataset<Row>> checked;
  private final PlanCuts cuts;
  private List<SourceTally> tally;

  /**
   * @param raw the sources as read: counted on their own, so that read = accepted + quarantined +
   *     deferred is a check of the gate, not a definition
   * @param checked every row of each source with the gate's bookkeeping columns
   */
  GateResult(SourceData raw, Map<SourceTable, Dataset<Row>> checked, PlanCuts cuts) {
    this.raw = raw;
    this.checked = new EnumMap<>(checked);
    this.cuts = cuts;
  }

  /** The accepted rows of every source, each with exactly the contract's columns and types. */
  public SourceData accepted() {
    Map<SourceTable, Dataset<Row>> accepted = new EnumMap<>(SourceTable.class);
    checked.forEach((table, rows) -> accepted.put(table, InputGate.accepted(rows, table)));
    return new SourceData(accepted);
  }

  /** The quarantined rows of every source in {@link Quarantine#SCHEMA}, stamped with {@code runId}. */
  public Dataset<Row> quarantine(String runId) {
    Dataset<Row> all = null;
    for (Map.Entry<SourceTable, Dataset<Row>> e : checked.entrySet()) {
      Dataset<Row> rows = e.getValue().where(Verdicts.isQuarantined()).select(
          lit(runId).as(Quarantine.RUN_ID), lit(e.getKey().tableName()).as(Quarantine.SOURCE),
          col(Verdicts.REASON).as(Quarantine.REASON), col(Verdicts.ROW_KEY).as(Quarantine.ROW_KEY),
          col(Verdicts.ROW).as(Quarantine.ROW), col(Verdicts.DETAIL).as(Quarantine.DETAIL));
      all = all == null ? rows : all.unionAll(rows);
    }
    return all.sparkSession().createDataFrame(all.rdd(), Quarantine.SCHEMA);
  }

  /** Quarantined rows per source and reason, keyed {@code deals/NEGATIVE_AMOUNT}: for run_log's quarantine counts. */
  public Map<String, Long> quarantinedByReason() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (SourceTally t : tally()) {
      t.reasons().forEach(r -> counts.put(t.table().tableName() + "/" + r.reason(), r.rows()));
    }
    return counts;
  }

  /**
   * Throws {@link DataQualityException} when a source's share of quarantined rows is above its
   * maximum. Call after {@link #counts} and before writing anything.
   */
  public void requireWithinThreshold(QualityRules rules) {
    BadShareThreshold.check(tally(), rules);
  }

  /** Per source, in contract order: the counts and the quarantined rows by reason. One Spark job, once. */
  public synchronized List<SourceTally> tally() {
    if (tally == null) {
      tally = computeTally();
    }
    return tally;
  }

  /** Every row of a source with the gate's bookkeeping columns (for tests and diagnostics). */
  Dataset<Row> checked(SourceTable table) {
    return checked.get(table);
  }

  /** Drops the gate's cached rows: call when the run no longer reads the accepted or quarantined rows. */
  public void unpersist() {
    cuts.release();
  }

  private List<SourceTally> computeTally() {
    Column status = when(Verdicts.isQuarantined(), lit(QUARANTINED))
        .when(col(Verdicts.DEFERRED), lit(DEFERRED)).otherwise(lit(ACCEPTED));
    Dataset<Row> statuses = null;
    for (Map.Entry<SourceTable, Dataset<Row>> e : checked.entrySet()) {
      Dataset<Row> rows = e.getValue().select(lit(e.getKey().tableName()).as(Quarantine.SOURCE), status.as(STATUS),
          col(Verdicts.REASON), col(Verdicts.ROW_KEY));
      statuses = statuses == null ? rows : statuses.unionAll(rows);
      statuses = statuses.unionAll(raw.get(e.getKey()).select(lit(e.getKey().tableName()).as(Quarantine.SOURCE),
          lit(READ).as(STATUS), lit(null).cast(DataTypes.StringType).as(Verdicts.REASON),
          lit(null).cast(DataTypes.StringType).as(Verdicts.ROW_KEY)));
    }
    // at most sources x (statuses + reasons) rows reach the driver. The counts are a hash aggregation
    // over every row; the example key (a string minimum, which Spark aggregates by sorting its input) is
    // taken over the quarantined rows only, the only ones it is read for
    Dataset<Row> examples = statuses.where(col(STATUS).equalTo(lit(QUARANTINED)))
        .groupBy(col(Quarantine.SOURCE).as(EXAMPLE_SOURCE), col(Verdicts.REASON).as(EXAMPLE_REASON))
        .agg(min(col(Verdicts.ROW_KEY)).as(EXAMPLE));
    List<Row> groups = statuses.groupBy(col(Quarantine.SOURCE), col(STATUS), col(Verdicts.REASON))
        .agg(count(lit(1)).as(ROWS))
        .join(examples, col(Quarantine.SOURCE).equalTo(col(EXAMPLE_SOURCE))
            .and(col(Verdicts.REASON).equalTo(col(EXAMPLE_REASON))), "left")
        .select(col(Quarantine.SOURCE), col(STATUS), col(Verdicts.REASON), col(ROWS), col(EXAMPLE))
        .collectAsList();
    List<SourceTally> tallies = new ArrayList<>();
    for (SourceTable table : checked.keySet()) {
      long read = 0;
      long[] byStatus = new long[3];
      List<SourceTally.ReasonCount> reasons = new ArrayList<>();
      for (Row g : groups) {
        if (!g.getString(0).equals(table.tableName())) {
          continue;
        }
        switch (g.getString(1)) {
          case READ -> read += g.getLong(3);
          case ACCEPTED -> byStatus[0] += g.getLong(3);
          case DEFERRED -> byStatus[2] += g.getLong(3);
          default -> {
            byStatus[1] += g.getLong(3);
            reasons.add(new SourceTally.ReasonCount(ReasonCode.valueOf(g.getString(2)), g.getLong(3), g.getString(4)));
          }
        }
      }
      reasons.sort(Comparator.comparingLong(SourceTally.ReasonCount::rows).reversed()
          .thenComparing(SourceTally.ReasonCount::reason));
      tallies.add(new SourceTally(table, read, byStatus[0], byStatus[1], byStatus[2], reasons));
    }
    return tallies;
  }
}

package org.salescomp.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;

import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.time.YearMonth;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salescomp.common.Money;
import org.salescomp.engine.AdjustmentLines;
import org.salescomp.engine.BalanceLines;
import org.salescomp.engine.PayLines;
import org.salescomp.io.DeltaLogs;
import org.salescomp.io.LakehousePaths;
import org.salescomp.marts.PeriodClose;
import org.salescomp.ops.DeltaVersions;
import org.salescomp.quality.LateRows;

/**
 * What a run reads of the pay ledger ("Closed periods (the pay ledger)"): the closed months, the published
 * lines it must not rewrite, what the closed months older than the restate window paid, and the balances
 * owed when its pay starts (which a simulation reads too). Reads only.
 */
public final class Ledger {
  static final String COMMISSION_LINES = "commission_lines";

  private final SparkSession spark;
  private final String root;

  public Ledger(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root;
  }

  /** One small job over {@code period_close}; none when the table does not exist. */
  ClosedMonths closedMonths() {
    Optional<Dataset<Row>> closes = table(PeriodClose.TABLE.name());
    if (closes.isEmpty()) {
      return ClosedMonths.NONE;
    }
    Row range = closes.get().agg(min(col(PeriodClose.MONTH)), max(col(PeriodClose.MONTH))).first();
    return range.isNullAt(0) ? ClosedMonths.NONE
        : new ClosedMonths(YearMonth.from(range.getDate(0).toLocalDate()), YearMonth.from(range.getDate(1).toLocalDate()));
  }

  /** The published lines a run writing {@code firstOpen..to} keeps as they are: the ledger corrections read. */
  Dataset<Row> keptLines(YearMonth firstOpen, YearMonth to) {
    return publishedLines().where(not(col(PayLines.MONTH).between(lit(Date.valueOf(firstOpen.atDay(1))), lit(Date.valueOf(to.atDay(1))))));
  }

  /** The published lines of the months a run rewrites, {@code firstOpen..to}. */
  Dataset<Row> rewrittenLines(YearMonth firstOpen, YearMonth to) {
    return publishedLines().where(col(PayLines.MONTH).between(lit(Date.valueOf(firstOpen.atDay(1))),
        lit(Date.valueOf(to.atDay(1)))));
  }

  /**
   * Where the balance step's fold starts for pay written from {@code firstWritten}: that month, with each
   * rep's balance owed after the month before as published. The months before stand as published, however
   * far back a run or a simulation computes to price its own (a balance can be owed for longer than any
   * lookback). A lakehouse without {@code rep_balances} owes nothing.
   */
  public BalanceLines.Opening openingAt(YearMonth firstWritten) {
    return openingAt(firstWritten, balancesVersion());
  }

  /**
   * As {@link #openingAt(YearMonth)}, reading {@code rep_balances} as it was at {@code balancesVersion}: a
   * run committing meanwhile changes neither what is read nor the version recorded for it.
   *
   * @param balancesVersion from {@link #balancesVersion()}; -1 (no table) owes nothing
   */
  public BalanceLines.Opening openingAt(YearMonth firstWritten, long balancesVersion) {
    return new BalanceLines.Opening(firstWritten.atDay(1),
        balancesOwedAfter(firstWritten.minusMonths(1), balancesVersion));
  }

  /** The latest version of {@code rep_balances}, -1 when the table does not exist. */
  public long balancesVersion() {
    return DeltaLogs.version(spark, LakehousePaths.table(root, BalanceLines.TABLE.name()));
  }

  /**
   * Each rep's balance owed after {@code month}, as published (as closed, for a closed month): the closing
   * of the rep's latest {@code rep_balances} row up to that month (a rep owing nothing then has no row, or
   * a zero). rep_id, opening.
   */
  private Dataset<Row> balancesOwedAfter(YearMonth month, long version) {
    if (version < 0) {
      return spark.emptyDataFrame().select(lit(null).cast("string").as(PayLines.REP_ID),
          lit(null).cast(Money.MONEY).as(BalanceLines.OPENING));
    }
    Dataset<Row> balances = spark.read().format("delta")
        .load(DeltaVersions.at(LakehousePaths.table(root, BalanceLines.TABLE.name()), version));
    return balances.where(col(PayLines.MONTH).leq(lit(Date.valueOf(month.atDay(1)))))
        .groupBy(PayLines.REP_ID)
        .agg(max_by(col(BalanceLines.CLOSING), col(PayLines.MONTH)).as(BalanceLines.OPENING));
  }

  /**
   * The rows the closed months older than the restate window paid (deal credits and adjustments), for the
   * gate: a row dated there that they did not pay arrived too late.
   */
  LateRows lateRows(Optional<ClosedMonths.Range> beforeWindow) {
    if (beforeWindow.isEmpty()) {
      return LateRows.NONE;
    }
    ClosedMonths.Range range = beforeWindow.get();
    Dataset<Row> paid = publishedLines().where(col(PayLines.MONTH).between(lit(Date.valueOf(range.from().atDay(1))), lit(Date.valueOf(range.to().atDay(1)))));
    Dataset<Row> credits = paid.where(col(PayLines.LINE_TYPE).equalTo(lit(PayLines.COMMISSION)))
        .select(col(PayLines.DEAL_ID).as(LateRows.DEAL_ID), col(PayLines.REP_ID).as(LateRows.REP_ID)).distinct();
    Dataset<Row> adjustments = paid.where(col(PayLines.LINE_TYPE).equalTo(lit(PayLines.ADJUSTMENT)))
        .select(AdjustmentLines.adjustmentId(col(PayLines.EXPLANATION_ARGS)).as(LateRows.ADJUSTMENT_ID)).distinct();
    return new LateRows(range.from().atDay(1), range.to().atEndOfMonth(), credits, adjustments);
  }

  private Dataset<Row> publishedLines() {
    return table(COMMISSION_LINES).orElseThrow(() -> new IllegalStateException(
        "months are closed but " + COMMISSION_LINES + " does not exist under " + root));
  }

  private Optional<Dataset<Row>> table(String name) {
    String path = LakehousePaths.table(root, name);
    if (!DeltaTable.isDeltaTable(spark, path)) {
      return Optional.empty();
    }
    return Optional.of(spark.read().format("delta").load(path));
  }
}

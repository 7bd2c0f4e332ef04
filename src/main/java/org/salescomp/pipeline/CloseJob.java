package org.salescomp.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import io.delta.tables.DeltaTable;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.SparkSession;
import org.salescomp.config.Settings;
import org.salescomp.io.DeltaPublisher;
import org.salescomp.io.LakehousePaths;
import org.salescomp.marts.PeriodClose;
import org.salescomp.marts.RunLog;

/**
 * {@code close --month M}: closes every month up to M ("Closed periods (the pay ledger)"). Each month to close
 * must hold the pay of one succeeded run (payouts and lines written by it); its row in {@code period_close}
 * records that run, the payout total and the line count. Months already closed stay as they are.
 */
public final class CloseJob {
  static final String PAYOUTS = "payouts";
  static final String SUCCEEDED = "succeeded";

  /** What a close did: the months it closed now (none when M was closed already) and their rows. */
  public record Result(YearMonth closedThrough, List<Row> closedNow) {}

  private CloseJob() {}

  public static Result close(SparkSession spark, Settings settings, YearMonth month) {
    String root = settings.lakehouseRoot();
    ClosedMonths closed = new Ledger(spark, root).closedMonths();
    if (closed.any() && !month.isAfter(closed.last())) {
      return new Result(closed.last(), List.of());
    }
    Dataset<Row> payouts = published(spark, root, PAYOUTS);
    Dataset<Row> lines = published(spark, root, Ledger.COMMISSION_LINES);
    YearMonth first = closed.any() ? closed.last().plusMonths(1) : firstPaidMonth(payouts, month);
    if (first.isAfter(month)) {
      throw new LedgerRefused("nothing to close: " + month + " is before the first month with pay, " + first);
    }
    List<Row> paid = PeriodClose.paidMonths(payouts, lines, first.atDay(1),
        month.atDay(1)).collectAsList(); // one row per month
    Set<String> succeeded = succeededRuns(spark, root);
    Map<YearMonth, Row> byMonth = new HashMap<>();
    paid.forEach(r -> byMonth.put(YearMonth.from(r.getDate(r.fieldIndex(PeriodClose.MONTH)).toLocalDate()), r));
    Timestamp closedAt = Timestamp.from(Instant.now());
    // the close's own id, on its rows and commit (the closing run is the run whose pay it closed)
    String closeId = "close__" + month;
    List<Row> rows = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(month); m = m.plusMonths(1)) {
      rows.add(closeRow(m, byMonth.get(m), succeeded, closedAt, closeId));
    }
    new DeltaPublisher(spark, root, closeId).insertNew(PeriodClose.TABLE.name(),
        spark.createDataFrame(rows, PeriodClose.SCHEMA).repartition(1).sortWithinPartitions(PeriodClose.MONTH),
        PeriodClose.MONTH);
    return new Result(month, rows);
  }

  /** The month's period_close row, or a refusal saying why the month cannot be closed. */
  private static Row closeRow(YearMonth m, Row paid, Set<String> succeeded, Timestamp closedAt, String closeId) {
    if (paid == null) {
      throw new LedgerRefused("cannot close " + m + ": no pay was published for it; run it first");
    }
    String run = paid.getString(paid.fieldIndex(PeriodClose.PAYOUT_RUN_MIN));
    Set<String> runs = new TreeSet<>();
    for (String c : List.of(PeriodClose.PAYOUT_RUN_MIN, PeriodClose.PAYOUT_RUN_MAX, PeriodClose.LINE_RUN_MIN,
        PeriodClose.LINE_RUN_MAX)) {
      runs.add(String.valueOf(paid.get(paid.fieldIndex(c))));
    }
    if (runs.size() != 1 || !succeeded.contains(run)) {
      throw new LedgerRefused("cannot close " + m + ": its pay was not computed by one succeeded run (runs "
          + String.join(", ", runs) + "); rerun the month, then close it");
    }
    BigDecimal total = paid.getDecimal(paid.fieldIndex(PeriodClose.PAYOUT_TOTAL));
    long lines = paid.getLong(paid.fieldIndex(PeriodClose.LINE_COUNT));
    // with its schema, so that callers read the row's fields by name
    return new GenericRowWithSchema(new Object[] {Date.valueOf(m.atDay(1)), closedAt, run, total, lines, closeId},
        PeriodClose.SCHEMA);
  }

  private static YearMonth firstPaidMonth(Dataset<Row> payouts, YearMonth month) {
    Row first = payouts.agg(min(col(PeriodClose.MONTH))).first();
    if (first.isNullAt(0)) {
      throw new LedgerRefused("cannot close " + month + ": no pay was published yet; run it first");
    }
    return YearMonth.from(first.getDate(0).toLocalDate());
  }

  private static Set<String> succeededRuns(SparkSession spark, String root) {
    return new TreeSet<>(published(spark, root, "run_log")
        .where(col("status").equalTo(lit(SUCCEEDED))).select(col(RunLog.RUN_ID)).as(Encoders.STRING())
        .collectAsList()); // one row per run: small
  }

  private static Dataset<Row> published(SparkSession spark, String root, String table) {
    String path = LakehousePaths.table(root, table);
    if (!DeltaTable.isDeltaTable(spark, path)) {
      throw new LedgerRefused("nothing to close: no " + table + " table under " + root + "; run the months first");
    }
    return spark.read().format("delta").load(path);
  }
}

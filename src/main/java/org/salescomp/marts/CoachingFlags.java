package org.salescomp.marts;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.salescomp.common.Money;
import org.salescomp.domain.Coaching;
import org.salescomp.engine.PlanTable;
import org.salescomp.io.PublishedTable;

/**
 * {@code coaching_flags}: one row per rep, month and reason ("Coaching flags"). Flags are for managers
 * and change no pay.
 * <ul>
 *   <li>{@code LOW_ATTAINMENT}: attainment below attainment-below in each of consecutive-months
 *       calendar months in a row ending this month;
 *   <li>{@code LOW_CSAT}: csat_avg below csat-below, with at least the plan's cx min-responses surveys;
 *   <li>{@code HIGH_COMPLAINTS}: complaint_rate above complaint-rate-above.
 * </ul>
 */
public final class CoachingFlags {
  public static final String REP_ID = "rep_id";
  public static final String MONTH = "month";
  public static final String REASON = "reason";
  public static final String VALUE = "value";
  public static final String THRESHOLD = "threshold";

  public static final PublishedTable TABLE = new PublishedTable("coaching_flags",
      "one row per rep, month and reason a coach should look at",
      PublishedTable.columnsOf()
          .add(REP_ID, DataTypes.StringType, "the rep")
          .add(MONTH, DataTypes.DateType, "first day of the month")
          .add(REASON, DataTypes.StringType, "LOW_ATTAINMENT, LOW_CSAT or HIGH_COMPLAINTS")
          .add(VALUE, Money.RATIO, "the rep's measure that month (attainment, csat_avg or complaint_rate)")
          .add(THRESHOLD, Money.RATE, "the configured threshold it crossed")
          .withRunId(),
      List.of(), List.of(REP_ID, MONTH, REASON), List.of(MONTH, REP_ID, REASON),
      PublishedTable.OwnedRows.months(MONTH), false);

  private CoachingFlags() {}

  /**
   * @param kpiRepPeriods {@code kpi_rep_period} rows (months are used)
   * @param repMonthPlans baseline {@link org.salescomp.engine.RepMonthPlans}, for the cx min-responses
   */
  public static Dataset<Row> build(Dataset<Row> kpiRepPeriods, Dataset<Row> repMonthPlans, Coaching coaching) {
    Dataset<Row> months = kpiRepPeriods.where(col("period_type").equalTo(lit("month")))
        .withColumn(MONTH, col("period_start"))
        .join(repMonthPlans.select(REP_ID, MONTH, PlanTable.CX_MIN_RESPONSES), new String[] {REP_ID, MONTH}, "left");
    Column attainmentBelow = lit(coaching.attainmentBelow());
    Column below = col("attainment").lt(attainmentBelow);
    WindowSpec history = Window.partitionBy(REP_ID).orderBy(MONTH);
    Column run = below;
    // consecutive-months is a small setting: one lag per earlier month of the run
    for (int k = 1; k < coaching.consecutiveMonths(); k++) {
      run = run.and(lag(col(MONTH), k).over(history).equalTo(add_months(col(MONTH), -k)))
          .and(lag(col("attainment"), k).over(history).lt(attainmentBelow));
    }
    Dataset<Row> lowAttainment = flag(months.withColumn("low_run", run).where(col("low_run")), "LOW_ATTAINMENT", col("attainment"),
        coaching.attainmentBelow());
    Dataset<Row> lowCsat = flag(months.where(col("csat_avg").lt(lit(coaching.csatBelow()))
        .and(col("csat_responses").geq(col(PlanTable.CX_MIN_RESPONSES)))), "LOW_CSAT", col("csat_avg"),
        coaching.csatBelow());
    Dataset<Row> highComplaints = flag(months.where(col("complaint_rate").gt(lit(coaching.complaintRateAbove()))),
        "HIGH_COMPLAINTS", col("complaint_rate"), coaching.complaintRateAbove());
    return lowAttainment.unionByName(lowCsat).unionByName(highComplaints);
  }

  private static Dataset<Row> flag(Dataset<Row> rows, String reason, Column value, java.math.BigDecimal threshold) {
    return rows.select(col(REP_ID), col(MONTH), lit(reason).as(REASON), value.cast(Money.RATIO).as(VALUE),
        lit(threshold).cast(Money.RATE).as(THRESHOLD));
  }
}

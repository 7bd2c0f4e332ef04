package org.salescomp.engine;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.salescomp.common.Money;
import org.salescomp.io.PublishedTable;

/**
 * One row per scenario, rep and month: the month's pay lines summed by kind. {@code total} is the sum
 * of all the rep-month's lines, so it equals the sum of the other columns to the cent.
 */
public final class Payouts {
  public static final String SCENARIO = PayLines.SCENARIO;
  public static final String REP_ID = PayLines.REP_ID;
  public static final String MONTH = PayLines.MONTH;
  public static final String TOTAL = "total";

  /** payouts column -> the line types it sums (data contract). */
  public static final Map<String, List<String>> COLUMNS_BY_LINE_TYPE = new java.util.LinkedHashMap<>();

  static {
    COLUMNS_BY_LINE_TYPE.put("base_salary", List.of(PayLines.BASE_SALARY));
    COLUMNS_BY_LINE_TYPE.put("commission", List.of(PayLines.COMMISSION, PayLines.COMMISSION_TRUE_UP));
    COLUMNS_BY_LINE_TYPE.put("clawback", List.of(PayLines.CLAWBACK));
    COLUMNS_BY_LINE_TYPE.put("cx_adjustment", List.of(PayLines.CX_ADJUSTMENT));
    COLUMNS_BY_LINE_TYPE.put("cap_adjustment", List.of(PayLines.CAP_ADJUSTMENT));
    COLUMNS_BY_LINE_TYPE.put("guarantee_topup", List.of(PayLines.GUARANTEE_TOPUP));
    COLUMNS_BY_LINE_TYPE.put("bonus", List.of(PayLines.SCORECARD_BONUS));
    COLUMNS_BY_LINE_TYPE.put("awards", List.of(PayLines.TEAM_AWARD, PayLines.SPECIAL_AWARD));
    COLUMNS_BY_LINE_TYPE.put("mentor_bonus", List.of(PayLines.MENTOR_BONUS));
    COLUMNS_BY_LINE_TYPE.put("adjustments", List.of(PayLines.ADJUSTMENT));
    COLUMNS_BY_LINE_TYPE.put("spiff", List.of(PayLines.SPIFF));
    COLUMNS_BY_LINE_TYPE.put("override", List.of(PayLines.OVERRIDE));
    COLUMNS_BY_LINE_TYPE.put("draw_topup", List.of(PayLines.DRAW_TOPUP));
    COLUMNS_BY_LINE_TYPE.put("draw_recovery", List.of(PayLines.DRAW_RECOVERY));
    COLUMNS_BY_LINE_TYPE.put("negative_carry", List.of(PayLines.NEGATIVE_CARRY));
    COLUMNS_BY_LINE_TYPE.put("prior_period_adjustments", List.of(PayLines.PRIOR_PERIOD_ADJUSTMENT));
  }

  private Payouts() {}

  /** {@code payouts}: the baseline's rows, see {@link CommissionLines#publishedPayouts}. */
  public static final PublishedTable TABLE = new PublishedTable("payouts",
      "one row per rep and month: the month's pay lines summed by kind; total is the sum of all its lines",
      amountColumns(PublishedTable.columnsOf()
          .add(REP_ID, DataTypes.StringType, "the rep")
          .add(MONTH, DataTypes.DateType, "first day of the month paid"))
          .add(TOTAL, Money.MONEY, "the sum of all the rep-month's lines, to the cent")
          .withRunId(),
      List.of(), List.of(REP_ID, MONTH), List.of(MONTH, REP_ID), PublishedTable.OwnedRows.months(MONTH), true);

  /** One money column per entry of {@link #COLUMNS_BY_LINE_TYPE}, named by the line types it sums. */
  private static PublishedTable.Columns amountColumns(PublishedTable.Columns columns) {
    COLUMNS_BY_LINE_TYPE.forEach((column, lineTypes) ->
        columns.add(column, Money.MONEY, "sum of the rep-month's " + String.join(" and ", lineTypes) + " lines"));
    return columns;
  }

  public static Dataset<Row> build(Dataset<Row> lines) {
    List<Column> sums = new ArrayList<>();
    COLUMNS_BY_LINE_TYPE.forEach((column, lineTypes) -> sums.add(
        coalesce(Money.sum(when(col(PayLines.LINE_TYPE).isin(lineTypes.toArray()), col(PayLines.AMOUNT))), Money.zero())
            .as(column)));
    sums.add(Money.sum(col(PayLines.AMOUNT)).as(TOTAL));
    return lines
        .groupBy(SCENARIO, REP_ID, MONTH)
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
  }

  /** Column names of the published table, after rep_id and month. */
  public static List<String> amountColumns() {
    List<String> names = new ArrayList<>(COLUMNS_BY_LINE_TYPE.keySet());
    names.add(TOTAL);
    return names;
  }

}

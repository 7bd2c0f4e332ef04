package org.salescomp.marts;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.salescomp.common.Messages;
import org.salescomp.common.Money;
import org.salescomp.engine.Explanations;
import org.salescomp.engine.PayLines;
import org.salescomp.engine.Payouts;
import org.salescomp.engine.PlanTable;
import org.salescomp.intermediate.RepMonths;
import org.salescomp.io.PublishedTable;

/** Shapes the engine's baseline output as the published tables {@code commission_lines} and {@code payouts}. */
public final class CommissionLines {
  public static final PublishedTable TABLE = new PublishedTable("commission_lines",
      "one row per line of pay of a rep and month, with what it is computed from and an explanation",
      PublishedTable.columnsOf()
          .add(PayLines.REP_ID, DataTypes.StringType, "the rep paid")
          .add(PayLines.MONTH, DataTypes.DateType, "first day of the month the line is paid in")
          .add(PayLines.LINE_TYPE, DataTypes.StringType, "the kind of pay: base_salary, commission, clawback, ...")
          .add(PayLines.DEAL_ID, DataTypes.StringType, "the deal of a commission or clawback line; null otherwise")
          .add(PayLines.CREDITED_AMOUNT, Money.MONEY, "the rep's credited share of the deal, reporting currency")
          .add(PayLines.TIER, DataTypes.IntegerType, "the commission tier applied (1 is the first)")
          .add(PayLines.RATE, Money.RATE, "the tier's rate")
          .add(PayLines.MULTIPLIER, Money.RATE, "the product, channel or accelerator multiplier applied")
          .add(PayLines.AMOUNT, Money.MONEY, "the line's amount, rounded HALF_UP to cents once")
          .add(PayLines.EXPLANATION, DataTypes.StringType,
              "how the amount was computed, for the rep, in the configured language")
          .add(PayLines.EXPLANATION_KEY, DataTypes.StringType, "the explanation's message key")
          .add(PayLines.EXPLANATION_ARGS, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
              "the explanation's arguments, by name")
          .add(PayLines.PLAN_ID, DataTypes.StringType, "the rep's plan")
          .add(PayLines.PLAN_HASH, DataTypes.StringType, "the hash of the plan version in force")
          .add(PayLines.FOR_MONTH, DataTypes.DateType,
              "the closed month a prior_period_adjustment corrects; null on other lines")
          .add(PayLines.FOR_LINE_TYPE, DataTypes.StringType,
              "the line type a prior_period_adjustment corrects; null on other lines")
          .withRunId(),
      List.of(PayLines.MONTH), List.of(),
      List.of(PayLines.MONTH, PayLines.REP_ID, PayLines.LINE_TYPE, PayLines.DEAL_ID, PayLines.EXPLANATION,
          PayLines.AMOUNT),
      PublishedTable.OwnedRows.months(PayLines.MONTH), true);

  private CommissionLines() {}

  /**
   * {@code commission_lines}: one row per line of pay of the baseline scenario, with its explanation's
   * key and arguments and, for BI tools, its text in the configured language.
   */
  public static Dataset<Row> published(Dataset<Row> payLines, Messages messages) {
    List<Column> columns = new ArrayList<>();
    for (String c : PayLines.COLUMNS) {
      if (c.equals(PayLines.EXPLANATION_KEY)) {
        columns.add(Explanations.text(messages).as(PayLines.EXPLANATION));
      }
      if (!c.equals(PayLines.SCENARIO)) {
        columns.add(col(c));
      }
    }
    columns.add(col(PayLines.FOR_MONTH));
    columns.add(col(PayLines.FOR_LINE_TYPE));
    return baseline(payLines).select(columns.toArray(Column[]::new));
  }

  /**
   * {@code payouts}: one row per rep and month of the baseline scenario, with the rep's team, region and
   * plan in the month: those of the rep-month ({@link RepMonths}), and after the rep's last active month
   * those of that last month ({@link RepMonths#afterLastActive}), as the engine pays it.
   *
   * @param repMonths {@link RepMonths#build} up to {@code lastMonth}
   * @param teams the accepted teams (team_id, region)
   */
  public static Dataset<Row> publishedPayouts(Dataset<Row> payouts, Dataset<Row> repMonths, Dataset<Row> teams,
      LocalDate lastMonth) {
    Dataset<Row> attributes = repMonths.unionByName(RepMonths.afterLastActive(repMonths, lastMonth))
        .select(col(RepMonths.REP_ID).as("a_rep_id"), col(RepMonths.MONTH).as("a_month"),
            col(RepMonths.TEAM_ID).as(Payouts.TEAM_ID), col(RepMonths.PLAN_ID).as(Payouts.PLAN_ID))
        .join(broadcast(teams.select(col("team_id").as("t_team_id"), col("region").as(Payouts.REGION))),
            col(Payouts.TEAM_ID).equalTo(col("t_team_id")), "left");
    List<Column> columns = new ArrayList<>(List.of(col(Payouts.REP_ID), col(Payouts.MONTH), col(Payouts.TEAM_ID),
        col(Payouts.REGION), col(Payouts.PLAN_ID)));
    Payouts.amountColumns().forEach(c -> columns.add(col(c)));
    return baseline(payouts)
        .join(attributes, col(Payouts.REP_ID).equalTo(col("a_rep_id")).and(col(Payouts.MONTH).equalTo(col("a_month"))),
            "left")
        .select(columns.toArray(Column[]::new));
  }

  private static Dataset<Row> baseline(Dataset<Row> rows) {
    return rows.where(col(PlanTable.SCENARIO).equalTo(lit(PlanTable.BASELINE)));
  }
}

package org.salescomp.engine;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.salescomp.common.Money;
import org.salescomp.domain.AttainmentPeriod;
import org.salescomp.intermediate.CreditedDeals;

/**
 * {@code commission.attainment-period}: where a deal sits when tiers and the gate measure a quarter or a
 * year. Deals are ordered across the period to date by (close_date, deal_id); deal i covers
 * [before_i, before_i + credit_i) of the period-to-date revenue, and the gate reads the period's revenue up
 * to the end of the deal's month. Only the periods some plan uses are positioned: a run of monthly plans
 * computes what it always did.
 */
final class AttainmentPeriods {
  static final String MONTH = AttainmentPeriod.MONTH.configName();

  private AttainmentPeriods() {}

  /** The periods longer than a month that some row of {@code plans} uses, in a fixed order. */
  static List<String> longerPeriods(Dataset<Row> plans) {
    List<String> used = new ArrayList<>();
    for (Row r : plans.where(col(PlanTable.ATTAINMENT_PERIOD).notEqual(lit(MONTH)))
        .select(PlanTable.ATTAINMENT_PERIOD).distinct().collectAsList()) {
      used.add(r.getString(0));
    }
    return used.stream().sorted().toList();
  }

  /** Revenue of the deal's period before it, in (close_date, deal_id) order. */
  static String before(String period) {
    return "revenue_before_" + period;
  }

  /** Revenue of the deal's period up to the end of its month. */
  static String toDate(String period) {
    return "revenue_to_date_" + period;
  }

  /** Revenue of the deal's whole period (what the data holds of it): the base of a true-up's final attainment. */
  static String total(String period) {
    return "revenue_total_" + period;
  }

  /** The first day of the month's period: the month itself, its quarter or its year. */
  static Column start(Column period, Column month) {
    return when(period.equalTo(lit(AttainmentPeriod.QUARTER.configName())), trunc(month, "quarter"))
        .when(period.equalTo(lit(AttainmentPeriod.YEAR.configName())), trunc(month, "year"))
        .otherwise(month);
  }

  /** The first day of the period's last month. */
  static Column lastMonth(Column period, Column periodStart) {
    return when(period.equalTo(lit(AttainmentPeriod.YEAR.configName())), add_months(periodStart, 11))
        .when(period.equalTo(lit(AttainmentPeriod.QUARTER.configName())), add_months(periodStart, 2))
        .otherwise(periodStart);
  }

  /** The credited deals with their place in each of {@code periods} (quarter, year). */
  static Dataset<Row> withPositions(Dataset<Row> deals, List<String> periods) {
    Column credit = col(CreditedDeals.CREDITED_AMOUNT);
    for (String p : periods) {
      WindowSpec period = Window.partitionBy(col(CreditedDeals.REP_ID), trunc(col(CreditedDeals.MONTH), p));
      WindowSpec inOrder = period.orderBy(CreditedDeals.CLOSE_DATE, CreditedDeals.DEAL_ID);
      deals = deals
          .withColumn(before(p), coalesce(sum(credit).over(inOrder.rowsBetween(Window.unboundedPreceding(), -1)),
              Money.zero()).cast(Money.MONEY_8))
          // the default frame of an ordered window: every deal of the months up to and including this one
          .withColumn(toDate(p), sum(credit).over(period.orderBy(CreditedDeals.MONTH)).cast(Money.MONEY_SUM))
          .withColumn(total(p), sum(credit).over(period).cast(Money.MONEY_SUM));
    }
    return deals;
  }

  /**
   * The positioned deals, joined with their plan, placed in the plan's period: {@code before}, {@code after}
   * and the revenue the attainment reads become those of the quarter or year where the plan says so.
   */
  static Dataset<Row> placed(Dataset<Row> rows, String beforeColumn, String afterColumn, String periodRevenue,
      String monthRevenue) {
    Column period = col(PlanTable.ATTAINMENT_PERIOD);
    Column before = col(beforeColumn);
    Column revenue = col(monthRevenue);
    List<String> columns = List.of(rows.columns());
    for (AttainmentPeriod p : List.of(AttainmentPeriod.QUARTER, AttainmentPeriod.YEAR)) {
      String name = p.configName();
      if (columns.contains(before(name))) {
        before = when(period.equalTo(lit(name)), col(before(name))).otherwise(before);
        revenue = when(period.equalTo(lit(name)), col(toDate(name))).otherwise(revenue);
      }
    }
    return rows
        .withColumn(beforeColumn, before.cast(Money.MONEY_8))
        .withColumn(afterColumn, col(beforeColumn).plus(col(CreditedDeals.CREDITED_AMOUNT)).cast(Money.MONEY_8))
        .withColumn(periodRevenue, revenue.cast(Money.MONEY_SUM));
  }

  /** The whole period's revenue of a placed deal row (its month's for a monthly plan). */
  static Column periodTotal(Dataset<Row> rows, String monthRevenue) {
    Column period = col(PlanTable.ATTAINMENT_PERIOD);
    Column total = col(monthRevenue);
    List<String> columns = List.of(rows.columns());
    for (AttainmentPeriod p : List.of(AttainmentPeriod.QUARTER, AttainmentPeriod.YEAR)) {
      String name = p.configName();
      if (columns.contains(total(name))) {
        total = when(period.equalTo(lit(name)), col(total(name))).otherwise(total);
      }
    }
    return total;
  }
}

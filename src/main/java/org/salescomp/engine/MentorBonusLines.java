package org.salescomp.engine;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Money;
import org.salescomp.intermediate.RepMonths;

/**
 * Step 7, {@code mentor_bonus}, on the mentor's statement: {@code round2(rate * (C + cx + cap))} of each
 * mentee (roster {@code mentor_id} on the mentee's last active day of the month) whose month index is
 * below {@code mentor.months}. Rate and months are those of the mentee's plan: the plan that hires
 * and protects the new rep is the one that pays for their mentoring, so the line carries the mentee's
 * plan id and hash. The mentor must hold a roster row in the month to be paid.
 */
public final class MentorBonusLines {
  private MentorBonusLines() {}

  /**
   * @param commissionMonths {@link CommissionMonths} (the mentees' months)
   * @param repMonthPlans {@link RepMonthPlans} (to find the mentor's own month and plan)
   */
  public static Dataset<Row> build(Dataset<Row> commissionMonths, Dataset<Row> repMonthPlans) {
    Column mentored = col(RepMonths.MENTOR_ID).isNotNull()
        .and(col(RepMonths.MONTH_INDEX).geq(0))
        .and(col(RepMonths.MONTH_INDEX).lt(col(PlanTable.MENTOR_MONTHS)));
    Dataset<Row> mentees = commissionMonths.where(mentored).select(
        col(PayLines.SCENARIO), col(RepMonths.MENTOR_ID).as(PayLines.REP_ID), col(PayLines.MONTH),
        col(PayLines.REP_ID).as("mentee_id"), col(RepMonths.MONTH_INDEX), col(PlanTable.MENTOR_MONTHS),
        col(PlanTable.MENTOR_RATE), col(CommissionMonths.NET_COMMISSION), col(PlanTable.PLAN_ID),
        col(PlanTable.PLAN_HASH));
    Dataset<Row> mentorMonths = repMonthPlans.select(PayLines.SCENARIO, PayLines.REP_ID, PayLines.MONTH);
    Column amount = Money.round2(col(PlanTable.MENTOR_RATE).multiply(col(CommissionMonths.NET_COMMISSION)));
    return LineBuilder.monthLines(
        mentees.join(mentorMonths, new String[] {PayLines.SCENARIO, PayLines.REP_ID, PayLines.MONTH}),
        PayLines.MENTOR_BONUS, amount,
        Explanations.args(
            "rate", col(PlanTable.MENTOR_RATE),
            "mentee", col("mentee_id"),
            "net", col(CommissionMonths.NET_COMMISSION),
            "month_no", col(RepMonths.MONTH_INDEX).plus(1),
            "months", col(PlanTable.MENTOR_MONTHS)));
  }
}

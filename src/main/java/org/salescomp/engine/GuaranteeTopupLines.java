package org.salescomp.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Money;
import org.salescomp.intermediate.RepMonths;

/**
 * Step 6, {@code guarantee_topup}, in month indexes below {@code new-hire.months}:
 * {@code max(0, round2(guarantee-monthly * active_days / days_in_month) - (C + cx + cap))}.
 */
public final class GuaranteeTopupLines {
  private GuaranteeTopupLines() {}

  public static Dataset<Row> build(Dataset<Row> commissionMonths) {
    // guarantee * days fits DECIMAL(20,2); a quotient by at most 31 days rounds exactly (see BaseSalaryLines)
    Column guarantee = Money.round2(col(PlanTable.GUARANTEE_MONTHLY).multiply(col(RepMonths.ACTIVE_DAYS))
        .cast(Money.MONEY_SUM).divide(col(RepMonths.DAYS_IN_MONTH)));
    Column protectedMonth = col(RepMonths.MONTH_INDEX).geq(0)
        .and(col(RepMonths.MONTH_INDEX).lt(col(PlanTable.NEW_HIRE_MONTHS)));
    Column topup = when(protectedMonth,
        greatest(guarantee.minus(col(CommissionMonths.NET_COMMISSION)), Money.zero())).otherwise(Money.zero());
    Dataset<Row> withGuarantee = commissionMonths.withColumn("guarantee_prorated", guarantee);
    return LineBuilder.monthLines(withGuarantee, PayLines.GUARANTEE_TOPUP, topup,
        Explanations.args(
            "guarantee", col(PlanTable.GUARANTEE_MONTHLY),
            "active_days", col(RepMonths.ACTIVE_DAYS),
            "days_in_month", col(RepMonths.DAYS_IN_MONTH),
            "prorated", col("guarantee_prorated"),
            "net", col(CommissionMonths.NET_COMMISSION),
            "month_no", col(RepMonths.MONTH_INDEX).plus(1),
            "months", col(PlanTable.NEW_HIRE_MONTHS)));
  }
}

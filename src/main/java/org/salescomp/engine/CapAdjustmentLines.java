package org.salescomp.engine;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Step 4, {@code cap_adjustment}: {@code monthly-cap - (C + cx)} when negative, see {@link CommissionMonths}. */
public final class CapAdjustmentLines {
  private CapAdjustmentLines() {}

  public static Dataset<Row> build(Dataset<Row> commissionMonths) {
    return LineBuilder.monthLines(commissionMonths, PayLines.CAP_ADJUSTMENT, col(CommissionMonths.CAP_AMOUNT),
        Explanations.args(
            "cap", col(PlanTable.MONTHLY_CAP),
            "after_cx", col(CommissionMonths.COMMISSION_TOTAL).plus(col(CommissionMonths.CX_AMOUNT)),
            "amount", col(CommissionMonths.CAP_AMOUNT)));
  }
}

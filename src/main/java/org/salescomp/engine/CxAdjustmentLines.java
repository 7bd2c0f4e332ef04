package org.salescomp.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Money;

/** Step 3, {@code cx_adjustment}: {@code round2(C * (x - 1))}, see {@link CommissionMonths}. */
public final class CxAdjustmentLines {
  private CxAdjustmentLines() {}

  public static Dataset<Row> build(Dataset<Row> commissionMonths) {
    Column args = Explanations.args(
        "cx_x", col(CommissionMonths.CX_MULTIPLIER).cast(Money.RATE),
        "csat_x", when(col(CommissionMonths.CSAT_MULTIPLIER).lt(1), col(CommissionMonths.CSAT_MULTIPLIER)),
        "csat", col(CommissionMonths.CSAT_AVG).cast(Money.RATE),
        "surveys", col(CommissionMonths.CSAT_RESPONSES),
        "complaint_x", when(col(CommissionMonths.COMPLAINT_MULTIPLIER).lt(1), col(CommissionMonths.COMPLAINT_MULTIPLIER)),
        "complaint_rate", col(CommissionMonths.COMPLAINT_RATE).cast(Money.RATE),
        "commission", col(CommissionMonths.COMMISSION_TOTAL),
        "amount", col(CommissionMonths.CX_AMOUNT));
    return LineBuilder.monthLines(commissionMonths, PayLines.CX_ADJUSTMENT, col(CommissionMonths.CX_AMOUNT),
        args);
  }
}

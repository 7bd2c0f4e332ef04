package org.salescomp.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Money;

/** Step 3, {@code cx_adjustment}: {@code round2(C * (x - 1))}, see {@link CommissionMonths}. */
public final class CxAdjustmentLines {
  private CxAdjustmentLines() {}

  public static Dataset<Row> build(Dataset<Row> commissionMonths) {
    Column csatNote = when(col(CommissionMonths.CSAT_MULTIPLIER).lt(1), concat(
        lit("csat "), PayLines.plain(col(CommissionMonths.CSAT_AVG).cast(Money.RATE)), lit(" over "),
        col(CommissionMonths.CSAT_RESPONSES).cast("string"), lit(" surveys ×"),
        PayLines.plain(col(CommissionMonths.CSAT_MULTIPLIER))));
    Column complaintNote = when(col(CommissionMonths.COMPLAINT_MULTIPLIER).lt(1), concat(
        lit("complaint rate "), PayLines.plain(col(CommissionMonths.COMPLAINT_RATE).cast(Money.RATE)), lit(" ×"),
        PayLines.plain(col(CommissionMonths.COMPLAINT_MULTIPLIER))));
    Column explanation = concat(lit("customer experience ×"),
        PayLines.plain(col(CommissionMonths.CX_MULTIPLIER).cast(Money.RATE)), lit(" ("),
        concat_ws("; ", csatNote, complaintNote), lit(") on commission "),
        PayLines.money(col(CommissionMonths.COMMISSION_TOTAL)), lit(" = "),
        PayLines.money(col(CommissionMonths.CX_AMOUNT)));
    return LineBuilder.monthLines(commissionMonths, PayLines.CX_ADJUSTMENT, col(CommissionMonths.CX_AMOUNT),
        explanation);
  }
}

package org.salescomp.quality;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the closed months older than the restate window paid, for {@link ReasonCode#LATE_FOR_CLOSED_PERIOD}: a
 * deal, credit or adjustment dated from {@code from} to {@code to} that those months did not pay arrived after
 * they went to payroll, too late for a correction. A zero adjustment changes no pay and is never late.
 *
 * @param paidCredits {@value #DEAL_ID}, {@value #REP_ID}: the deals and reps the months paid commission for
 * @param paidAdjustments {@value #ADJUSTMENT_ID}: the adjustments the months paid
 */
public record LateRows(LocalDate from, LocalDate to, Dataset<Row> paidCredits, Dataset<Row> paidAdjustments) {
  public static final String DEAL_ID = "deal_id";
  public static final String REP_ID = "rep_id";
  public static final String ADJUSTMENT_ID = "adjustment_id";

  /** No closed month older than the restate window: nothing is late. */
  public static final LateRows NONE = new LateRows(null, null, null, null);

  public boolean any() {
    return from != null;
  }
}

package org.salescomp.intermediate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Money;

/** A rep's monthly quota: the rep's {@code revenue} target for the month. One row per rep and month with one. */
public final class RepQuotas {
  public static final String REP_ID = "rep_id";
  public static final String MONTH = "month";
  public static final String QUOTA = "quota";

  private RepQuotas() {}

  public static Dataset<Row> monthly(Dataset<Row> targets) {
    return targets
        .where(col("scope").equalTo(lit("rep"))
            .and(col("period_type").equalTo(lit("month")))
            .and(col("metric").equalTo(lit("revenue"))))
        .select(col("scope_id").as(REP_ID), col("period_start").as(MONTH), col("target").cast(Money.MONEY).as(QUOTA));
  }
}

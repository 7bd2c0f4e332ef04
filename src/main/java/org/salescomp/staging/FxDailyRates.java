package org.salescomp.staging;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.sequence;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The FX rate that applies on each day (data contract, "FX"): the rate of that day, else the latest
 * earlier rate at most 7 days old. One row per currency and day that has such a rate. Small
 * (currencies x days), so deals join it on equality instead of a range join.
 */
public final class FxDailyRates {
  public static final String CURRENCY = "currency";
  public static final String DAY = "day";
  public static final String FX_RATE = "fx_rate";
  public static final int MAX_RATE_AGE_DAYS = 7;

  private FxDailyRates() {}

  public static Dataset<Row> build(Dataset<Row> fxRates) {
    return fxRates
        .withColumn(DAY, explode(sequence(col("rate_date"), date_add(col("rate_date"), MAX_RATE_AGE_DAYS))))
        .groupBy(col(CURRENCY), col(DAY))
        .agg(max_by(col("rate_to_reporting"), col("rate_date")).as(FX_RATE))
        .select(CURRENCY, DAY, FX_RATE);
  }

}

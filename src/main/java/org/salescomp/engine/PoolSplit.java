package org.salescomp.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.salescomp.common.Money;

/**
 * Splits a pool of money among members ("Quarter: scorecard, awards"): each share is its exact part of
 * the pool (by weight) rounded down to cents, and the leftover cents go one each to members in
 * descending order of their exact share's remainder, then rep_id. The shares add up to the pool.
 */
public final class PoolSplit {
  public static final String SHARE = "share";
  private static final DecimalType EXACT = DataTypes.createDecimalType(30, 14);

  private PoolSplit() {}

  /**
   * @param members one row per member of a pool: the group columns, rep_id, the pool and a weight
   *     (1 for an equal split, the member's revenue for a revenue split); members of weight 0 get nothing
   * @param group columns naming one pool (e.g. scenario, team_id, quarter, award)
   */
  public static Dataset<Row> split(Dataset<Row> members, String poolColumn, String weightColumn, String... group) {
    WindowSpec pool = Window.partitionBy(java.util.Arrays.stream(group).map(org.apache.spark.sql.functions::col)
        .toArray(Column[]::new));
    Column totalWeight = sum(col(weightColumn)).over(pool);
    // pool * weight stays exact in DECIMAL(24,4); the quotient keeps 14 decimals
    Column exact = when(totalWeight.gt(0), col(poolColumn).multiply(col(weightColumn)).cast("decimal(24,4)")
        .divide(totalWeight)).cast(EXACT);
    Column cents = lit(new BigDecimal("100"));
    Column floored = floor(col("exact_share").multiply(cents)).divide(cents).cast(Money.MONEY);
    WindowSpec byRemainder = pool.orderBy(col("remainder").desc(), col("rep_id"));
    Column leftoverCents = col(poolColumn).minus(sum(col("floored_share")).over(pool)).multiply(cents).cast("long");
    return members
        .withColumn("exact_share", exact)
        .withColumn("floored_share", floored)
        .withColumn("remainder", col("exact_share").minus(col("floored_share")))
        .withColumn("remainder_rank", row_number().over(byRemainder))
        .withColumn(SHARE, when(col("exact_share").isNull(), Money.zero())
            .when(col("remainder_rank").leq(leftoverCents).and(col(weightColumn).gt(0)),
                col("floored_share").plus(lit(new BigDecimal("0.01"))))
            .otherwise(col("floored_share")).cast(Money.MONEY))
        .drop("exact_share", "floored_share", "remainder", "remainder_rank");
  }
}

package org.salescomp.examples.adventureworks;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * {@code customers} and {@code customer_retention} from resellers and their orders.
 *
 * <ul>
 *   <li>A customer is a reseller that ordered at least once (customer_id = ResellerKey, name = the
 *       reseller's name); resellers that never ordered are not customers. Segment is the business
 *       type (the only classification the data has), region the group of the territory it ordered in
 *       (each reseller orders in one), created_date its first order, owner the salesperson with the
 *       most sales to it (ties: the smaller EmployeeKey).
 *   <li>Retention: one row per customer and month from its first order's month to the last month
 *       of the data. Resellers order about once a quarter, so a customer is active in a month when
 *       it ordered in that month or the {@code activeMonths - 1} months before (4 by default: a
 *       quarter plus a month's grace). recurring_revenue is null (no subscriptions).
 * </ul>
 */
final class Resellers {
  private Resellers() {}

  static Dataset<Row> customers(Dataset<Row> sales, Dataset<Row> resellers, Dataset<Row> regions) {
    Dataset<Row> owner = sales.groupBy("reseller_key", "employee_key").agg(sum("sales").as("sales"))
        .withColumn("rank", row_number().over(Window.partitionBy("reseller_key")
            .orderBy(col("sales").desc(), col("employee_key").cast("int"))))
        .where(col("rank").equalTo(1)).select(col("reseller_key"), col("employee_key").as("owner_rep_id"));
    Dataset<Row> ordering = sales.groupBy("reseller_key")
        .agg(min("order_date").as("created_date"), min("territory_key").as("territory_key"));
    return resellers.join(ordering, "reseller_key")
        .join(owner, "reseller_key")
        .join(regions.select("territory_key", "group"), "territory_key", "left")
        .select(col("reseller_key").as("customer_id"), col("reseller").as("name"),
            Codes.of(col("business_type")).as("segment"), Codes.of(col("group")).as("region"), col("owner_rep_id"),
            col("created_date"));
  }

  static Dataset<Row> retention(Dataset<Row> sales, int activeMonths) {
    Dataset<Row> orderMonths = sales.select(col("reseller_key"), trunc(col("order_date"), "month").as("order_month"))
        .distinct();
    Dataset<Row> lastMonth = orderMonths.select(max("order_month").as("last_month"));
    Dataset<Row> active = orderMonths
        .withColumn("month", explode(sequence(col("order_month"), add_months(col("order_month"), activeMonths - 1),
            expr("interval 1 month"))))
        .select("reseller_key", "month").distinct().withColumn("active", lit(true));
    return orderMonths.groupBy("reseller_key").agg(min("order_month").as("first_month"))
        .crossJoin(lastMonth)
        .withColumn("month", explode(sequence(col("first_month"), col("last_month"), expr("interval 1 month"))))
        .join(active, new String[] {"reseller_key", "month"}, "left")
        .select(col("reseller_key").as("customer_id"), col("month"), col("active").isNotNull().as("active"),
            lit(null).cast("decimal(18,2)").as("recurring_revenue"));
  }
}

package org.salescomp.examples.adventureworks;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.salescomp.io.SourceTable;

/**
 * {@code deals} from sales lines: one deal per sales order and salesperson (in this data every order
 * has one salesperson, so deal_id is the SalesOrderNumber; an order with two would give two rows of
 * one deal_id, which the gate quarantines as DUPLICATE_KEY rather than letting one win). The amount
 * is the sum of the order's Sales, in USD; close_date the order date; status won (the data has no
 * cancellations). The customer is the reseller, the channel the reseller's business type, the
 * product category the one with the largest share of the order's sales (ties: the first by name), so
 * a product multiplier applies to the whole order by its main category.
 */
final class SalesOrders {
  private SalesOrders() {}

  static Dataset<Row> deals(Dataset<Row> sales, Dataset<Row> products, Dataset<Row> resellers) {
    Dataset<Row> byCategory = sales.join(products, "product_key", "left")
        .groupBy("order_number", "employee_key", "category").agg(sum("sales").as("category_sales"));
    Dataset<Row> mainCategory = byCategory
        .withColumn("rank", row_number().over(Window.partitionBy("order_number", "employee_key")
            .orderBy(col("category_sales").desc(), col("category"))))
        .where(col("rank").equalTo(1)).select("order_number", "employee_key", "category");
    return sales.groupBy("order_number", "employee_key")
        .agg(min("order_date").as("close_date"), min("reseller_key").as("reseller_key"), sum("sales").as("amount"))
        .join(mainCategory, new String[] {"order_number", "employee_key"}, "left")
        .join(resellers.select("reseller_key", "business_type"), "reseller_key", "left")
        .select(col("order_number").as("deal_id"), col("reseller_key").as("customer_id"),
            col("employee_key").as("owner_rep_id"), Codes.of(col("category")).as("product_category"),
            Codes.of(col("business_type")).as("channel"), col("amount").cast(SourceTable.Types.MONEY).as("amount"),
            lit("USD").as("currency"), col("close_date"), lit("won").as("status"),
            lit(null).cast("date").as("status_date"));
  }
}

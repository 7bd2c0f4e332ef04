package org.salescomp.examples.adventureworks;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salescomp.io.SourceTable;

/**
 * The twelve input tables of the data contract from the AdventureWorks files (the mapping is
 * described in {@link org.salescomp.examples.adventureworks}). Pure: Datasets in, Datasets out.
 */
public final class AdventureWorksMapping {
  /** Months a reseller stays active after an order, the order's month included. */
  public static final int DEFAULT_ACTIVE_MONTHS = 4;

  private AdventureWorksMapping() {}

  /** Every contract table, each with exactly the contract's columns and types. */
  static Map<SourceTable, Dataset<Row>> tables(AdventureWorksFiles files, int activeMonths) {
    Dataset<Row> sales = files.salesLines();
    Dataset<Row> salespeople = files.salespeople();
    Dataset<Row> regions = files.regions();
    Dataset<Row> resellers = files.resellers();
    Map<SourceTable, Dataset<Row>> tables = new EnumMap<>(SourceTable.class);
    tables.put(SourceTable.DEALS, SalesOrders.deals(sales, files.products(), resellers));
    tables.put(SourceTable.CUSTOMERS, Resellers.customers(sales, resellers, regions));
    tables.put(SourceTable.CUSTOMER_RETENTION, Resellers.retention(sales, activeMonths));
    tables.put(SourceTable.REPS, SalesForce.reps(salespeople, files.salespersonRegions(), regions, sales,
        files.targets()));
    tables.put(SourceTable.TEAMS, SalesForce.teams(regions, salespeople, files.salespersonRegions()));
    tables.put(SourceTable.TARGETS, SalesTargets.targets(files.targets(), salespeople));
    SparkSession spark = sales.sparkSession();
    // what AdventureWorks does not have: no split credits, surveys, complaints, training, FX (all USD), adjustments
    for (SourceTable absent : List.of(SourceTable.DEAL_CREDITS, SourceTable.CSAT_SURVEYS, SourceTable.COMPLAINTS,
        SourceTable.TRAINING_RESULTS, SourceTable.FX_RATES, SourceTable.ADJUSTMENTS)) {
      tables.put(absent, spark.createDataFrame(List.of(), absent.schema()));
    }
    tables.replaceAll(AdventureWorksMapping::conform);
    return tables;
  }

  private static Dataset<Row> conform(SourceTable table, Dataset<Row> rows) {
    return rows.select(Arrays.stream(table.schema().fields())
        .map(f -> col(f.name()).cast(f.dataType()).as(f.name())).toArray(Column[]::new));
  }
}

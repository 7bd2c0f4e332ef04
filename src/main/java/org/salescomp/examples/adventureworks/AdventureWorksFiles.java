package org.salescomp.examples.adventureworks;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/**
 * The AdventureWorks files as they are (see the folder's SOURCE.md), read without editing them:
 * {@code |}-separated with a header, UTF-8 (José), CRLF lines except Product.csv (LF), some without
 * a final newline, dates {@code yyyy/MM/dd}; the official June-2020 sales file is comma-separated
 * with ISO dates and other column names. Every file is read as text against the header it must
 * have (a renamed column fails the read), values trimmed (a stray CR never reaches a value), then
 * typed here. One Dataset per file, with snake_case columns.
 *
 * <p>A file is read gzip-compressed ({@code Sales.csv.gz}, as the repository carries them in
 * {@code examples/adventureworks-dw2020}) when that exists, else as it is ({@code Sales.csv}).
 */
final class AdventureWorksFiles {
  /** The official June 2020 sales lines, the month Sales.csv lacks (UTF-8 copy of the UTF-16 original). */
  static final String JUNE_2020 = "official-pl300/ResellerSales_202006.utf8.csv";
  static final DecimalType MONEY = DataTypes.createDecimalType(18, 2);

  private final SparkSession spark;
  private final Path folder;

  AdventureWorksFiles(SparkSession spark, Path folder) {
    if (!exists(folder, "Sales.csv")) {
      throw new IllegalArgumentException("no AdventureWorks Sales.csv in " + folder.toAbsolutePath());
    }
    this.spark = spark;
    this.folder = folder;
  }

  /** Whether {@code folder} holds {@code file}, compressed or not. */
  static boolean exists(Path folder, String file) {
    return Files.isRegularFile(folder.resolve(file + ".gz")) || Files.isRegularFile(folder.resolve(file));
  }

  /** {@code file} in {@code folder}: its {@code .gz} copy when there is one (Spark decompresses by the suffix). */
  static Path resolve(Path folder, String file) {
    Path compressed = folder.resolve(file + ".gz");
    return Files.isRegularFile(compressed) ? compressed : folder.resolve(file);
  }

  /**
   * Sales lines of both files: order_number, order_date, product_key, reseller_key, employee_key,
   * territory_key, sales (DECIMAL(18,2), the Sales column; SalesAmount in the June file).
   */
  Dataset<Row> salesLines() {
    Dataset<Row> main = pipe("Sales.csv", "SalesOrderNumber", "OrderDate", "ProductKey", "ResellerKey",
        "EmployeeKey", "SalesTerritoryKey", "Quantity", "Unit Price", "Sales", "Cost")
        .select(col("SalesOrderNumber").as("order_number"), to_date(col("OrderDate"), "yyyy/MM/dd").as("order_date"),
            col("ProductKey").as("product_key"), col("ResellerKey").as("reseller_key"),
            col("EmployeeKey").as("employee_key"), col("SalesTerritoryKey").as("territory_key"),
            col("Sales").cast(MONEY).as("sales"), lit("Sales.csv").as("file"));
    if (!exists(folder, JUNE_2020)) {
      return main;
    }
    Dataset<Row> june = text(JUNE_2020, ",", "SalesOrderNumber", "SalesOrderLineNumber", "OrderDate", "DueDate",
        "ShipDate", "ProductKey", "ResellerKey", "PromotionKey", "EmployeeKey", "SalesTerritoryKey", "OrderQuantity",
        "UnitPrice", "TotalProductCost", "SalesAmount")
        .select(col("SalesOrderNumber").as("order_number"), to_date(col("OrderDate"), "yyyy-MM-dd").as("order_date"),
            col("ProductKey").as("product_key"), col("ResellerKey").as("reseller_key"),
            col("EmployeeKey").as("employee_key"), col("SalesTerritoryKey").as("territory_key"),
            col("SalesAmount").cast(MONEY).as("sales"), lit(JUNE_2020).as("file"));
    return main.unionByName(june);
  }

  /** product_key, category. */
  Dataset<Row> products() {
    return pipe("Product.csv", "ProductKey", "Product", "Standard Cost", "Color", "Subcategory", "Category",
        "Background Color Format", "Font Color Format")
        .select(col("ProductKey").as("product_key"), col("Category").as("category"));
  }

  /** reseller_key, business_type, reseller (the name), country. */
  Dataset<Row> resellers() {
    return pipe("Reseller.csv", "ResellerKey", "Business Type", "Reseller", "City", "State-Province", "Country-Region")
        .select(col("ResellerKey").as("reseller_key"), col("Business Type").as("business_type"),
            col("Reseller").as("reseller"), col("Country-Region").as("country"));
  }

  /** territory_key, region (the territory's name), country, group. */
  Dataset<Row> regions() {
    return pipe("Region.csv", "SalesTerritoryKey", "Region", "Country", "Group")
        .select(col("SalesTerritoryKey").as("territory_key"), col("Region").as("region"),
            col("Country").as("country"), col("Group").as("group"));
  }

  /** employee_key, employee_id, title, name. */
  Dataset<Row> salespeople() {
    return pipe("Salesperson.csv", "EmployeeKey", "EmployeeID", "Title", "UPN", "Salesperson")
        .select(col("EmployeeKey").as("employee_key"), col("EmployeeID").as("employee_id"), col("Title").as("title"),
            col("Salesperson").as("name"));
  }

  /** employee_key, territory_key: the territories a salesperson is assigned to. */
  Dataset<Row> salespersonRegions() {
    return pipe("SalespersonRegion.csv", "EmployeeKey", "SalesTerritoryKey")
        .select(col("EmployeeKey").as("employee_key"), col("SalesTerritoryKey").as("territory_key"));
  }

  /** employee_id (not the key!), target_month, target_amount. */
  Dataset<Row> targets() {
    return pipe("Targets.csv", "EmployeeID", "TargetAmount", "TargetMonth")
        .select(col("EmployeeID").as("employee_id"), to_date(col("TargetMonth"), "yyyy/MM/dd").as("target_month"),
            col("TargetAmount").cast(DataTypes.createDecimalType(18, 6)).as("target_amount"));
  }

  private Dataset<Row> pipe(String file, String... header) {
    return text(file, "|", header);
  }

  /** A file as text columns named by its header, which must be exactly {@code header}. */
  private Dataset<Row> text(String file, String separator, String... header) {
    StructType schema = new StructType();
    for (String name : header) {
      schema = schema.add(name, DataTypes.StringType, true);
    }
    Dataset<Row> rows = spark.read().schema(schema).option("header", true).option("enforceSchema", false)
        .option("sep", separator).option("encoding", "UTF-8").option("mode", "FAILFAST")
        .csv(resolve(folder, file).toString());
    return rows.select(Arrays.stream(header).map(h -> trim(col("`" + h + "`")).as(h)).toArray(Column[]::new));
  }
}

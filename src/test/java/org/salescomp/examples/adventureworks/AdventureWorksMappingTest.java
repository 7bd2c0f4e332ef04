package org.salescomp.examples.adventureworks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.io.SourceTable;
import org.salescomp.testing.SharedSpark;

/**
 * The mapping on a few hand-written lines in the AdventureWorks layout, quirks included: pipes, CRLF
 * (Product.csv LF), no final newline, {@code yyyy/MM/dd}, a UTF-8 name, targets keyed by EmployeeID,
 * a manager who never sells, a reseller that never orders.
 */
@Tag("fast")
class AdventureWorksMappingTest {
  @TempDir static Path folder;
  static Map<SourceTable, Dataset<Row>> tables;

  @BeforeAll
  static void mapTheFixture() throws IOException {
    crlf("Sales.csv", false,
        "SalesOrderNumber|OrderDate|ProductKey|ResellerKey|EmployeeKey|SalesTerritoryKey|Quantity|Unit Price|Sales|Cost",
        "SO1|2017/07/03|1|100|281|4|1|10.5|10.5|5",
        "SO1|2017/07/03|2|100|281|4|2|20|40|30",
        "SO2|2017/08/10|1|100|282|4|1|100|100|50",
        "SO3|2017/11/20|1|200|281|3|1|30|30|20",
        "SO4|2018/01/15|2|200|281|3|1|5|5.25|2");
    Files.writeString(folder.resolve("Product.csv"), String.join("\n",
        "ProductKey|Product|Standard Cost|Color|Subcategory|Category|Background Color Format|Font Color Format",
        "1|Road-150 Red, 62|2171.29|Red|Road Bikes|Bikes|#FF0000|#FFFFFF",
        "2|Sport-100 Helmet, Red|13.09|Red|Helmets|Accessories|#FF0000|#FFFFFF") + "\n", StandardCharsets.UTF_8);
    crlf("Reseller.csv", true, "ResellerKey|Business Type|Reseller|City|State-Province|Country-Region",
        "100|Specialty Bike Shop|Bike World|Austin|Texas|United States",
        "200|Warehouse|Best o' Bikes|Denver|Colorado|United States",
        "300|Value Added Reseller|Never Ordered|Paris|Seine (Paris)|France");
    crlf("Region.csv", true, "SalesTerritoryKey|Region|Country|Group",
        "3|Central|United States|North America", "4|Southwest|United States|North America");
    crlf("Salesperson.csv", true, "EmployeeKey|EmployeeID|Title|UPN|Salesperson",
        "272|502097814|North American Sales Manager|stephen-jiang@adventureworks.com|Stephen Jiang",
        "281|841560125|Sales Representative|michael-blythe@adventureworks.com|Michael Blythe",
        "282|191644724|Sales Representative|jose-saraiva@adventureworks.com|José Saraiva");
    crlf("SalespersonRegion.csv", true, "EmployeeKey|SalesTerritoryKey", "272|3", "272|4", "281|3", "281|4", "282|4");
    crlf("Targets.csv", false, "EmployeeID|TargetAmount|TargetMonth",
        "841560125|50000|2017/07/01", "191644724|60000|2017/06/01", "502097814|10000|2017/07/01");
    tables = AdventureWorksMapping.tables(new AdventureWorksFiles(SharedSpark.session(), folder), 4);
  }

  @Test
  void aDealPerOrderWithItsSalesSummedAndItsMainCategory() {
    assertThat(rows(SourceTable.DEALS)).containsExactly(
        // accessories 40.00 outweigh bikes 10.50; the reseller is a specialty bike shop
        "[SO1,100,281,accessories,specialty-bike-shop,50.50,USD,2017-07-03,won,null]",
        "[SO2,100,282,bikes,specialty-bike-shop,100.00,USD,2017-08-10,won,null]",
        "[SO3,200,281,bikes,warehouse,30.00,USD,2017-11-20,won,null]",
        "[SO4,200,281,accessories,warehouse,5.25,USD,2018-01-15,won,null]");
  }

  @Test
  void aRepPerSalespersonOnTheTeamOfTheTerritoryWithMostSales() {
    assertThat(rows(SourceTable.REPS)).containsExactly(
        // never sold: the first territory assigned; a manager; hired with the first target
        "[272,Stephen Jiang,manager,central,null,null,2017-07-01,null,8000.00,aw-sales-management,2017-07-01,null]",
        // 50.50 in the Southwest against 35.25 in Central; reports to the Southwest's manager
        "[281,Michael Blythe,account-executive,southwest,272,null,2017-07-01,null,5000.00,aw-sales-rep,2017-07-01,null]",
        // a target in June 2017, a month before the first sale: hired in June
        "[282,José Saraiva,account-executive,southwest,272,null,2017-06-01,null,5000.00,aw-sales-rep,2017-06-01,null]");
    assertThat(rows(SourceTable.TEAMS)).containsExactly("[central,Central,north-america,272]",
        "[southwest,Southwest,north-america,272]");
  }

  @Test
  void customersAreResellersThatOrderedOwnedByTheirBiggestSeller() {
    assertThat(rows(SourceTable.CUSTOMERS)).containsExactly(
        // 282 sold 100.00 to Bike World, 281 50.50
        "[100,Bike World,specialty-bike-shop,north-america,282,2017-07-03]",
        "[200,Best o' Bikes,warehouse,north-america,281,2017-11-20]");
  }

  @Test
  void aResellerIsActiveForFourMonthsFromEachOrder() {
    assertThat(rows(SourceTable.CUSTOMER_RETENTION)).containsExactly(
        "[100,2017-07-01,true,null]", "[100,2017-08-01,true,null]", "[100,2017-09-01,true,null]",
        "[100,2017-10-01,true,null]",
        // August's order covers August to November
        "[100,2017-11-01,true,null]", "[100,2017-12-01,false,null]", "[100,2018-01-01,false,null]",
        "[200,2017-11-01,true,null]", "[200,2017-12-01,true,null]", "[200,2018-01-01,true,null]");
  }

  @Test
  void targetsMeetTheRosterThroughTheEmployeeId() {
    assertThat(rows(SourceTable.TARGETS)).containsExactly(
        "[rep,272,month,2017-07-01,revenue,10000.000000]",
        "[rep,281,month,2017-07-01,revenue,50000.000000]",
        "[rep,282,month,2017-06-01,revenue,60000.000000]");
  }

  @Test
  void tablesTheDataLacksAreEmptyWithTheContractsSchema() {
    for (SourceTable absent : List.of(SourceTable.DEAL_CREDITS, SourceTable.CSAT_SURVEYS, SourceTable.COMPLAINTS,
        SourceTable.TRAINING_RESULTS, SourceTable.FX_RATES, SourceTable.ADJUSTMENTS)) {
      assertThat(tables.get(absent).count()).as(absent.tableName()).isZero();
      assertThat(tables.get(absent).schema().fieldNames()).isEqualTo(absent.schema().fieldNames());
    }
  }

  private static List<String> rows(SourceTable table) {
    return tables.get(table).collectAsList().stream().map(Row::toString).sorted().toList();
  }

  /** A file with CRLF line ends, with or without a final one. */
  private static void crlf(String name, boolean finalNewline, String... lines) throws IOException {
    Files.writeString(folder.resolve(name), String.join("\r\n", lines) + (finalNewline ? "\r\n" : ""),
        StandardCharsets.UTF_8);
  }
}

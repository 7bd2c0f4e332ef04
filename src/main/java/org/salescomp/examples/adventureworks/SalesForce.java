package org.salescomp.examples.adventureworks;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.salescomp.io.SourceTable;

/**
 * {@code teams} and {@code reps} from the salespeople and their regions.
 *
 * <ul>
 *   <li>One team per sales territory (Region.csv): team_id from the territory's name
 *       ({@code northwest}, {@code united-kingdom}), region from its group ({@code north-america},
 *       {@code europe}, {@code pacific}), manager the salesperson titled "... Manager" assigned to it
 *       (SalespersonRegion.csv).
 *   <li>One roster row per salesperson, rep_id = EmployeeKey. A rep's team is the territory where
 *       they sold the most; someone who never sold (the Director of Sales) gets their first assigned
 *       territory. Managers who sell keep their manager role and are paid on their own deals.
 *   <li>Invented, since the files hold no HR data: the hire date is the first day of the month of the
 *       person's first sale or first target, whichever is earlier; base salaries are flat by title
 *       (5,000.00 a month for a Sales Representative, 8,000.00 for a regional manager, 10,000.00 for
 *       the Director of Sales); plan aw-sales-rep for representatives, aw-sales-management for the
 *       others. A rep reports to their team's manager, a regional manager to the Director.
 * </ul>
 */
final class SalesForce {
  static final String REP_PLAN = "aw-sales-rep";
  static final String MANAGEMENT_PLAN = "aw-sales-management";
  static final BigDecimal REP_SALARY = new BigDecimal("5000.00");
  static final BigDecimal MANAGER_SALARY = new BigDecimal("8000.00");
  static final BigDecimal DIRECTOR_SALARY = new BigDecimal("10000.00");

  private SalesForce() {}

  /** territory_key, team_id: the team of each territory. */
  static Dataset<Row> teamOfTerritory(Dataset<Row> regions) {
    return regions.select(col("territory_key"), Codes.of(col("region")).as("team_id"));
  }

  static Dataset<Row> teams(Dataset<Row> regions, Dataset<Row> salespeople, Dataset<Row> salespersonRegions) {
    Dataset<Row> managers = salespersonRegions.join(salespeople.where(isRegionalManager()), "employee_key")
        .groupBy("territory_key").agg(min(col("employee_key")).as("manager_rep_id"));
    return regions.join(managers, "territory_key", "left")
        .select(Codes.of(col("region")).as("team_id"), col("region").as("name"), Codes.of(col("group")).as("region"),
            col("manager_rep_id"));
  }

  static Dataset<Row> reps(Dataset<Row> salespeople, Dataset<Row> salespersonRegions, Dataset<Row> regions,
      Dataset<Row> sales, Dataset<Row> targets) {
    Dataset<Row> territories = teamOfTerritory(regions);
    Dataset<Row> bestTerritory = top(sales.groupBy("employee_key", "territory_key").agg(sum("sales").as("sales")),
        col("sales").desc());
    Dataset<Row> firstTerritory = top(salespersonRegions, col("territory_key").cast("int"));
    Dataset<Row> firstSale = sales.groupBy("employee_key").agg(min("order_date").as("first_sale"));
    Dataset<Row> firstTarget = targets.join(salespeople, "employee_id")
        .groupBy("employee_key").agg(min("target_month").as("first_target"));
    Dataset<Row> teams = teams(regions, salespeople, salespersonRegions);
    Dataset<Row> director = salespeople.where(isDirector()).select(min(col("employee_key")).as("director_key"));

    Column hireDate = trunc(least(col("first_sale"), col("first_target")), "month");
    return salespeople
        .join(bestTerritory.select(col("employee_key"), col("territory_key").as("sold_in")), "employee_key", "left")
        .join(firstTerritory.select(col("employee_key"), col("territory_key").as("assigned_to")), "employee_key",
            "left")
        .join(territories, coalesce(col("sold_in"), col("assigned_to")).equalTo(col("territory_key")), "left")
        .join(teams.select(col("team_id").as("t_team_id"), col("manager_rep_id")),
            col("team_id").equalTo(col("t_team_id")), "left")
        .join(firstSale, "employee_key", "left")
        .join(firstTarget, "employee_key", "left")
        .crossJoin(director)
        .select(col("employee_key").as("rep_id"), col("name"),
            when(isRegionalManager().or(isDirector()), lit("manager")).otherwise(lit("account-executive")).as("role"),
            col("team_id"),
            when(isDirector(), lit(null)).when(isRegionalManager(), col("director_key"))
                .otherwise(col("manager_rep_id")).as("manager_id"),
            lit(null).cast("string").as("mentor_id"),
            hireDate.as("hire_date"),
            lit(null).cast("date").as("termination_date"),
            when(isDirector(), lit(DIRECTOR_SALARY)).when(isRegionalManager(), lit(MANAGER_SALARY))
                .otherwise(lit(REP_SALARY)).cast(SourceTable.Types.MONEY).as("base_salary_monthly"),
            when(isRegionalManager().or(isDirector()), lit(MANAGEMENT_PLAN)).otherwise(lit(REP_PLAN))
                .as("plan_id"),
            hireDate.as("valid_from"),
            lit(null).cast("date").as("valid_to"));
  }

  private static Column isRegionalManager() {
    return col("title").contains("Manager");
  }

  private static Column isDirector() {
    return col("title").startsWith("Director");
  }

  /** Per employee, the territory first by {@code order}, then the smaller territory key. */
  private static Dataset<Row> top(Dataset<Row> rows, Column order) {
    return rows.withColumn("rank", row_number().over(Window.partitionBy("employee_key")
            .orderBy(order, col("territory_key").cast("int"))))
        .where(col("rank").equalTo(1)).select("employee_key", "territory_key");
  }
}

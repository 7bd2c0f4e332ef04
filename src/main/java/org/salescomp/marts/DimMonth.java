package org.salescomp.marts;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.salescomp.io.PublishedTable;

/**
 * {@code dim_month}: one row per calendar month, with its calendar and fiscal year and quarter. The fiscal
 * year starts in {@code salescomp.fiscal-year-start} and is named by the calendar year it ends in (a
 * year starting in July 2019 is fiscal 2020); with January it is the calendar year. Every month a
 * published table can hold is there: from January of the year of the roster's first date to December of
 * the year of its last date or of the run's last month, whichever is later (the roster is read whole by
 * every run, so a backfill of old months keeps the calendar). A KPI row of any period type joins it by
 * period_start = month.
 */
public final class DimMonth {
  static final String MONTH = "month";

  public static final PublishedTable TABLE = new PublishedTable("dim_month",
      "one row per calendar month: its calendar and fiscal year, quarter and month",
      PublishedTable.columnsOf()
          .add(MONTH, DataTypes.DateType, "first day of the month (payouts.month, KPI period_start)")
          .add("month_end", DataTypes.DateType, "last day of the month")
          .add("year", DataTypes.IntegerType, "calendar year")
          .add("quarter", DataTypes.IntegerType, "calendar quarter, 1 to 4")
          .add("quarter_start", DataTypes.DateType, "first day of the calendar quarter (KPI quarter period_start)")
          .add("month_of_year", DataTypes.IntegerType, "calendar month, 1 to 12")
          .add("fiscal_year", DataTypes.IntegerType,
              "fiscal year (start month salescomp.fiscal-year-start), named by the calendar year it ends in")
          .add("fiscal_quarter", DataTypes.IntegerType, "quarter of the fiscal year, 1 to 4")
          .add("fiscal_month", DataTypes.IntegerType, "month of the fiscal year, 1 to 12")
          .add("fiscal_year_start", DataTypes.DateType, "first day of the fiscal year")
          .withRunId(),
      List.of(), List.of(MONTH), List.of(MONTH), PublishedTable.OwnedRows.all(), false);

  private DimMonth() {}

  /**
   * @param reps the accepted roster: its dates bound the calendar
   * @param lastMonth the run's last month
   * @param fiscalYearStart the month a fiscal year starts in
   */
  public static Dataset<Row> build(Dataset<Row> reps, LocalDate lastMonth, Month fiscalYearStart) {
    Column first = trunc(least(min(col("valid_from")), min(col("hire_date")), lit(lastMonth)), "year");
    // greatest() skips nulls (open rows, reps still employed)
    Column last = greatest(max(col("valid_from")), max(col("valid_to")), max(col("hire_date")),
        max(col("termination_date")), lit(lastMonth));
    Dataset<Row> months = reps.agg(first.as("first"), add_months(trunc(last, "year"), 11).as("last"))
        .select(explode(sequence(col("first"), col("last"), expr("interval 1 month"))).as(MONTH));
    int start = fiscalYearStart.getValue();
    // months since the fiscal year began: 0 in its first month
    Column intoFiscalYear = pmod(month(col(MONTH)).minus(lit(start)), lit(12));
    Column fiscalYearStartDay = add_months(col(MONTH), intoFiscalYear.multiply(lit(-1)).cast("int"));
    return months.select(col(MONTH),
        last_day(col(MONTH)).as("month_end"),
        year(col(MONTH)).as("year"),
        quarter(col(MONTH)).as("quarter"),
        trunc(col(MONTH), "quarter").as("quarter_start"),
        month(col(MONTH)).as("month_of_year"),
        // the fiscal year ends 11 months after it starts, and takes that month's calendar year
        year(add_months(fiscalYearStartDay, 11)).as("fiscal_year"),
        intoFiscalYear.divide(lit(3)).cast("int").plus(lit(1)).as("fiscal_quarter"),
        intoFiscalYear.plus(lit(1)).cast("int").as("fiscal_month"),
        fiscalYearStartDay.as("fiscal_year_start"));
  }
}

package org.salescomp.marts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.domain.RunScope;
import org.salescomp.io.PublishedTable;
import org.salescomp.io.RowFilter;
import org.salescomp.testing.SharedSpark;

/** The declarations of the published tables: one per table, and owned rows that read the same as Column and SQL. */
@Tag("fast")
class PublishedCatalogTest {
  private static final RunScope FEBRUARY = RunScope.backfill(YearMonth.of(2025, 2), YearMonth.of(2025, 2));

  @Test
  void everyTableIsDeclaredOnceWithTheRunId() {
    List<String> names = PublishedCatalog.TABLES.stream().map(PublishedTable::name).toList();
    assertThat(names).doesNotHaveDuplicates().contains("commission_lines", "payouts", "kpi_rep_period",
        "kpi_team_period", "kpi_region_period", "team_awards", "special_awards", "coaching_flags", "quarantine",
        "run_log", "rep_balances", "period_close");
    for (PublishedTable t : PublishedCatalog.TABLES) {
      assertThat(t.columns()).as(t.name()).contains(PublishedTable.RUN_ID);
    }
    assertThat(PublishedCatalog.frozenByClose().stream().map(PublishedTable::name))
        .containsExactly("commission_lines", "payouts", "rep_balances", "team_awards", "special_awards");
  }

  @Test
  void kpiRowsOwnedByAFebruaryRunAreItsMonthQuarterAndYear() {
    // period rows around February 2025; the run owns month 2025-02, quarter 2025-01-01 (Q1) and year 2025
    Dataset<Row> periods = SharedSpark.session().createDataFrame(List.of(
        period("month", "2025-01-01"), period("month", "2025-02-01"), period("month", "2025-03-01"),
        period("quarter", "2025-01-01"), period("quarter", "2025-04-01"), period("quarter", "2024-10-01"),
        period("year", "2025-01-01"), period("year", "2024-01-01")),
        new StructType().add("period_type", DataTypes.StringType).add("period_start", DataTypes.DateType));
    RowFilter owned = KpiRepPeriod.TABLE.owned(FEBRUARY, "r1");
    List<String> byColumn = keys(periods.where(owned.column()));
    assertThat(byColumn).containsExactly("month 2025-02-01", "quarter 2025-01-01", "year 2025-01-01");
    assertThat(keys(periods.where(owned.sql()))).isEqualTo(byColumn);
  }

  @Test
  void awardsOwnedByAMarchRunAreThoseOfTheQuarterPaidInMarch() {
    RunScope march = RunScope.backfill(YearMonth.of(2025, 3), YearMonth.of(2025, 3));
    Dataset<Row> quarters = SharedSpark.session().createDataFrame(List.of(
        RowFactory.create(Date.valueOf("2024-10-01")), RowFactory.create(Date.valueOf("2025-01-01")),
        RowFactory.create(Date.valueOf("2025-04-01"))), new StructType().add("quarter", DataTypes.DateType));
    RowFilter owned = teamAwards().owned(march, "r1");
    assertThat(quarters.where(owned.column()).count()).isOne();
    assertThat(quarters.where(owned.sql()).first().getDate(0)).isEqualTo(Date.valueOf("2025-01-01"));
  }

  @Test
  void aRunIdWithAQuoteStaysOneLiteral() {
    RowFilter owned = quarantine().owned(FEBRUARY, "manual__o'clock");
    Dataset<Row> runs = SharedSpark.session().createDataset(List.of("manual__o'clock", "other"), Encoders.STRING())
        .toDF(PublishedTable.RUN_ID);
    assertThat(runs.where(owned.sql()).count()).isOne();
    assertThat(runs.where(owned.column()).count()).isOne();
  }

  @Test
  void theDocsListEveryTableAsDeclared() throws IOException {
    Path written = Files.createDirectories(Path.of("target")).resolve("published-tables.md");
    Files.writeString(written, PublishedCatalog.markdown());
    assertThat(Files.readString(Path.of("docs/published-tables.md")))
        .as("docs/published-tables.md is out of date: copy %s over it", written)
        .isEqualTo(PublishedCatalog.markdown());
  }

  private static PublishedTable teamAwards() {
    return PublishedCatalog.find("team_awards").orElseThrow();
  }

  private static PublishedTable quarantine() {
    return PublishedCatalog.find("quarantine").orElseThrow();
  }

  private static Row period(String type, String start) {
    return RowFactory.create(type, Date.valueOf(start));
  }

  private static List<String> keys(Dataset<Row> rows) {
    return rows.orderBy("period_type", "period_start").collectAsList().stream()
        .map(r -> r.getString(0) + " " + r.getDate(1)).toList();
  }
}

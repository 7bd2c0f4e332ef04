package org.salescomp.examples.adventureworks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.io.SourceTable;
import org.salescomp.quality.GateResult;
import org.salescomp.quality.InputGate;
import org.salescomp.quality.SourceTally;
import org.salescomp.staging.SourceData;
import org.salescomp.testing.SharedSpark;

/**
 * The mapping on the real files the repository carries ({@code examples/adventureworks-dw2020}, gzip
 * compressed, read by Spark as they are), checked against a second reading of Sales.csv in plain Java: the deals hold every dollar of the Sales column, fiscal year by fiscal year
 * (July to June), and the gate accepts every mapped row, deferring only the targets after June 2020.
 */
@Tag("slow")
class AdventureWorksRealDataTest {
  static final Path DATA = Path.of("examples/adventureworks-dw2020");
  static Map<SourceTable, Dataset<Row>> tables;
  static GateResult gate;

  @BeforeAll
  static void map() {
        tables = AdventureWorksMapping.tables(new AdventureWorksFiles(SharedSpark.session(), DATA),
        AdventureWorksMapping.DEFAULT_ACTIVE_MONTHS);
    gate = InputGate.check(new SourceData(tables), LocalDate.of(2020, 6, 30), "USD");
  }

  @AfterAll
  static void release() {
    if (gate != null) {
      gate.unpersist();
    }
  }

  @Test
  void theDealsHoldTheSalesColumnFiscalYearByFiscalYear() throws IOException {
    Map<Integer, BigDecimal> expected = salesByFiscalYear();
    Map<Integer, BigDecimal> mapped = new TreeMap<>();
    for (Row r : tables.get(SourceTable.DEALS)
        .selectExpr("year(add_months(close_date, 6)) as fiscal_year", "amount")
        .groupBy("fiscal_year").sum("amount").collectAsList()) {
      mapped.put(r.getInt(0), r.getDecimal(1));
    }
    // FY2018 16,429,042.60; FY2019 27,979,779.53; FY2020 36,568,898.08 (June 2020 from the official file)
    assertThat(mapped).isEqualTo(expected);
    assertThat(expected.get(2018)).isEqualByComparingTo("16429042.60");
  }

  @Test
  void theGateAcceptsEveryMappedRow() {
    for (SourceTally tally : gate.tally()) {
      assertThat(tally.quarantined()).as(tally.table().tableName()).isZero();
      // only targets are dated after June 2020 (they run to December 2021)
      assertThat(tally.deferred()).as(tally.table().tableName())
          .isEqualTo(tally.table() == SourceTable.TARGETS ? 270 : 0);
    }
    assertThat(gate.tally().get(SourceTable.DEALS.ordinal()).read()).isEqualTo(3_796);
    assertThat(gate.tally().get(SourceTable.REPS.ordinal()).read()).isEqualTo(18);
  }

  /** Sales.csv and the June file summed per fiscal year in plain Java: a second implementation. */
  private static Map<Integer, BigDecimal> salesByFiscalYear() throws IOException {
    Map<Integer, BigDecimal> sums = new TreeMap<>();
    add(sums, gunzipLines(DATA.resolve("Sales.csv.gz")), "\\|", 1, 8, DateTimeFormatter.ofPattern("yyyy/MM/dd"));
    add(sums, gunzipLines(DATA.resolve(AdventureWorksFiles.JUNE_2020 + ".gz")), ",", 2, 13,
        DateTimeFormatter.ISO_LOCAL_DATE);
    return sums;
  }

  private static List<String> gunzipLines(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private static void add(Map<Integer, BigDecimal> sums, List<String> lines, String separator, int dateField,
      int salesField, DateTimeFormatter dates) {
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.strip().split(separator);
      LocalDate date = LocalDate.parse(f[dateField], dates);
      int fiscalYear = date.getMonthValue() >= 7 ? date.getYear() + 1 : date.getYear();
      sums.merge(fiscalYear, new BigDecimal(f[salesField]), BigDecimal::add);
    }
    sums.replaceAll((year, sum) -> sum.setScale(2));
  }
}

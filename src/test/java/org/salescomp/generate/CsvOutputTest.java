package org.salescomp.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.io.SourceTable;
import org.salescomp.testing.GeneratedSample;

/**
 * CSV output: one file per table with a header, read back with the contract's schema to exactly the
 * rows of the Parquet output of the same options.
 */
@Tag("slow")
class CsvOutputTest {
  private static Path out;
  private static Map<String, Long> counts;

  @BeforeAll
  static void generate() {
    out = GeneratedSample.csvFolder();
    counts = GeneratedSample.csvCounts();
  }

  @Test
  void eachTableIsOneCsvFileWithTheContractsHeader() throws IOException {
    for (SourceTable table : SourceTable.values()) {
      Path file = out.resolve(table.tableName() + ".csv");
      String header = Files.newBufferedReader(file).readLine();
      assertThat(header).isEqualTo(String.join(",", table.schema().fieldNames()));
    }
  }

  /** Equal to the Parquet rows, which have no null in a required column (see the contract test). */
  @Test
  void readsBackWithTheContractSchemaToTheParquetRows() {
    assertThat(counts).isEqualTo(GeneratedSample.counts());
    for (SourceTable table : SourceTable.values()) {
      Dataset<Row> csv = GeneratedSample.spark().read().schema(table.schema())
          .option("header", true).option("mode", "FAILFAST")
          .csv(out.resolve(table.tableName() + ".csv").toString());
      Dataset<Row> parquet = GeneratedSample.table(table);

      assertThat(csv.count()).as(table.tableName()).isEqualTo(counts.get(table.tableName()));
      assertThat(csv.exceptAll(parquet).count()).as(table.tableName()).isZero();
      assertThat(parquet.exceptAll(csv).count()).as(table.tableName()).isZero();
    }
  }

  @Test
  void decimalsArePlainAndDatesIso() throws IOException {
    String deals = Files.readString(out.resolve("deals.csv"));
    String fx = Files.readString(out.resolve("fx_rates.csv"));

    assertThat(deals).doesNotContainPattern("\\d[eE][-+]?\\d");
    assertThat(fx.lines().skip(1).findFirst().orElseThrow())
        .matches("[A-Z]{3},\\d{4}-\\d{2}-\\d{2},\\d+\\.\\d{6}");
  }

  @Test
  void sourcesConfPointsEveryTableAtItsFile() {
    Config conf = ConfigFactory.parseFile(out.resolve(SourcesConf.FILE_NAME).toFile());
    for (SourceTable table : SourceTable.values()) {
      Config source = conf.getConfig("salescomp.sources." + table.tableName());
      assertThat(source.getString("format")).isEqualTo("csv");
      assertThat(Path.of(source.getString("path")))
          .isAbsolute()
          .isEqualTo(out.toAbsolutePath().resolve(table.tableName() + ".csv"));
    }
  }
}

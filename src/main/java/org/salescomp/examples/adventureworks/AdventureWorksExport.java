package org.salescomp.examples.adventureworks;

import com.typesafe.config.ConfigUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.salescomp.io.SourceTable;

/**
 * Writes the mapped tables as Parquet, one folder per table under {@code out}, and
 * {@code out/sources.conf}, an overlay pointing {@code salescomp.sources.*} at them.
 */
public final class AdventureWorksExport {
  public static final String SOURCES_CONF = "sources.conf";

  /** The months the sales cover, and the rows written per table. */
  public record Written(YearMonth firstMonth, YearMonth lastMonth, Map<SourceTable, Long> rows) {
    /** The logical date of a backfill of all the months: the last day of the last one. */
    public LocalDate logicalDate() {
      return lastMonth.atEndOfMonth();
    }
  }

  private AdventureWorksExport() {}

  /** Maps the files in {@code source} and writes the tables into {@code out}. */
  /** Whether {@code folder} holds the AdventureWorks sales file (compressed or not). */
  public static boolean hasData(Path folder) {
    return AdventureWorksFiles.exists(folder, "Sales.csv");
  }

  public static Written write(SparkSession spark, Path source, Path out, int activeMonths) {
    Map<SourceTable, Dataset<Row>> tables = AdventureWorksMapping.tables(new AdventureWorksFiles(spark, source),
        activeMonths);
    Path folder = out.toAbsolutePath().normalize();
    Map<SourceTable, Long> rows = new java.util.EnumMap<>(SourceTable.class);
    StringBuilder conf = new StringBuilder(
        "# Written by bin/salescomp adventureworks: the mapped AdventureWorks tables.\n");
    for (Map.Entry<SourceTable, Dataset<Row>> e : tables.entrySet()) {
      Path path = folder.resolve(e.getKey().tableName());
      e.getValue().coalesce(1).write().mode(SaveMode.Overwrite).parquet(path.toString());
      rows.put(e.getKey(), spark.read().parquet(path.toString()).count());
      conf.append("salescomp.sources.").append(e.getKey().tableName()).append(" { format = parquet, path = ")
          .append(ConfigUtil.quoteString(path.toString())).append(" }\n");
    }
    try {
      Files.writeString(folder.resolve(SOURCES_CONF), conf, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + folder.resolve(SOURCES_CONF), e);
    }
    Row span = spark.read().parquet(folder.resolve(SourceTable.DEALS.tableName()).toString())
        .selectExpr("min(close_date)", "max(close_date)").first();
    return new Written(YearMonth.from(span.getDate(0).toLocalDate()), YearMonth.from(span.getDate(1).toLocalDate()),
        rows);
  }
}

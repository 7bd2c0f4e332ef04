package org.salescomp.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salescomp.io.SourceTable;
import org.salescomp.testing.SharedSpark;

/**
 * One small generated company (scale 0.05, six months), generated once per test JVM in Parquet and
 * once in CSV, and shared by the tests that only read it. Deleted when the JVM exits.
 */
final class GeneratedSample {
  static final YearMonth START = YearMonth.of(2025, 1);
  static final int MONTHS = 6;
  static final double SCALE = 0.05;

  private static Path folder;
  private static Map<String, Long> counts;
  private static Path csvFolder;
  private static Map<String, Long> csvCounts;

  private GeneratedSample() {}

  static GeneratorOptions options(Path out, OutputFormat format) {
    return new GeneratorOptions(out, 42, SCALE, START, MONTHS, format);
  }

  /** The Parquet sample. */
  static synchronized Path folder() {
    if (folder == null) {
      folder = temporaryFolder();
      counts = DemoDataGenerator.generate(spark(), options(folder, OutputFormat.PARQUET));
    }
    return folder;
  }

  static Map<String, Long> counts() {
    folder();
    return counts;
  }

  /** The CSV sample: the same options as the Parquet one. */
  static synchronized Path csvFolder() {
    if (csvFolder == null) {
      csvFolder = temporaryFolder();
      csvCounts = DemoDataGenerator.generate(spark(), options(csvFolder, OutputFormat.CSV));
    }
    return csvFolder;
  }

  static Map<String, Long> csvCounts() {
    csvFolder();
    return csvCounts;
  }

  static Dataset<Row> table(SourceTable table) {
    return spark().read().parquet(folder().resolve(table.tableName()).toString());
  }

  /** Registers every table as a temporary view named after it, for readable SQL checks. */
  static void registerViews() {
    for (SourceTable table : SourceTable.values()) {
      table(table).createOrReplaceTempView(table.tableName());
    }
  }

  /** Drops the views again: the session is shared with other packages' tests. */
  static void dropViews() {
    for (SourceTable table : SourceTable.values()) {
      spark().catalog().dropTempView(table.tableName());
    }
  }

  static SparkSession spark() {
    return SharedSpark.session();
  }

  private static Path temporaryFolder() {
    try {
      Path dir = Files.createTempDirectory("salescomp-generated-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temporary folder
    }
  }
}

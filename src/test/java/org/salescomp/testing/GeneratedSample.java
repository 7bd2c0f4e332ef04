package org.salescomp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salescomp.common.LocalFiles;
import org.salescomp.generate.DemoDataGenerator;
import org.salescomp.generate.GeneratorOptions;
import org.salescomp.generate.OutputFormat;
import org.salescomp.io.SourceTable;

/**
 * One small generated company (seed 42, scale 0.05, six months from 2025-01), generated once per test JVM
 * in Parquet and once in CSV, when a test first asks for it, and shared by every test that reads it: the
 * generator's, the gate's and the command line's. A test that changes files copies the folder first.
 * Deleted when the JVM exits.
 */
public final class GeneratedSample {
  public static final YearMonth START = YearMonth.of(2025, 1);
  public static final int MONTHS = 6;
  public static final double SCALE = 0.05;

  private static Path folder;
  private static Map<String, Long> counts;
  private static Path csvFolder;
  private static Map<String, Long> csvCounts;

  private GeneratedSample() {}

  public static GeneratorOptions options(Path out, OutputFormat format) {
    return new GeneratorOptions(out, 42, SCALE, START, MONTHS, format);
  }

  /** The Parquet sample. */
  public static synchronized Path folder() {
    if (folder == null) {
      folder = temporaryFolder();
      counts = DemoDataGenerator.generate(spark(), options(folder, OutputFormat.PARQUET));
    }
    return folder;
  }

  public static Map<String, Long> counts() {
    folder();
    return counts;
  }

  /** The CSV sample: the same options as the Parquet one. */
  public static synchronized Path csvFolder() {
    if (csvFolder == null) {
      csvFolder = temporaryFolder();
      csvCounts = DemoDataGenerator.generate(spark(), options(csvFolder, OutputFormat.CSV));
    }
    return csvFolder;
  }

  public static Map<String, Long> csvCounts() {
    csvFolder();
    return csvCounts;
  }

  public static Dataset<Row> table(SourceTable table) {
    return spark().read().parquet(folder().resolve(table.tableName()).toString());
  }

  /** Registers every table as a temporary view named after it, for readable SQL checks. */
  public static void registerViews() {
    for (SourceTable table : SourceTable.values()) {
      table(table).createOrReplaceTempView(table.tableName());
    }
  }

  /** Drops the views again: the session is shared with other packages' tests. */
  public static void dropViews() {
    for (SourceTable table : SourceTable.values()) {
      spark().catalog().dropTempView(table.tableName());
    }
  }

  public static SparkSession spark() {
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

  public static void deleteQuietly(Path dir) {
    try {
      LocalFiles.deleteRecursively(dir);
    } catch (IOException e) {
      // best effort: a temporary folder
    }
  }
}

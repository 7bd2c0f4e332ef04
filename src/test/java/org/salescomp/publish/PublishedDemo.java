package org.salescomp.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salescomp.common.LocalFiles;
import org.salescomp.config.Settings;
import org.salescomp.domain.RunScope;
import org.salescomp.generate.DemoDataGenerator;
import org.salescomp.generate.GeneratorOptions;
import org.salescomp.generate.OutputFormat;
import org.salescomp.pipeline.NightlyJob;
import org.salescomp.testing.SharedSpark;

/**
 * The lakehouse every publish test reads: generated data for January to April 2025 (scale 0.05: 200 reps,
 * about 800 deals; March closes a quarter, so it has awards and quarter KPIs), the nightly job run over
 * it once per test JVM. Everything lives under {@code target/publish-tests}, with the tests' artifacts
 * (dashboard, screenshot, executed notebook).
 */
public final class PublishedDemo {
  static final YearMonth FIRST = YearMonth.of(2025, 1);
  static final YearMonth LAST = YearMonth.of(2025, 4);
  /** A quarter's last month: the dashboard and statement tests look at it. */
  public static final YearMonth QUARTER_END = YearMonth.of(2025, 3);
  public static final Path DIR = Path.of("target", "publish-tests").toAbsolutePath();
  static final Path ARTIFACTS = DIR.resolve("artifacts");

  private static PublishedDemo instance;

  public final Settings settings;
  /** A session of the tests' own with the published tables as views, for expected values in SQL. */
  private final SparkSession views;
  /** The overlays that point a command at this lakehouse: pass each with --conf. */
  final List<Path> confFiles;

  private PublishedDemo(Settings settings, List<Path> confFiles) {
    this.settings = settings;
    this.confFiles = confFiles;
    this.views = SharedSpark.session().newSession();
    PublishedLakehouse.registerViews(views, settings.lakehouseRoot());
  }

  /** A query over the published tables (each a view of its name). */
  Dataset<Row> sql(String query) {
    return views.sql(query);
  }

  public static synchronized PublishedDemo get() {
    if (instance == null) {
      instance = build(SharedSpark.session());
    }
    return instance;
  }

  private static PublishedDemo build(SparkSession spark) {
    try {
      LocalFiles.deleteRecursively(DIR);
      Files.createDirectories(ARTIFACTS);
      Path data = DIR.resolve("data");
      DemoDataGenerator.generate(spark, new GeneratorOptions(data, 11, 0.05, FIRST,
          (int) (LAST.getMonthValue() - FIRST.getMonthValue() + 1), OutputFormat.PARQUET));
      Path lakehouse = Files.writeString(DIR.resolve("lakehouse.conf"),
          "salescomp.lakehouse.root = \"" + DIR.resolve("lakehouse") + "\"\n");
      List<Path> confFiles =
          List.of(Path.of("conf/local.conf").toAbsolutePath(), data.resolve("sources.conf"), lakehouse);
      Settings settings = Settings.load(confFiles);
      RunScope scope = RunScope.backfill(FIRST, LAST);
      NightlyJob.run(spark, settings, scope, scope.defaultRunId());
      return new PublishedDemo(settings, confFiles);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  PublishedLakehouse lakehouse() {
    return PublishedLakehouse.open(SharedSpark.session(), settings.lakehouseRoot());
  }

  Path customersSource() {
    return Path.of(settings.source(org.salescomp.io.SourceTable.CUSTOMERS).location());
  }

  /** {@code --conf a --conf b ...} for a command line. */
  public List<String> confArgs() {
    return confFiles.stream().flatMap(f -> Stream.of("--conf", f.toString())).toList();
  }
}

package org.salescomp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.salescomp.config.Settings;
import org.salescomp.generate.DemoDataGenerator;
import org.salescomp.generate.DirtyDataInjector;
import org.salescomp.generate.GeneratorOptions;
import org.salescomp.generate.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code generate}: deterministic demo data for all input tables of the data contract. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Generates deterministic demo data for every input table of the data contract.",
        "The same seed and scale give the same bytes. Also writes <out>/sources.conf, an overlay that"
            + " points salescomp.sources.* at the generated tables."})
final class GenerateCommand implements Callable<Integer> {
  static final String DEFAULT_OUT = "data/demo";
  /** The overlay the generator writes next to its tables. */
  static final String SOURCES_CONF = "sources.conf";
  static final String DEFAULT_SEED = "42";
  static final String DEFAULT_SCALE = "1";
  static final String DEFAULT_START = "2025-01";
  static final String DEFAULT_MONTHS = "24";

  @ParentCommand private Main main;
  @Spec private CommandSpec spec;
  @Mixin private ConfOptions conf;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = DEFAULT_OUT,
      description = "output folder (default: ${DEFAULT-VALUE})")
  private Path out;

  @Option(names = "--seed", paramLabel = "N", defaultValue = DEFAULT_SEED,
      description = "random seed (default: ${DEFAULT-VALUE})")
  private long seed;

  @Option(names = "--scale", paramLabel = "S", defaultValue = DEFAULT_SCALE,
      description = "size: 1 is about 200 reps and 100,000 deals; deals grow linearly (default: ${DEFAULT-VALUE})")
  private double scale;

  @Option(names = "--start", paramLabel = "yyyy-MM", defaultValue = DEFAULT_START,
      description = "first month (default: ${DEFAULT-VALUE})")
  private YearMonth start;

  @Option(names = "--months", paramLabel = "N", defaultValue = DEFAULT_MONTHS,
      description = "number of months (default: ${DEFAULT-VALUE})")
  private int months;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "parquet",
      description = "parquet or csv (default: ${DEFAULT-VALUE}); csv writes <out>/<table>.csv")
  private OutputFormat format;

  @Option(names = "--dirty", paramLabel = "FRACTION",
      description = {"add bad rows of every reason code, about FRACTION of each table's rows (0 < FRACTION <= 0.5),"
          + " and <out>/" + DirtyDataInjector.MANIFEST + " listing them (source, key, reason);"
          + " unparseable values only with --format csv"})
  private Double dirty;

  @Override
  public Integer call() {
    GeneratorOptions options = options();
    Settings settings = conf.load();
    PrintWriter out = spec.commandLine().getOut();
    SparkSession spark = main.sessions().create(settings);
    Map<String, Long> rows = generate(spark, options, out);
    out.printf("generated %d tables into %s%n", rows.size(), options.out().toAbsolutePath().normalize());
    if (dirty != null) {
      Map<String, Long> added = DirtyDataInjector.inject(spark, options, dirty);
      added.forEach((table, count) -> out.printf(Locale.ROOT, "  %-20s %,12d bad rows added%n", table, count));
      out.printf("listed in %s%n", options.out().resolve(DirtyDataInjector.MANIFEST));
    }
    StringBuilder confs = new StringBuilder();
    conf.overlays().forEach(file -> confs.append(" --conf ").append(file));
    out.printf("run the pipeline on them: bin/salescomp run --from %s --to %s%s --conf %s%n", options.start(),
        options.start().plusMonths(options.months() - 1L), confs, options.out().resolve(SOURCES_CONF));
    return ExitCodes.OK;
  }

  /** The options of {@code generate} without arguments: what the demo generates. */
  static GeneratorOptions defaults() {
    return new GeneratorOptions(Path.of(DEFAULT_OUT), Long.parseLong(DEFAULT_SEED), Double.parseDouble(DEFAULT_SCALE),
        YearMonth.parse(DEFAULT_START), Integer.parseInt(DEFAULT_MONTHS), OutputFormat.PARQUET);
  }

  /** Generates and prints the rows per table. */
  static Map<String, Long> generate(SparkSession spark, GeneratorOptions options, PrintWriter out) {
    Map<String, Long> rows = DemoDataGenerator.generate(spark, options);
    rows.forEach((table, count) -> out.printf(Locale.ROOT, "  %-20s %,12d rows%n", table, count));
    return rows;
  }

  private GeneratorOptions options() {
    if (dirty != null && !(dirty > 0 && dirty <= 0.5)) {
      throw new ParameterException(spec.commandLine(), "--dirty must be above 0 and at most 0.5, got " + dirty);
    }
    try {
      return new GeneratorOptions(out, seed, scale, start, months, format);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}

package org.salescomp.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.salescomp.config.Settings;
import org.salescomp.domain.RunScope;
import org.salescomp.generate.GeneratorOptions;
import org.salescomp.pipeline.NightlyJob;
import org.salescomp.publish.PublishedLakehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code demo}: generated data, the pipeline over all of its months, and a summary of what it published. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Generates demo data, runs the pipeline over it and summarises the result.",
        "Generates scale-1 data into data/demo (once; --regenerate to redo it), runs the pipeline as a"
            + " backfill over all generated months, and prints the rows per published table, the payout"
            + " total per month and where the tables are. Paths are relative to the working directory."})
final class DemoCommand implements Callable<Integer> {
  static final String PAYOUTS_BY_MONTH = "select month, sum(total) from payouts group by month order by month";

  @ParentCommand private Main main;
  @Spec private CommandSpec spec;
  @Mixin private ConfOptions conf;

  @Option(names = "--regenerate", description = "generate the demo data again even if data/demo/sources.conf exists")
  private boolean regenerate;

  @Override
  public Integer call() {
    GeneratorOptions data = GenerateCommand.defaults();
    Path sourcesConf = data.out().resolve(GenerateCommand.SOURCES_CONF);
    Settings base = conf.load();
    PrintWriter out = spec.commandLine().getOut();
    SparkSession spark = main.sessions().create(base);
    if (regenerate || !Files.exists(sourcesConf)) {
      out.printf("generating demo data into %s%n", data.out());
      GenerateCommand.generate(spark, data, out);
    } else {
      out.printf("using the demo data in %s (--regenerate to generate it again)%n", data.out());
    }
    List<Path> overlays = new ArrayList<>(conf.overlays());
    overlays.add(sourcesConf);
    Settings settings = Settings.load(overlays);
    RunScope scope = RunScope.backfill(data.start(), data.start().plusMonths(data.months() - 1L));
    out.printf("running the pipeline over %s..%s%n", scope.from(), scope.to());
    out.println(RunCommand.statusLine(NightlyJob.run(spark, settings, scope, scope.defaultRunId(),
        new ExitCodes()::getExitCode), settings.messages()));
    printSummary(out, spark, settings);
    return ExitCodes.OK;
  }

  static void printSummary(PrintWriter out, SparkSession spark, Settings settings) {
    out.println();
    out.println("rows per published table:");
    for (String table : PublishedLakehouse.registerViews(spark, settings.lakehouseRoot())) {
      out.printf(Locale.ROOT, "  %-20s %,12d%n", table, spark.table(table).count());
    }
    out.println();
    out.println("payout total per month:");
    new ResultPrinter(out, spark).table(spark.sql(PAYOUTS_BY_MONTH), SqlCommand.DEFAULT_TABLE_LIMIT);
    out.println();
    out.printf("the tables are in %s%n", location(settings.lakehouseRoot()));
    out.printf("try: bin/salescomp sql \"%s\"%n", PAYOUTS_BY_MONTH);
  }

  /** An absolute path for a local folder; an object-store URL as it is. */
  private static String location(String lakehouseRoot) {
    return lakehouseRoot.contains("://") ? lakehouseRoot : Path.of(lakehouseRoot).toAbsolutePath().normalize().toString();
  }
}

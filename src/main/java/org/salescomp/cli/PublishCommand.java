package org.salescomp.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.salescomp.config.Settings;
import org.salescomp.publish.PostgresPublisher;
import org.salescomp.config.PostgresTarget;
import org.salescomp.publish.PublishReport;
import org.salescomp.publish.PublishedLakehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code publish}: copies the published tables to a database that BI tools read. */
@Command(name = "publish", mixinStandardHelpOptions = true,
    description = {"Copies the published tables into a PostgreSQL schema for BI tools, atomically.",
        "Loads every table into staging tables, then replaces the target tables in one transaction: readers"
            + " see the previous publish or this one, never a mix. After a publish of the same lakehouse, only"
            + " the months (periods, runs) that runs changed since are copied, from the change data feed. Connection from salescomp.publish.postgres;"
            + " the password from the environment variable password-env or the file password-file."})
final class PublishCommand implements Callable<Integer> {
  enum Target { POSTGRES }

  @ParentCommand private Main main;
  @Spec private CommandSpec spec;
  @Mixin private ConfOptions conf;

  @Option(names = "--target", paramLabel = "TARGET", required = true, description = "where to publish: postgres")
  private Target target;

  @Mixin private DryRunOption dryRun;

  @Override
  public Integer call() throws Exception {
    Settings settings = conf.load();
    PostgresTarget pg = settings.postgres();
    if (dryRun.on()) {
      PrintWriter out = spec.commandLine().getOut();
      DryRunOption.header(out, conf, settings);
      out.printf("  publish    every published table to %s, schema %s (staging %s), as %s%s%n", pg.displayUrl(),
          pg.schema(), pg.stagingSchema(), pg.user(),
          pg.readerRole().isEmpty() ? "" : ", SELECT granted to " + pg.readerRole());
      out.flush();
      return ExitCodes.OK;
    }
    PublishedLakehouse lakehouse = PublishedLakehouse.open(main.sessions().create(settings), settings.lakehouseRoot());
    if (lakehouse.tables().isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no published tables in the lakehouse "
          + settings.lakehouseRoot() + " (run the pipeline first: bin/salescomp run ...)");
    }
    List<String> tables = lakehouse.tables();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("publishing %d tables to %s, schema %s, as %s%n", tables.size(), pg.displayUrl(), pg.schema(),
        pg.user());
    out.flush();
    PublishReport report = new PostgresPublisher(pg).publish(lakehouse);
    // rows copied per table; a table copied in part says so, one left as it was says unchanged
    String rows = tables.stream().map(t -> t + "=" + report.rows().get(t) + switch (report.modes().get(t)) {
      case WHOLE -> "";
      case CHANGED -> " (changed slices)";
      case UNCHANGED -> " (unchanged)";
    }).collect(Collectors.joining(", "));
    out.printf(Locale.ROOT, "published: %s; staging %.1f s, swap transaction %.1f s%n", rows,
        report.stagingMillis() / 1000.0, report.swapMillis() / 1000.0);
    out.flush();
    return ExitCodes.OK;
  }
}

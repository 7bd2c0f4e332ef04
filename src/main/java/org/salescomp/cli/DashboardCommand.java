package org.salescomp.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.salescomp.config.Settings;
import org.salescomp.publish.DashboardPage;
import org.salescomp.publish.NothingPublishedException;
import org.salescomp.publish.PublishedLakehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code dashboard}: the executive dashboard of a month as one self-contained HTML file. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
    description = {"Writes the executive dashboard of a month as one self-contained HTML file.",
        "Revenue against quota, attainment distribution, pay mix, cost of sales, customer experience, team"
            + " leaderboard with awards and coaching flags, from the published tables. The page embeds its data"
            + " and its chart library and needs no network when it is opened."})
final class DashboardCommand implements Callable<Integer> {
  @ParentCommand private Main main;
  @Spec private CommandSpec spec;
  @Mixin private ConfOptions conf;

  @Option(names = "--month", paramLabel = "yyyy-MM", required = true, description = "the month the dashboard is about")
  private YearMonth month;

  @Option(names = "--out", paramLabel = "FILE",
      description = "the HTML file to write (default: dashboard-<yyyy-MM>.html in the working directory)")
  private Path out;

  @Override
  public Integer call() throws Exception {
    Settings settings = conf.load();
    Path file = out != null ? out : Path.of("dashboard-" + month + ".html");
    PublishedLakehouse lakehouse = PublishedLakehouse.open(main.sessions().create(settings), settings.lakehouseRoot());
    try {
      DashboardPage.write(lakehouse, month, file, settings.messages(), settings.localeFormat());
    } catch (NothingPublishedException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    spec.commandLine().getOut().println(settings.messages().text("cli.dashboard.written",
        "month", settings.localeFormat().month(month), "file", file.toAbsolutePath().normalize().toString(),
        "bytes", settings.localeFormat().number(java.math.BigDecimal.valueOf(Files.size(file)))));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}

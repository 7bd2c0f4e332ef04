package org.salescomp.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import org.salescomp.common.LocaleFormat;
import org.salescomp.common.Messages;
import org.salescomp.config.Settings;
import org.salescomp.publish.NothingPublishedException;
import org.salescomp.publish.PublishedLakehouse;
import org.salescomp.publish.Statement;
import org.salescomp.publish.StatementFiles;
import org.salescomp.publish.Statements;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code statement}: a rep's pay statement for a month (or every rep's), as HTML and CSV. */
@Command(name = "statement", mixinStandardHelpOptions = true,
    description = {"Writes pay statements of a month as HTML and CSV, one pair of files per rep.",
        "Every line of pay with its explanation and the KPIs that drove it, the rep's KPI rows, and a total"
            + " that reconciles with payouts.total. A statement holds that rep's data only. Files are named"
            + " statement-<rep>-<yyyy-MM>.html and .csv."})
final class StatementCommand implements Callable<Integer> {
  @ParentCommand private Main main;
  @Spec private CommandSpec spec;
  @Mixin private ConfOptions conf;
  @ArgGroup(exclusive = true, multiplicity = "1") private Who who;

  static final class Who {
    @Option(names = "--rep", paramLabel = "REP_ID", required = true, description = "the rep whose statement to write")
    private String rep;

    @Option(names = "--all", required = true, description = "write the statement of every rep paid in the month")
    private boolean all;
  }

  @Option(names = "--month", paramLabel = "yyyy-MM", required = true, description = "the month of pay")
  private YearMonth month;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "statements",
      description = "folder the files go to, created when missing (default: ${DEFAULT-VALUE})")
  private Path out;

  @Override
  public Integer call() throws Exception {
    Settings settings = conf.load();
    PublishedLakehouse lakehouse = PublishedLakehouse.open(main.sessions().create(settings), settings.lakehouseRoot());
    List<Statement> statements;
    try {
      statements = Statements.forMonth(lakehouse, month, who.all ? null : who.rep);
    } catch (NothingPublishedException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    Messages messages = settings.messages();
    LocaleFormat format = settings.localeFormat();
    List<Path> files = StatementFiles.write(statements, out, messages, format);
    if (statements.size() == 1) {
      Statement s = statements.get(0);
      spec.commandLine().getOut().println(messages.text("cli.statement.one", "rep", s.repId(),
          "month", format.month(month), "total", format.money(s.total())));
      files.forEach(f -> spec.commandLine().getOut().printf("  %s%n", f.toAbsolutePath().normalize()));
    } else {
      spec.commandLine().getOut().println(messages.text("cli.statement.many", "count",
          Integer.toString(statements.size()), "month", format.month(month), "files", Integer.toString(files.size()),
          "dir", out.toAbsolutePath().normalize().toString()));
    }
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}

package org.salescomp.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The {@code salescomp} command line: one subcommand per job. */
@Command(name = "salescomp", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Sales compensation and sales-performance analytics on Apache Spark and Delta Lake.",
    subcommands = {DemoCommand.class, GenerateCommand.class, RunCommand.class, CloseCommand.class, SqlCommand.class,
        ValidateConfigCommand.class, RerunCommand.class, MaintainCommand.class, SimulateCommand.class,
        DashboardCommand.class, StatementCommand.class, PublishCommand.class, AdventureWorksCommand.class,
        HelpCommand.class})
public final class Main {
  private static final Map<String, String> EXIT_CODES = exitCodes();

  private final SessionFactory sessions;

  Main(SessionFactory sessions) {
    this.sessions = sessions;
  }

  SessionFactory sessions() {
    return sessions;
  }

  public static void main(String[] args) {
    SparkSessionFactory sessions = new SparkSessionFactory();
    int code = commandLine(sessions).execute(args);
    sessions.stop();
    // Success returns from main instead of calling System.exit(0): under YARN cluster mode Spark's
    // application master reports an early System.exit as a failed application.
    if (code != ExitCodes.OK) {
      System.exit(code);
    }
  }

  /** The command line with salescomp's error handling and exit codes; tests drive it directly. */
  static CommandLine commandLine(SessionFactory sessions) {
    ErrorHandler errors = new ErrorHandler();
    CommandLine cli = new CommandLine(new Main(sessions))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExitCodeExceptionMapper(new ExitCodes())
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors);
    cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
    cli.getSubcommands().values().forEach(sub ->
        sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES));
    return cli;
  }

  private static Map<String, String> exitCodes() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(String.valueOf(ExitCodes.OK), "success");
    codes.put(String.valueOf(ExitCodes.SOFTWARE), "any other failure (stack trace on stderr)");
    codes.put(String.valueOf(ExitCodes.USAGE), "usage or configuration error");
    codes.put(String.valueOf(ExitCodes.DATA_QUALITY), "data-quality failure");
    codes.put(String.valueOf(ExitCodes.CONFLICT), "another run wrote the same table at the same time: retry");
    return codes;
  }
}

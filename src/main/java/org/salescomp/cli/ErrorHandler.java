package org.salescomp.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Writes failures the way a scheduler's log wants them: usage, configuration and data-quality errors
 * as one line on stderr, anything else (a bug) with its stack trace.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String name = cmd.getCommandSpec().qualifiedName();
    // picocli starts some messages with "Error: "; the command name already says so
    String message = oneLine(e.getMessage()).replaceFirst("^Error: ", "");
    cmd.getErr().println(name + ": " + message + " (see '" + name + " --help')");
    cmd.getErr().flush();
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
    int code = cmd.getExitCodeExceptionMapper().getExitCode(e);
    PrintWriter err = cmd.getErr();
    if (code == ExitCodes.SOFTWARE) {
      e.printStackTrace(err);
    } else {
      err.println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(ExitCodes.message(ExitCodes.reason(e))));
    }
    err.flush();
    return code;
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}

package org.salescomp.cli;

import picocli.CommandLine.ParameterException;

/**
 * Parses a salescomp command line without running it: exit 0 when every argument is accepted, 2 with
 * picocli's reason on stderr when one is not. The static tests of the Airflow DAGs
 * ({@code jobs/airflow/tests}) run it on the arguments each task renders.
 */
public final class ParseCheck {
  private ParseCheck() {}

  public static void main(String[] args) {
    try {
      Main.commandLine(new NoSpark()).parseArgs(args);
    } catch (ParameterException e) {
      System.err.println(e.getMessage());
      System.exit(ExitCodes.USAGE);
    }
  }
}

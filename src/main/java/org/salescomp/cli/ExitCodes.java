package org.salescomp.cli;

import org.salescomp.config.ConfigError;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/** The exit codes a scheduler acts on, and the one place that decides which failure gets which. */
final class ExitCodes implements IExitCodeExceptionMapper {
  static final int OK = 0;
  /** A bug or an environment failure: the stack trace goes to stderr. */
  static final int SOFTWARE = 1;
  /** Bad arguments or configuration: fix the command line or the config file and rerun. */
  static final int USAGE = 2;
  /** The input data failed a quality check: fix the sources and rerun. */
  static final int DATA_QUALITY = 3;

  @Override
  public int getExitCode(Throwable failure) {
    return codeOf(reason(failure));
  }

  /** The exception that explains a failure: the first in the cause chain with a code other than 1. */
  static Throwable reason(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (codeOf(t) != SOFTWARE) {
        return t;
      }
    }
    return failure;
  }

  private static int codeOf(Throwable t) {
    if (t instanceof ConfigError || t instanceof ParameterException) {
      return USAGE;
    }
    // org.salescomp.quality.DataQualityException maps to DATA_QUALITY here once it exists
    return SOFTWARE;
  }
}

package org.salescomp.cli;

import org.salescomp.config.ConfigError;
import org.salescomp.io.SchemaError;
import org.salescomp.pipeline.LedgerRefused;
import org.salescomp.quality.DataQualityException;
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
  /**
   * Another run committed to a table this run was writing, at the same time (Delta's optimistic
   * concurrency): retry the same command. The retry replaces whatever this run had committed.
   */
  static final int CONFLICT = 4;

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
    // a close or a run the pay ledger refuses (a month not computed, months all closed): a usage error
    if (t instanceof ConfigError || t instanceof ParameterException || t instanceof LedgerRefused) {
      return USAGE;
    }
    // a quality threshold failed, or a source cannot be read as the contract says: fix the sources
    if (t instanceof DataQualityException || t instanceof SchemaError) {
      return DATA_QUALITY;
    }
    if (t instanceof org.apache.spark.sql.delta.DeltaConcurrentModificationException) {
      return CONFLICT;
    }
    return SOFTWARE;
  }

  /** The one line printed for a failure with a code other than {@link #SOFTWARE}. */
  static String message(Throwable reason) {
    if (codeOf(reason) == CONFLICT) {
      return "another run wrote the same table at the same time (concurrent Delta commit); retry the same"
          + " command, which replaces what this run committed. Delta: " + reason.getMessage();
    }
    return reason.getMessage();
  }
}

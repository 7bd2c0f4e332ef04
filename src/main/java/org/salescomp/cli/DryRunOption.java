package org.salescomp.cli;

import java.io.PrintWriter;
import org.salescomp.config.Settings;
import picocli.CommandLine.Option;

/**
 * {@code --dry-run}, shared by every command a scheduler calls: the arguments and the whole configuration
 * are checked, what would run is printed, and the command stops before a Spark session exists or anything
 * is written. An orchestrator runs it first, so a bad deploy fails before the cluster is asked for anything.
 */
final class DryRunOption {
  @Option(names = "--dry-run",
      description = "validate the arguments and the config, print what would run, and stop before Spark starts")
  private boolean dryRun;

  boolean on() {
    return dryRun;
  }

  /** The first lines of every dry run's report. */
  static void header(PrintWriter out, ConfOptions conf, Settings settings) {
    header(out, conf, settings, "arguments and config");
  }

  /** The first lines of a dry run's report that checked {@code what}. */
  static void header(PrintWriter out, ConfOptions conf, Settings settings, String what) {
    out.println("dry run: " + what + " are valid; Spark was not started");
    out.printf("  config     %s (hash %s)%n", conf.overlays(), settings.configHash());
    out.printf("  lakehouse  %s%n", settings.lakehouseRoot());
  }
}

package org.salescomp.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.salescomp.config.Settings;
import org.salescomp.domain.Plan;
import org.salescomp.domain.PlanVersion;
import org.salescomp.config.SourceFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code validate-config}: loads and validates the settings and every plan, without Spark. */
@Command(name = "validate-config", mixinStandardHelpOptions = true,
    description = {"Validates the configuration and every plan, without Spark.",
        "Loads the settings as a run would and prints the plans with their versions and hashes."})
final class ValidateConfigCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private ConfOptions conf;

  @Option(names = "--skip-source-check",
      description = "do not check the local source files (for a config checked away from its data)")
  private boolean skipSourceCheck;

  @Override
  public Integer call() {
    Settings settings = conf.load();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("config OK: %s (hash %s)%n", conf.overlays(), settings.configHash());
    out.printf("lakehouse: %s%n", settings.lakehouseRoot());
    if (!skipSourceCheck) {
      out.printf("sources: %d local sources found and readable%n", SourceFiles.check(settings.sources()));
    }
    out.printf("plans: %d%n", settings.comp().plans().size());
    for (Plan plan : settings.comp().plans().values()) {
      for (PlanVersion version : plan.versions()) {
        out.printf("  %-20s from %s  %-11s  hash %s%n", plan.id(), version.effectiveFrom(),
            version.commission().tierMode().name().toLowerCase(), version.hash());
      }
    }
    return ExitCodes.OK;
  }
}

package org.salescomp.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.salescomp.config.Settings;
import org.salescomp.ops.TableMaintenance;
import org.salescomp.ops.TableMaintenance.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code maintain}: OPTIMIZE and VACUUM of every published table. */
@Command(name = "maintain", mixinStandardHelpOptions = true,
    description = {"Compacts and vacuums every published table.",
        "OPTIMIZE merges the small files of each table; VACUUM then deletes files no version younger than"
            + " salescomp.maintenance.vacuum-retention-hours uses (default 720 hours: older versions can no longer"
            + " be read, so rerun --verify and audits reach back that far). Do not run it while a run writes."})
final class MaintainCommand implements Callable<Integer> {
  @ParentCommand private Main main;
  @Spec private CommandSpec spec;
  @Mixin private ConfOptions conf;

  @Option(names = "--run-id", paramLabel = "ID",
      description = "id recorded as the commits' userMetadata (default: maintain__<today's date>)")
  private String runId;

  @Mixin private DryRunOption dryRun;

  @Override
  public Integer call() {
    Settings settings = conf.load();
    int hours = settings.ops().vacuumRetentionHours();
    String id = runId != null ? runId : "maintain__" + LocalDate.now();
    if (dryRun.on()) {
      PrintWriter out = spec.commandLine().getOut();
      DryRunOption.header(out, conf, settings);
      out.printf("  maintain   %s: OPTIMIZE and VACUUM of every published table, retention %d hours%n", id, hours);
      out.flush();
      return ExitCodes.OK;
    }
    List<Outcome> outcomes = TableMaintenance.run(main.sessions().create(settings), settings.lakehouseRoot(), hours, id);
    PrintWriter out = spec.commandLine().getOut();
    for (Outcome o : outcomes) {
      out.printf(Locale.ROOT, "  %-20s compacted %d files into %d, vacuumed %d files, version %d%n", o.table(),
          o.filesRemovedByOptimize(), o.filesAddedByOptimize(), o.filesVacuumed(), o.versionAfter());
    }
    out.printf(Locale.ROOT, "maintain %s succeeded: %d tables in %s, vacuum retention %d hours%n", id, outcomes.size(),
        settings.lakehouseRoot(), hours);
    return ExitCodes.OK;
  }
}

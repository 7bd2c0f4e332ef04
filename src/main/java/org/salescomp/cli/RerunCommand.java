package org.salescomp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.salescomp.config.Settings;
import org.salescomp.ops.PublishedComparison.TableDiff;
import org.salescomp.ops.PublishedComparison;
import org.salescomp.ops.RerunPlan;
import org.salescomp.ops.RerunRefused;
import org.salescomp.ops.RunRecord;
import org.salescomp.pipeline.NightlyJob;
import org.salescomp.pipeline.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rerun}: a past run recomputed from the input versions it recorded, into another lakehouse folder. */
@Command(name = "rerun", mixinStandardHelpOptions = true,
    description = {"Recomputes a past run from the inputs it read, into another lakehouse folder.",
        "Reads the run's row of run_log, reads every delta source at the version the run read (Delta time"
            + " travel), checks that parquet and csv sources are unchanged, and runs the same scope with the same"
            + " run id into --into. Give the --conf files the run used. --verify then compares every table"
            + " with what the run published (at the versions it wrote); exit 1 when they differ."})
final class RerunCommand implements Callable<Integer> {
  @ParentCommand private Main main;
  @Spec private CommandSpec spec;
  @Mixin private ConfOptions conf;

  @Option(names = "--run-id", paramLabel = "ID", required = true, description = "the run to recompute (run_log.run_id)")
  private String runId;

  @Option(names = "--into", paramLabel = "DIR", required = true,
      description = "lakehouse folder to write into (not the published one)")
  private String into;

  @Option(names = "--verify", description = "compare the result with what the run published; exit 1 if any row differs")
  private boolean verify;

  @Option(names = "--ignore-config-hash",
      description = "rerun even if the config's hash differs from the run's (e.g. only the log format changed)")
  private boolean ignoreConfigHash;

  @Override
  public Integer call() throws IOException {
    Settings settings = conf.load();
    SparkSession spark = main.sessions().create(settings);
    RunRecord run = refusedAsUsage(() -> RunRecord.find(spark, settings.lakehouseRoot(), runId)).orElseThrow(() ->
        new ParameterException(spec.commandLine(), "no run " + runId + " in the run_log of " + settings.lakehouseRoot()));
    Path overlay = Files.createTempFile("salescomp-rerun-", ".conf");
    Settings rerun;
    try {
      Files.writeString(overlay, refusedAsUsage(() -> RerunPlan.overlay(spark, settings, run, into, !ignoreConfigHash)));
      List<Path> overlays = new ArrayList<>(conf.overlays());
      overlays.add(overlay);
      rerun = Settings.load(overlays);
    } finally {
      Files.deleteIfExists(overlay);
    }
    RunResult result = NightlyJob.run(spark, rerun, run.scope(), run.runId(), new ExitCodes()::getExitCode);
    PrintWriter out = spec.commandLine().getOut();
    out.println("re" + RunCommand.statusLine(result) + "; into " + into);
    return verify ? verify(spark, settings, run, out) : ExitCodes.OK;
  }

  private int verify(SparkSession spark, Settings settings, RunRecord run, PrintWriter out) {
    if (run.outputVersions().isEmpty()) {
      throw new ParameterException(spec.commandLine(), "run " + runId + " recorded no output_versions to compare with");
    }
    List<TableDiff> diffs = PublishedComparison.compare(spark, settings.lakehouseRoot(), run.outputVersions(), into, runId);
    boolean identical = true;
    for (TableDiff d : diffs) {
      identical &= d.identical();
      out.printf(Locale.ROOT, "  %-20s %s%n", d.table(), d.identical()
          ? "identical (" + d.rows() + " rows)"
          : "DIFFERS: " + d.onlyPublished() + " rows only in the published version, " + d.onlyOther() + " only in the rerun");
    }
    out.println(identical ? "verified: the rerun reproduces every table of run " + runId
        : "not reproduced: the rerun differs from run " + runId);
    return identical ? ExitCodes.OK : ExitCodes.SOFTWARE;
  }

  /** A step whose refusal is a usage error: exit 2 with its one-line reason. */
  private <T> T refusedAsUsage(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (RerunRefused | IllegalStateException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}

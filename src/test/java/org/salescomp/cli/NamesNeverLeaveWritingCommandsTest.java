package org.salescomp.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.config.Settings;
import org.salescomp.publish.PublishedDemo;
import org.salescomp.testing.SharedSpark;

/**
 * The commands that write, run on a copy of the publish tests' lakehouse, print no person's name and write
 * none into any table or file they make: a nightly run, closing a month, rerunning a run into another
 * folder, a simulation, maintenance, a publish's dry run, the demo's summary and generating data (whose
 * output files are inputs, so only its console is read). The read-only commands are in
 * {@link NamesNeverLeaveTest}.
 */
@Tag("slow")
class NamesNeverLeaveWritingCommandsTest {
  private static final SessionFactory SHARED = settings -> SharedSpark.session();

  @TempDir Path dir;

  @Test
  void noWritingCommandPrintsOrWritesAName() throws IOException {
    PublishedDemo demo = PublishedDemo.get();
    PeopleNames names = new PeopleNames(demo.settings);
    Path lakehouse = copy(Path.of(demo.settings.lakehouseRoot()), dir.resolve("lakehouse"));
    Path overlay = Files.writeString(dir.resolve("copy.conf"), "salescomp.lakehouse.root = \"" + lakehouse + "\"\n");
    List<String> conf = List.of("--conf", "conf/local.conf",
        "--conf", PublishedDemo.DIR.resolve("data").resolve("sources.conf").toString(), "--conf", overlay.toString());
    SparkSession spark = SharedSpark.session();
    String firstRun = spark.read().format("delta").load(lakehouse.resolve("run_log").toString())
        .where(col("status").equalTo(lit("succeeded"))).select("run_id").as(Encoders.STRING()).first();
    Path rerun = dir.resolve("rerun");

    List<String[]> commands = List.of(
        // the copy's lakehouse root is part of the config hash: the run used the original's
        new String[] {"rerun", "--run-id", firstRun, "--into", rerun.toString(), "--verify",
            "--ignore-config-hash"},
        new String[] {"run", "--date", "2025-04-30", "--run-id", "names-nightly"},
        new String[] {"close", "--month", "2025-01"},
        new String[] {"simulate", "--scenarios", "conf/scenarios/team-pool.conf", "--from", "2025-01", "--to", "2025-03"},
        new String[] {"maintain"},
        new String[] {"publish", "--target", "postgres", "--dry-run"},
        new String[] {"generate", "--out", dir.resolve("inputs").toString(), "--scale", "0.01", "--months", "1"});
    List<String> texts = new ArrayList<>();
    for (String[] command : commands) {
      List<String> args = new ArrayList<>(List.of(command));
      args.addAll(conf);
      CliRun run = CliRun.of(SHARED, args.toArray(String[]::new));
      assertThat(run.exitCode()).as(String.join(" ", command) + ": " + run.err()).isZero();
      texts.add(command[0] + "\n" + run.out() + run.err());
    }
    StringWriter summary = new StringWriter();
    DemoCommand.printSummary(new PrintWriter(summary, true), spark.newSession(), Settings.load(
        List.of(Path.of("conf/local.conf"), PublishedDemo.DIR.resolve("data").resolve("sources.conf"), overlay)));
    texts.add("demo summary\n" + summary);
    texts.addAll(everyRowOfEveryTable(spark, lakehouse));
    texts.addAll(everyRowOfEveryTable(spark, rerun));

    assertThat(names.size()).isGreaterThan(100);
    assertThat(texts).anyMatch(t -> t.startsWith("table ") && t.contains("simulation")); // the simulation wrote
    texts.forEach(names::assertNoneIn);
  }

  /** Each Delta table under the folder, every row as JSON, headed by the table's path. */
  private static List<String> everyRowOfEveryTable(SparkSession spark, Path root) throws IOException {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> logs = Files.walk(root)) {
      for (Path log : logs.filter(p -> p.getFileName().toString().equals("_delta_log")).toList()) {
        String table = log.getParent().toString();
        List<String> rows = spark.read().format("delta").load(table)
            .select(to_json(struct(col("*")))).as(Encoders.STRING()).collectAsList();
        texts.add("table " + table + "\n" + String.join("\n", rows));
      }
    }
    return texts;
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return to;
  }
}

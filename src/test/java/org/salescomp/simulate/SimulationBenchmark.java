package org.salescomp.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.salescomp.config.ScenarioSettings;
import org.salescomp.config.Settings;
import org.salescomp.domain.RunScope;
import org.salescomp.generate.DemoDataGenerator;
import org.salescomp.generate.GeneratorOptions;
import org.salescomp.generate.OutputFormat;
import org.salescomp.io.SparkSessions;

/**
 * Benchmark (not a test): wall time of one simulation of 1, 16 and 64 scenarios in one Spark session on
 * generated data. Generates the data once into {@code <out>/data} (reused when present), then runs the
 * simulations in order, each with its own simulation id, and prints the times and their ratio to 1.
 *
 * Arguments: {@code [scale=10] [months=24] [out=target/bench] [counts=1,16,64]}; how to run it is in the
 * README ("Plan simulation").
 */
public final class SimulationBenchmark {
  private SimulationBenchmark() {}

  public static void main(String[] args) throws IOException {
    double scale = args.length > 0 ? Double.parseDouble(args[0]) : 10;
    int months = args.length > 1 ? Integer.parseInt(args[1]) : 24;
    Path out = Path.of(args.length > 2 ? args[2] : "target/bench").toAbsolutePath();
    List<Integer> counts = new ArrayList<>();
    for (String n : (args.length > 3 ? args[3] : "1,16,64").split(",")) {
      counts.add(Integer.parseInt(n.trim()));
    }
    YearMonth start = YearMonth.of(2025, 1);
    SparkSession spark = SparkSessions.create("salescomp-bench", "local[*]", 8, false,
        Map.of("spark.driver.host", "127.0.0.1"));
    Path data = out.resolve("data-" + scale + "-" + months);
    if (!Files.exists(data.resolve("sources.conf"))) {
      long t = System.nanoTime();
      DemoDataGenerator.generate(spark, new GeneratorOptions(data, 42, scale, start, months, OutputFormat.PARQUET));
      System.out.printf(Locale.ROOT, "generated scale %s, %d months in %.1f s%n", scale, months, seconds(t));
    }
    Path lakehouse = Files.writeString(out.resolve("lakehouse.conf"),
        "salescomp.lakehouse.root = \"" + out.resolve("lakehouse") + "\"\n");
    List<Path> overlays = List.of(Path.of("conf/local.conf"), data.resolve("sources.conf"), lakehouse);
    Settings settings = Settings.load(overlays);
    RunScope scope = RunScope.backfill(start, start.plusMonths(months - 1L));

    Map<Integer, Double> seconds = new LinkedHashMap<>();
    for (int n : counts) {
      List<ScenarioSettings> scenarios = scenarios(out.resolve("scenarios-" + n), n, overlays);
      long t = System.nanoTime();
      SimulationJob.run(spark, settings, new SimulationJob.Request(scenarios, scope, "baseline", "bench-" + n));
      seconds.put(n, seconds(t));
      System.out.printf(Locale.ROOT, "%3d scenarios: %.1f s%n", n, seconds.get(n));
    }
    double one = seconds.getOrDefault(1, seconds.values().iterator().next());
    System.out.printf(Locale.ROOT, "scale %s, %d months (%s..%s), %d cores%n", scale, months, scope.from(), scope.to(),
        Runtime.getRuntime().availableProcessors());
    seconds.forEach((n, s) -> System.out.printf(Locale.ROOT, "  %3d scenarios  %8.1f s  %5.2f x the time of 1%n", n, s,
        s / one));
    spark.stop();
  }

  /** {@code n} scenarios: accelerator rates, software multipliers and team pools, one change each. */
  private static List<ScenarioSettings> scenarios(Path dir, int n, List<Path> overlays) throws IOException {
    Files.createDirectories(dir);
    List<ScenarioSettings> scenarios = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String accelerator = String.format(Locale.ROOT, "%.3f", 0.08 + 0.001 * (i + 1));
      String software = String.format(Locale.ROOT, "%.2f", 1.2 + 0.01 * (i + 1));
      String hocon = switch (i % 3) {
        case 0 -> "salescomp.scenario.plan-changes.field-sales.commission.tiers = [{ from = 0.0, rate = 0.02 },"
            + " { from = 0.5, rate = 0.05 }, { from = 1.0, rate = " + accelerator + " }]\n";
        case 1 -> "salescomp.scenario.plan-changes.field-sales.commission.product-multipliers.software = "
            + software + "\n";
        default -> "salescomp.comp.awards.team-target.pool-per-member = " + (1000 + 50 * (i + 1)) + ".00\n";
      };
      Path file = Files.writeString(dir.resolve("s" + i + ".conf"), hocon);
      scenarios.add(ScenarioSettings.load(file, overlays));
    }
    return scenarios;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}

package org.salescomp.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.generate.DemoDataGenerator;
import org.salescomp.generate.GeneratorOptions;
import org.salescomp.generate.OutputFormat;
import org.salescomp.testing.CliProcess;
import org.salescomp.testing.Notebooks;
import org.salescomp.testing.SharedSpark;

/**
 * Executes {@code notebooks/plan-simulation.ipynb} headless with Debian's {@code jupyter-nbconvert}, on
 * small generated data, and fails when a cell fails or the charts are missing. The notebook reaches
 * the data through the command line ({@link CliProcess#script} stands in for {@code bin/salescomp}).
 */
@Tag("slow")
class PlanSimulationNotebookTest {
  private static final Path WORK = Path.of("target", "notebook-test");

  @Test
  void theNotebookRunsHeadlessAndDrawsItsCharts() throws IOException, InterruptedException {
    Notebooks.require();
    Path work = Files.createDirectories(WORK.toAbsolutePath());
    Path data = work.resolve("data");
    // July to September 2025 (the first accelerator change is from July), with June before it
    DemoDataGenerator.generate(SharedSpark.session(), new GeneratorOptions(data, 5, 0.05, YearMonth.of(2025, 6), 4,
        OutputFormat.PARQUET));
    Path lakehouse = Files.writeString(work.resolve("lakehouse.conf"),
        "salescomp.lakehouse.root = \"" + work.resolve("lakehouse") + "\"\n"
            + "salescomp.spark { master = \"local[2]\", shuffle-partitions = 4 }\n");

    String executed = Notebooks.execute(Path.of("notebooks", "plan-simulation.ipynb"), work, "plan-simulation.out",
        Map.of(
            "SALESCOMP_BIN", CliProcess.script(work.resolve("salescomp")).toString(),
            "SALESCOMP_CONF", String.join(":", "conf/local.conf", data.resolve("sources.conf").toString(),
                lakehouse.toString()),
            "SIMULATION_FROM", "2025-07",
            "SIMULATION_TO", "2025-09",
            "SIMULATION_ID", "notebook-test"));

    assertThat(Notebooks.charts(executed)).as("charts in the executed notebook").isGreaterThanOrEqualTo(3);
    assertThat(executed).contains("Conclusion:", "higher-accelerator: total pay", "inside-on-field-plan: total pay");
  }
}

package org.salescomp.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.testing.CliProcess;
import org.salescomp.testing.Notebooks;

/**
 * notebooks/kpi-exploration.ipynb runs headless ({@code jupyter nbconvert --execute}) against the generated
 * lakehouse, through the command line as an analyst runs it; the executed copy is kept in
 * target/publish-tests/artifacts.
 */
@Tag("slow")
class KpiNotebookTest {
  static final Path NOTEBOOK = Path.of("notebooks", "kpi-exploration.ipynb");

  @BeforeAll
  static void nbconvert() {
    Notebooks.require();
  }

  @Test
  void theKpiNotebookRunsHeadlessOnThePublishedTables() throws Exception {
    PublishedDemo demo = PublishedDemo.get();
    Path cli = CliProcess.script(PublishedDemo.DIR.resolve("salescomp-cli"));

    String executed = Notebooks.execute(NOTEBOOK, PublishedDemo.ARTIFACTS, "kpi-exploration.executed", Map.of(
        "SALESCOMP_BIN", cli.toString(),
        "SALESCOMP_CONF", demo.confFiles.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))));

    // every chart of the three sections was drawn
    assertThat(Notebooks.charts(executed)).isGreaterThanOrEqualTo(3);
  }
}

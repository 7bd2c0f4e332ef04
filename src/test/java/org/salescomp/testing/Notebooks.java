package org.salescomp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Executes an analyst notebook headless with Debian's {@code jupyter-nbconvert}, as CI does, and
 * returns the executed notebook. The notebooks reach the data through the command line: the tests
 * hand them {@link CliProcess#script} as {@code SALESCOMP_BIN}.
 */
public final class Notebooks {
  static final Path NBCONVERT = Path.of("/usr/bin/jupyter-nbconvert");
  private static final long TIMEOUT_MINUTES = 25;

  private Notebooks() {}

  /**
   * Call before a notebook test: in CI (where {@code .ci/setup-notebooks.sh} installs nbconvert) a
   * missing nbconvert fails the test; elsewhere it skips it, saying which script installs it.
   */
  public static void require() {
    if (System.getenv("CI") != null) {
      assertThat(Files.isExecutable(NBCONVERT)).as(NBCONVERT + " (.ci/setup-notebooks.sh installs it)").isTrue();
    }
    assumeTrue(Files.isExecutable(NBCONVERT), "skipped: " + NBCONVERT + " is not installed (.ci/setup-notebooks.sh)");
  }

  /**
   * Runs every cell of {@code notebook} with {@code environment}, writes {@code <outDir>/<name>.ipynb}
   * and {@code <outDir>/<name>.log}, and returns the executed notebook's JSON. A failing cell fails the
   * call with nbconvert's log.
   */
  public static String execute(Path notebook, Path outDir, String name, Map<String, String> environment)
      throws IOException, InterruptedException {
    Files.createDirectories(outDir);
    Path log = outDir.resolve(name + ".log");
    ProcessBuilder nbconvert = new ProcessBuilder(NBCONVERT.toString(), "--to", "notebook", "--execute",
        "--ExecutePreprocessor.timeout=1200", "--ExecutePreprocessor.kernel_name=python3",
        "--output-dir", outDir.toAbsolutePath().toString(), "--output", name, notebook.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    nbconvert.environment().put("SALESCOMP_HOME", Path.of("").toAbsolutePath().toString());
    nbconvert.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    nbconvert.environment().putAll(environment);
    Process run = nbconvert.start();
    boolean finished = run.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
    if (!finished) {
      run.destroyForcibly();
    }
    assertThat(finished).as("nbconvert ended within %d minutes", TIMEOUT_MINUTES).isTrue();
    assertThat(run.exitValue()).as("nbconvert failed:%n%s", Files.readString(log, StandardCharsets.UTF_8)).isZero();
    String executed = Files.readString(outDir.resolve(name + ".ipynb"), StandardCharsets.UTF_8);
    assertThat(executed).doesNotContain("\"output_type\": \"error\"");
    return executed;
  }

  /** How many charts (PNG outputs) the executed notebook holds. */
  public static int charts(String executed) {
    return executed.split("\"image/png\"", -1).length - 1;
  }
}

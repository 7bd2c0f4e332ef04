package org.salescomp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs the static tests of the Airflow DAGs ({@code jobs/airflow/tests}, Python's unittest) in
 * {@code mvn verify}: DAG structure, and every rendered task command checked by this build's command
 * line, with this test's classpath.
 */
@Tag("fast")
class AirflowDagsTest {
  @Test
  void theDagTestsPass() throws IOException, InterruptedException {
    ProcessBuilder python = new ProcessBuilder(python(), "-m", "unittest", "discover", "-s", "jobs/airflow/tests", "-v")
        .redirectErrorStream(true);
    python.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    python.environment().put("SALESCOMP_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    python.environment().put("SALESCOMP_CLASSPATH",
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    Process process = python.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    System.out.println(output);
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("OK").doesNotContain("Ran 0 tests");
  }

  /** The first python3 with Jinja2 (.ci/setup-python.sh installs Debian's when there is none). */
  private static String python() throws IOException, InterruptedException {
    for (String python : new String[] {"python3", "/usr/bin/python3"}) {
      try {
        if (new ProcessBuilder(python, "-c", "import jinja2").start().waitFor() == 0) {
          return python;
        }
      } catch (IOException e) {
        // not installed there: try the next
      }
    }
    throw new IllegalStateException("no python3 with jinja2: run .ci/setup-python.sh");
  }
}

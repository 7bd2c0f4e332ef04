package org.salescomp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.testing.CliProcess;

/**
 * {@code sql} as a user runs it, in a JVM of its own: without a Spark master in the config and outside
 * spark-submit it runs locally and says so; a script transform is refused before it runs.
 */
@Tag("slow")
class SqlProcessTest {
  @TempDir Path dir;

  @Test
  void withoutAMasterItRunsLocallyAndRefusesAScriptTransform() throws IOException, InterruptedException {
    Path conf = Files.writeString(dir.resolve("no-master.conf"), "salescomp.spark.master = \"\"\n"
        + "salescomp.spark.conf { \"spark.driver.host\" = \"127.0.0.1\" }\n"
        + "salescomp.lakehouse.root = \"" + dir.resolve("lakehouse") + "\"\n");
    Path touched = dir.resolve("touched");

    CliProcess query = CliProcess.run(List.of("sql", "--format", "csv", "select 1 + 1 as two", "--conf", conf.toString()));
    CliProcess transform = CliProcess.run(List.of("sql", "select transform('a') using 'touch " + touched
        + "' as (x string)", "--conf", conf.toString()));

    assertThat(query.exitCode()).as(query.toString()).isZero();
    assertThat(query.out().lines()).containsExactly("two", "2");
    assertThat(query.err()).contains("no spark-submit master is set: using local[*]");
    assertThat(transform.exitCode()).as(transform.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(transform.err()).contains("sql: not allowed: ScriptTransformation").doesNotContain("\tat ");
    assertThat(touched).doesNotExist();
  }
}

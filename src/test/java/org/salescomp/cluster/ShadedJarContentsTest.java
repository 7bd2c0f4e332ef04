package org.salescomp.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar carries salescomp and the libraries the cluster lacks, nothing the cluster's Spark already
 * provides (Scala, ANTLR: a second copy of another version shadows or fights Spark's), and no root logging
 * configuration that would override the cluster's. Runs after {@code package} (failsafe).
 */
@Tag("slow")
class ShadedJarContentsTest {
  @Test
  void theJarHoldsNoScalaAntlrOrRootLoggingConfig() throws IOException {
    Path jar = Path.of(System.getProperty("test.shadedJar"));
    assertThat(jar).exists();
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> names = file.stream().map(ZipEntry::getName).toList();
      assertThat(names).filteredOn(n -> n.startsWith("scala/") || n.startsWith("org/antlr/")).isEmpty();
      assertThat(names).doesNotContain("log4j2.properties", "log4j2.xml", "log4j.properties");
      // what it must carry: salescomp, Delta, the relocated config and picocli, the PostgreSQL driver
      assertThat(names).contains("org/salescomp/cli/Main.class", "io/delta/tables/DeltaTable.class",
          "org/salescomp/shaded/config/ConfigFactory.class", "org/salescomp/shaded/picocli/CommandLine.class",
          "org/postgresql/Driver.class", "reference.conf");
    }
    assertThat(Files.size(jar)).isPositive();
  }
}

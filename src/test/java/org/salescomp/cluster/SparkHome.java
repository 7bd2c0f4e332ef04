package org.salescomp.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

/**
 * A Spark distribution made from the jars on the test classpath, laid out as a real one: {@code jars/}
 * (what a worker puts on an executor's classpath) and {@code bin/spark-submit}. Like a cluster's Spark,
 * it holds neither salescomp nor the libraries the shaded jar brings (Delta, config, picocli, the
 * PostgreSQL driver): those reach the driver and the executors only through the submitted jar.
 */
final class SparkHome implements AutoCloseable {
  /** Spark 3.5 on Java 17: the copy of pom.xml's spark.jvm.opens every Spark JVM needs. */
  static final List<String> JVM_OPENS = List.of(
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false");
  /** Jars of the application, not of Spark: the shaded jar carries these. */
  private static final List<String> NOT_SPARK = List.of("salescomp-", "delta-", "config-", "picocli-", "postgresql-",
      "junit-", "assertj-", "spark-testing-base", "hive-common", "opentest4j", "apiguardian", "surefire");

  private final Path home;

  private SparkHome(Path home) {
    this.home = home;
  }

  static SparkHome create(Path home) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (String entry : testClasspath()) {
      Path jar = Path.of(entry);
      String name = jar.getFileName().toString();
      if (name.endsWith(".jar") && Files.isRegularFile(jar) && NOT_SPARK.stream().noneMatch(name::startsWith)
          && !Files.exists(jars.resolve(name))) {
        Files.createSymbolicLink(jars.resolve(name), jar.toAbsolutePath());
      }
    }
    Path bin = Files.createDirectories(home.resolve("bin"));
    // what bin/spark-submit of a distribution does in client mode, minus its launcher: the driver is this JVM
    Path submit = Files.writeString(bin.resolve("spark-submit"), String.join("\n",
        "#!/usr/bin/env bash",
        "exec \"" + java() + "\" -Xmx1g " + String.join(" ", JVM_OPENS)
            + " -cp \"$SPARK_HOME/jars/*\" org.apache.spark.deploy.SparkSubmit \"$@\"",
        ""));
    Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new SparkHome(home);
  }

  Path path() {
    return home;
  }

  /** Removes the links to the jars (never the jars), so that nothing outside the folder is touched when it is deleted. */
  @Override
  public void close() throws IOException {
    try (var links = Files.list(home.resolve("jars"))) {
      for (Path link : links.toList()) {
        Files.delete(link);
      }
    }
  }

  Path bin() {
    return home.resolve("bin");
  }

  String classpath() {
    return home.resolve("jars") + File.separator + "*";
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Surefire and failsafe start the test JVM from a manifest-only jar; the real classpath is in this property. */
  private static List<String> testClasspath() {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.asList(classpath.split(File.pathSeparator));
  }
}

package org.salescomp.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on 127.0.0.1: a master and workers, each a child JVM started from a
 * {@link SparkHome}, on free ports, logging to files under the cluster's folder. {@link #close()}
 * stops every process it started and their children (the executors), whatever state they are in.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final SparkHome spark;
  private final Path dir;
  private final List<Process> processes = new ArrayList<>();
  private int masterPort;

  private StandaloneCluster(SparkHome spark, Path dir) {
    this.spark = spark;
    this.dir = dir;
  }

  /** Starts a master and {@code workers} workers of one core and {@code workerMemory} each; waits until all are up. */
  static StandaloneCluster start(SparkHome spark, Path dir, int workers, String workerMemory) throws IOException {
    StandaloneCluster cluster = new StandaloneCluster(spark, Files.createDirectories(dir));
    try {
      cluster.masterPort = freePort();
      Path masterLog = cluster.launch("master", "org.apache.spark.deploy.master.Master",
          "--host", "127.0.0.1", "--port", String.valueOf(cluster.masterPort), "--webui-port", String.valueOf(freePort()));
      cluster.awaitLine(masterLog, "I have been elected leader");
      for (int i = 1; i <= workers; i++) {
        Path workDir = Files.createDirectories(dir.resolve("worker-" + i));
        Path workerLog = cluster.launch("worker-" + i, "org.apache.spark.deploy.worker.Worker",
            "--host", "127.0.0.1", "--webui-port", String.valueOf(freePort()), "--cores", "1",
            "--memory", workerMemory, "--work-dir", workDir.toString(), cluster.masterUrl());
        cluster.awaitLine(workerLog, "Successfully registered with master");
      }
      return cluster;
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** The environment of every Spark process: where Spark is, which Java, and the loopback address only. */
  Map<String, String> environment() {
    return Map.of("SPARK_HOME", spark.path().toString(), "SPARK_LOCAL_IP", "127.0.0.1",
        // a distribution's load-spark-env.sh sets this; a worker needs it to build an executor's command
        "SPARK_SCALA_VERSION", "2.12",
        "JAVA_HOME", System.getProperty("java.home"),
        "SPARK_NO_DAEMONIZE", "1");
  }

  private Path launch(String name, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(SparkHome.java(), "-Xmx256m"));
    command.addAll(SparkHome.JVM_OPENS);
    command.addAll(List.of("-cp", spark.classpath(), mainClass));
    command.addAll(List.of(args));
    Path log = dir.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment());
    processes.add(builder.start());
    return log;
  }

  private void awaitLine(Path log, String line) {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    try {
      while (Instant.now().isBefore(deadline)) {
        if (Files.exists(log) && Files.readString(log).contains(line)) {
          return;
        }
        if (processes.stream().anyMatch(p -> !p.isAlive())) {
          throw new IllegalStateException("a cluster process died; its log:\n" + Files.readString(log));
        }
        Thread.sleep(200);
      }
      throw new IllegalStateException("no '" + line + "' in " + log + " after " + START_TIMEOUT + ":\n" + Files.readString(log));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the cluster started", e);
    }
  }

  /** Stops the workers (and their executors) and then the master: SIGTERM, then SIGKILL after a grace period. */
  @Override
  public void close() {
    List<ProcessHandle> all = new ArrayList<>();
    for (int i = processes.size() - 1; i >= 0; i--) {
      ProcessHandle process = processes.get(i).toHandle();
      process.descendants().forEach(all::add);
      all.add(process);
    }
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle p : all) {
      try {
        p.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        p.destroyForcibly();
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

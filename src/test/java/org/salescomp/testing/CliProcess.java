package org.salescomp.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The command line as a user runs it: {@code org.salescomp.cli.Main} in a JVM of its own, on the tests'
 * classpath (what bin/salescomp runs, without its build step, which would rebuild the project from
 * inside a test), its own Spark session included.
 */
public record CliProcess(int exitCode, String out, String err) {
  private static final long TIMEOUT_MINUTES = 10;

  /** Runs the command with extra environment variables; waits for it to end. */
  public static CliProcess run(Map<String, String> environment, List<String> args) throws IOException, InterruptedException {
    Path out = Files.createTempFile("salescomp-cli", ".out");
    Path err = Files.createTempFile("salescomp-cli", ".err");
    try {
      List<String> command = new ArrayList<>(javaCommand());
      command.addAll(args);
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("the command did not end within " + TIMEOUT_MINUTES + " minutes: " + args);
      }
      return new CliProcess(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /**
   * Starts the command without waiting, with extra JVM options (system properties such as test hooks),
   * its output going to the files given; the caller ends or kills the process.
   */
  public static Process start(List<String> jvmOptions, List<String> args, Path out, Path err) throws IOException {
    List<String> command = new ArrayList<>(javaCommand());
    command.addAll(command.size() - 3, jvmOptions); // before -cp <classpath> Main
    command.addAll(args);
    return new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
  }

  public static CliProcess run(List<String> args) throws IOException, InterruptedException {
    return run(Map.of(), args);
  }

  /** A script that runs the command line with its arguments, for programs outside the JVM (the notebook). */
  public static Path script(Path file) throws IOException {
    String quoted = javaCommand().stream().map(a -> "'" + a.replace("'", "'\\''") + "'")
        .collect(Collectors.joining(" "));
    Files.writeString(file, "#!/bin/sh\nexec " + quoted + " \"$@\"\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  /** java, the JVM options Spark needs on Java 17 (as this JVM got them from the pom), the classpath, Main. */
  private static List<String> javaCommand() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("-Djdk.reflect")) {
        command.add(arg);
      }
    }
    command.add("-Xmx2g");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Duser.timezone=UTC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.salescomp.cli.Main");
    return command;
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
  }
}

package org.salescomp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.salescomp.common.LocalFiles;

/**
 * Debian's chromium, headless, from its command line, for the tests of the HTML pages: loads a local
 * page with every network lookup failing (the page must need none), lets its scripts run, and dumps
 * the DOM or takes a screenshot. The page's console messages (errors included) come back from
 * chromium's log.
 */
public final class HeadlessChromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 180;

  /** What a load printed: the DOM after scripts ran (for --dump-dom) and the page's console messages. */
  public record Load(String dom, List<String> console) {}

  private HeadlessChromium() {}

  /**
   * Call before a browser test: in CI (where {@code .ci/setup-chromium.sh} installs chromium) a missing
   * browser fails the test; elsewhere it skips it, saying which script installs it.
   */
  public static void require() {
    if (System.getenv("CI") != null) {
      assertThat(Files.isExecutable(BINARY)).as(BINARY + " (.ci/setup-chromium.sh installs it)").isTrue();
    }
    assumeTrue(Files.isExecutable(BINARY), "skipped: " + BINARY + " is not installed (.ci/setup-chromium.sh)");
  }

  public static Load dumpDom(Path page, Path workDir) throws IOException, InterruptedException {
    return run(page, workDir, "--dump-dom");
  }

  public static Load screenshot(Path page, Path png, Path workDir) throws IOException, InterruptedException {
    return run(page, workDir, "--screenshot=" + png.toAbsolutePath());
  }

  private static Load run(Path page, Path workDir, String action) throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    Path profile = Files.createTempDirectory(workDir, "profile");
    Path out = workDir.resolve("chromium.out");
    Path err = workDir.resolve("chromium.err");
    List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
        "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1400,3400", "--virtual-time-budget=10000",
        action, page.toAbsolutePath().toUri().toString()));
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("chromium did not end within " + TIMEOUT_SECONDS + " s: " + command);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException("chromium exited " + process.exitValue() + ":\n" + Files.readString(err));
    }
    // chromium logs each console message as "[...:INFO:CONSOLE:<line>] "<message>", source: <url> (<line>)"
    List<String> console = Files.readAllLines(err).stream().filter(l -> l.contains(":CONSOLE")).toList();
    LocalFiles.deleteRecursively(profile);
    return new Load(Files.readString(out), console);
  }
}

package org.salescomp.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.salescomp.config.Settings;
import org.salescomp.ops.JsonLogs;
import picocli.CommandLine.Option;

/**
 * {@code --conf FILE}, shared by every subcommand: HOCON overlays on the defaults of reference.conf.
 *
 * <p>{@code -Dconfig.file=FILE}, Typesafe Config's standard way to name an application's config (under
 * spark-submit: {@code --driver-java-options}), is honoured as the first overlay, before the {@code --conf}
 * files; with it and no {@code --conf}, conf/local.conf is not implied.
 */
final class ConfOptions {
  static final Path DEFAULT = Path.of("conf", "local.conf");

  @Option(names = "--conf", paramLabel = "FILE",
      description = "HOCON file overlaid on the defaults; repeatable, later files win."
          + " Without --conf: conf/local.conf (relative to the working directory).")
  private List<Path> files = new ArrayList<>();

  List<Path> overlays() {
    String configFile = System.getProperty("config.file");
    List<Path> overlays = new ArrayList<>();
    if (configFile != null && !configFile.isBlank()) {
      overlays.add(Path.of(configFile));
    } else if (files.isEmpty()) {
      overlays.add(DEFAULT);
    }
    overlays.addAll(files);
    return List.copyOf(overlays);
  }

  /**
   * Loads and validates every setting (throws {@link org.salescomp.config.ConfigError}, exit 2), and
   * switches the logs to JSON lines when {@code salescomp.logging.format = json}.
   */
  Settings load() {
    Settings settings = Settings.load(overlays());
    JsonLogs.configure(settings.ops().logFormat());
    return settings;
  }
}

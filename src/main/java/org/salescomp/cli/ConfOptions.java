package org.salescomp.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.salescomp.config.Settings;
import org.salescomp.ops.JsonLogs;
import picocli.CommandLine.Option;

/** {@code --conf FILE}, shared by every subcommand: HOCON overlays on the defaults of reference.conf. */
final class ConfOptions {
  static final Path DEFAULT = Path.of("conf", "local.conf");

  @Option(names = "--conf", paramLabel = "FILE",
      description = "HOCON file overlaid on the defaults; repeatable, later files win."
          + " Without --conf: conf/local.conf (relative to the working directory).")
  private List<Path> files = new ArrayList<>();

  List<Path> overlays() {
    return files.isEmpty() ? List.of(DEFAULT) : List.copyOf(files);
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

package org.salescomp.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.config.ConfigError;
import org.salescomp.config.LogFormat;
import org.salescomp.config.OpsSettings;
import org.salescomp.config.Settings;

@Tag("fast")
class OpsSettingsTest {
  @TempDir Path dir;

  @Test
  void textLogsAndThirtyDaysOfHistoryByDefault() {
    assertThat(Settings.defaults().ops()).isEqualTo(new OpsSettings(LogFormat.TEXT, 720));
  }

  @Test
  void jsonLogsAndAnotherRetentionFromAnOverlay() throws IOException {
    Path conf = Files.writeString(dir.resolve("ops.conf"),
        "salescomp.logging.format = json\nsalescomp.maintenance.vacuum-retention-hours = 336\n");
    assertThat(Settings.load(List.of(conf)).ops()).isEqualTo(new OpsSettings(LogFormat.JSON, 336));
  }

  @Test
  void anUnknownLogFormatNamesTheKey() throws IOException {
    Path conf = Files.writeString(dir.resolve("ops.conf"), "salescomp.logging.format = xml\n");
    assertThatThrownBy(() -> Settings.load(List.of(conf))).isInstanceOf(ConfigError.class)
        .hasMessageContaining("salescomp.logging.format").hasMessageContaining("text, json");
  }
}

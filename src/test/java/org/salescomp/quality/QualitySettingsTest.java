package org.salescomp.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.config.ConfigError;
import org.salescomp.config.QualityRules;
import org.salescomp.config.Settings;
import org.salescomp.io.SourceTable;

/** {@code salescomp.quality}: a default share, per-source overrides, refused when misspelt or out of range. */
@Tag("fast")
class QualitySettingsTest {
  @TempDir Path dir;

  @Test
  void theDefaultsAreFivePercentEverywhere() {
    QualityRules rules = Settings.defaults().quality();

    assertThat(rules.maxBadShare()).isEqualByComparingTo("0.05");
    assertThat(rules.bySource()).isEmpty();
    assertThat(rules.maxFor(SourceTable.DEALS)).isEqualByComparingTo("0.05");
  }

  @Test
  void aSourceOverridesTheDefault() throws IOException {
    QualityRules rules = load("salescomp.quality { max-bad-share = 0.1, max-bad-share-by-source { deals = 0.01 } }")
        .quality();

    assertThat(rules.maxFor(SourceTable.DEALS)).isEqualTo(new BigDecimal("0.01"));
    assertThat(rules.maxFor(SourceTable.REPS)).isEqualTo(new BigDecimal("0.1"));
  }

  @Test
  void anUnknownSourceIsRefused() throws IOException {
    assertThatThrownBy(() -> load("salescomp.quality.max-bad-share-by-source.dealz = 0.01"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("salescomp.quality.max-bad-share-by-source.dealz")
        .hasMessageContaining("unknown key");
  }

  @Test
  void aShareAboveOneIsRefused() throws IOException {
    assertThatThrownBy(() -> load("salescomp.quality.max-bad-share = 5"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("salescomp.quality.max-bad-share")
        .hasMessageContaining("expected a share between 0 and 1, got 5");
  }

  private Settings load(String hocon) throws IOException {
    return Settings.load(List.of(Files.writeString(dir.resolve("quality.conf"), hocon)));
  }
}

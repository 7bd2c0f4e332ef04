package org.salescomp.config;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plan values above the sanity limits of salescomp.validation stop loading, naming the file and the key path. */
@Tag("fast")
class PlanLimitsTest {
  private static final String PLAN = "salescomp.comp.plans.p.versions = [{ effective-from = \"2026-01-01\"\n";

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // a 500% rate: the example, almost surely 5% typed as 5.0
      "commission.tiers = [{ from = 0, rate = 5.0 }]"
          + "|versions[0].commission.tiers[0].rate|expected a rate of at most 1 (salescomp.validation.max-rate), got 5",
      "commission.product-multipliers { default = 1.0, software = 6 }"
          + "|versions[0].commission.product-multipliers.software|expected a multiplier of at most 5",
      "commission.channel-multipliers { default = 5.5 }"
          + "|versions[0].commission.channel-multipliers.default|expected a multiplier of at most 5",
      // 150% typed as 150
      "commission.tiers = [{ from = 0, rate = 0.02 }, { from = 150, rate = 0.05 }]"
          + "|versions[0].commission.tiers[1].from|expected an attainment of at most 10",
      "clawback.rate = 1.5|versions[0].clawback.rate|expected a rate of at most 1",
      "mentor.rate = 2|versions[0].mentor.rate|expected a rate of at most 1",
      "new-hire.rate-multiplier = 7|versions[0].new-hire.rate-multiplier|expected a multiplier of at most 5",
      "scorecard.max-multiplier = 10|versions[0].scorecard.max-multiplier|expected a multiplier of at most 5",
      "new-hire.guarantee-monthly = -100|versions[0].new-hire.guarantee-monthly|",
      "commission.tiers = [{ from = 0, rate = -0.02 }]|versions[0].commission.tiers[0].rate|",
  })
  void aValueAboveItsLimitOrNegativeStopsNamingFileAndKey(String setting, String key, String message) throws IOException {
    Path plan = Files.writeString(dir.resolve("plan.conf"), PLAN + setting + " }]\n");

    assertThatThrownBy(() -> Settings.load(List.of(plan)))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("plan.conf")
        .hasMessageContaining("salescomp.comp.plans.p." + key)
        .hasMessageContaining(message == null ? "" : message);
  }

  @Test
  void theLimitsAreConfigurable() throws IOException {
    Path plan = Files.writeString(dir.resolve("plan.conf"), PLAN + "commission.tiers = [{ from = 0, rate = 1.5 }] }]\n"
        + "salescomp.validation.max-rate = 2\n");

    assertThat(Settings.load(List.of(plan)).comp().plans().get("p").versions().get(0).commission().tiers().get(0).rate())
        .isEqualTo(new BigDecimal("1.500000"));
  }

  @Test
  void theShippedPlansAreWithinTheLimits() {
    assertThat(Settings.load(List.of(Path.of("conf/local.conf"))).comp().plans()).isNotEmpty();
    assertThat(Settings.load(List.of(Path.of("conf/examples/adventureworks.conf"))).comp().plans()).isNotEmpty();
  }

  @Test
  void aLimitMustNotBeNegative() throws IOException {
    Path conf = Files.writeString(dir.resolve("v.conf"), "salescomp.validation.max-multiplier = -1\n");
    assertThatThrownBy(() -> Settings.load(List.of(conf))).isInstanceOf(ConfigError.class)
        .hasMessageContaining("salescomp.validation.max-multiplier");
  }
}

package org.salescomp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.domain.Plan;
import org.salescomp.domain.PlanVersion;
import org.salescomp.domain.TierMode;
import org.salescomp.io.SourceFormat;
import org.salescomp.io.SourceTable;

class SettingsTest {
  @TempDir Path dir;

  private Path write(String name, String hocon) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, hocon);
    return file;
  }

  private static final String PLAN_HEAD = "salescomp.comp.plans.p.versions = [{ effective-from = \"2026-01-01\"\n";

  @Test
  void localConfLoadsEveryPlanWithVersionDefaults() {
    Settings s = Settings.load(List.of(Path.of("conf/local.conf")));
    assertThat(s.comp().plans()).containsOnlyKeys("field-sales", "inside-sales", "new-hire");
    Plan field = s.comp().plans().get("field-sales");
    assertThat(field.versions()).hasSize(2);
    PlanVersion v2026 = field.versionFor(java.time.LocalDate.parse("2026-03-01")).orElseThrow();
    assertThat(v2026.commission().tiers()).hasSize(4);
    assertThat(v2026.commission().productMultipliers().get("software")).isEqualByComparingTo("1.2");
    // not set in the plan file: comes from version-defaults in reference.conf
    assertThat(v2026.clawback().windowDays()).isEqualTo(90);
    assertThat(s.comp().plans().get("inside-sales").versions().get(0).commission().tierMode())
        .isEqualTo(TierMode.RETROACTIVE);
    assertThat(s.source(SourceTable.DEALS).format()).isEqualTo(SourceFormat.PARQUET);
  }

  @Test
  void decimalsAreReadExactlyFromTheirText() throws IOException {
    Path f = write("p.conf", PLAN_HEAD + "commission.tiers = [{ from = 0, rate = 0.1 }, { from = 0.3, rate = 0.7 }] }]");
    PlanVersion v = Settings.load(List.of(f)).comp().plans().get("p").versions().get(0);
    assertThat(v.commission().tiers().get(1).rate()).isEqualTo(new BigDecimal("0.700000"));
  }

  @Test
  void tiersNotStartingAtZeroAreRefusedWithFileAndPath() throws IOException {
    Path f = write("bad.conf", PLAN_HEAD + "commission.tiers = [{ from = 0.1, rate = 0.02 }] }]");
    assertThatThrownBy(() -> Settings.load(List.of(f)))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("bad.conf")
        .hasMessageContaining("salescomp.comp.plans.p.versions[0].commission.tiers")
        .hasMessageContaining("start at from = 0");
  }

  @Test
  void tiersNotIncreasingAreRefused() throws IOException {
    Path f = write("bad.conf", PLAN_HEAD
        + "commission.tiers = [{ from = 0, rate = 0.02 }, { from = 0.5, rate = 0.05 }, { from = 0.5, rate = 0.08 }] }]");
    assertThatThrownBy(() -> Settings.load(List.of(f))).hasMessageContaining("strictly increasing");
  }

  @Test
  void unknownTierModeIsRefused() throws IOException {
    Path f = write("bad.conf", PLAN_HEAD + "commission.tier-mode = stepped }]");
    assertThatThrownBy(() -> Settings.load(List.of(f)))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("bad.conf:")
        .hasMessageContaining("salescomp.comp.plans.p.versions[0].commission.tier-mode")
        .hasMessageContaining("expected one of marginal, retroactive, got \"stepped\"");
  }

  @Test
  void negativeRateIsRefused() throws IOException {
    Path f = write("bad.conf", PLAN_HEAD + "commission.product-multipliers { default = 1, hardware = -0.5 } }]");
    assertThatThrownBy(() -> Settings.load(List.of(f)))
        .hasMessageContaining("commission.product-multipliers.hardware")
        .hasMessageContaining("at least 0");
  }

  @Test
  void weightsNotSummingToOneAreRefused() throws IOException {
    Path f = write("bad.conf", PLAN_HEAD
        + "scorecard.kpis = [{ metric = revenue, weight = 0.5 }, { metric = csat, weight = 0.4 }] }]");
    assertThatThrownBy(() -> Settings.load(List.of(f))).hasMessageContaining("weights summing to 1, got 0.900000");
  }

  @Test
  void cxMultiplierAboveOneIsRefused() throws IOException {
    Path f = write("bad.conf", PLAN_HEAD
        + "cx-modifier.csat-below = [{ threshold = 3.5, multiplier = 1.1 }] }]");
    assertThatThrownBy(() -> Settings.load(List.of(f)))
        .hasMessageContaining("cx-modifier.csat-below[0].multiplier")
        .hasMessageContaining("at most 1");
  }

  @Test
  void unparseableVersionDateIsRefused() throws IOException {
    Path f = write("bad.conf", "salescomp.comp.plans.p.versions = [{ effective-from = \"2026-13-01\" }]");
    assertThatThrownBy(() -> Settings.load(List.of(f))).hasMessageContaining("effective-from: expected a date yyyy-MM-dd");
  }

  @Test
  void unknownSplitIsRefused() throws IOException {
    Path f = write("bad.conf", "salescomp.comp.awards.team-target.split = tenure");
    assertThatThrownBy(() -> Settings.load(List.of(f)))
        .hasMessageContaining("salescomp.comp.awards.team-target.split: expected one of equal, revenue");
  }

  @Test
  void misspelledKeyIsRefused() throws IOException {
    Path f = write("bad.conf", "salescomp.lakehouse.rot = x");
    assertThatThrownBy(() -> Settings.load(List.of(f))).hasMessageContaining("salescomp.lakehouse.rot: unknown key");
  }

  @Test
  void misspelledPlanKeyIsRefused() throws IOException {
    Path f = write("bad.conf", PLAN_HEAD + "commission.tier-mod = marginal }]");
    assertThatThrownBy(() -> Settings.load(List.of(f)))
        .hasMessageContaining("salescomp.comp.plans.p.versions[0].commission.tier-mod: unknown key");
  }

  @Test
  void missingFileIsAConfigError() {
    assertThatThrownBy(() -> Settings.load(List.of(dir.resolve("nope.conf"))))
        .isInstanceOf(ConfigError.class).hasMessageContaining("nope.conf").hasMessageContaining("not found");
  }

  @Test
  void planHashChangesWithContentOnly() throws IOException {
    Path a = write("a.conf", PLAN_HEAD + "commission.tiers = [{ from = 0, rate = 0.02 }] }]");
    Path b = write("b.conf", PLAN_HEAD + "commission.tiers = [{ from = 0.0, rate = 0.020 }] }]");
    Path c = write("c.conf", PLAN_HEAD + "commission.tiers = [{ from = 0, rate = 0.03 }] }]");
    String ha = Settings.load(List.of(a)).comp().plans().get("p").versions().get(0).hash();
    String hb = Settings.load(List.of(b)).comp().plans().get("p").versions().get(0).hash();
    String hc = Settings.load(List.of(c)).comp().plans().get("p").versions().get(0).hash();
    assertThat(ha).isEqualTo(hb).isNotEqualTo(hc);
  }
}

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
import org.salescomp.domain.Plan;
import org.salescomp.domain.PlanVersion;
import org.salescomp.domain.TierMode;
import org.salescomp.io.SourceFormat;
import org.salescomp.io.SourceTable;

@Tag("fast")
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
    assertThat(s.comp().plans()).containsOnlyKeys("field-sales", "inside-sales", "new-hire", "manager");
    // the sample plans' new mechanics: a quarter SPIFF, a recoverable draw, a manager's override
    PlanVersion field2024 = s.comp().plans().get("field-sales").versions().get(0);
    assertThat(field2024.spiffs()).extracting(org.salescomp.domain.Spiff::name).containsExactly("q2-2025-software");
    assertThat(field2024.spiffs().get(0).channel()).isNull();
    assertThat(field2024.spiffs().get(0).amountPerDeal()).isEqualTo(new BigDecimal("150.00"));
    PlanVersion newHire = s.comp().plans().get("new-hire").versions().get(0);
    assertThat(newHire.draw()).isEqualTo(new org.salescomp.domain.DrawRules(new BigDecimal("7500.00"), 3, true));
    assertThat(newHire.balance().recoveryShare()).isEqualTo(new BigDecimal("0.500000"));
    assertThat(newHire.newHire().quotaRamp())
        .containsExactly(new BigDecimal("0.250000"), new BigDecimal("0.500000"), new BigDecimal("0.750000"));
    assertThat(s.comp().plans().get("manager").versions().get(0).override().rate())
        .isEqualTo(new BigDecimal("0.010000"));
    // the defaults: no draw, nothing carried, everything recovered, no override
    assertThat(field2024.draw()).isEqualTo(org.salescomp.domain.DrawRules.NONE);
    assertThat(field2024.balance()).isEqualTo(org.salescomp.domain.BalanceRules.NONE);
    assertThat(field2024.override()).isEqualTo(org.salescomp.domain.OverrideRules.NONE);
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

  private static final String SPIFF = "spiffs = [{ name = s1, from = \"2026-01-01\", to = \"2026-03-31\", "
      + "product-category = software, channel = null, amount-per-deal = 250.00 }";

  @Test
  void spiffsAreReadWithTheirDatesAndAmounts() throws IOException {
    Path f = write("p.conf", PLAN_HEAD + SPIFF + ", { name = s2, from = \"2026-02-01\", to = \"2026-02-01\", "
        + "product-category = hardware, channel = partner, amount-per-deal = 0 }] }]");
    PlanVersion v = Settings.load(List.of(f)).comp().plans().get("p").versions().get(0);
    assertThat(v.spiffs()).containsExactly(
        new org.salescomp.domain.Spiff("s1", java.time.LocalDate.parse("2026-01-01"),
            java.time.LocalDate.parse("2026-03-31"), "software", null, new BigDecimal("250.00")),
        new org.salescomp.domain.Spiff("s2", java.time.LocalDate.parse("2026-02-01"),
            java.time.LocalDate.parse("2026-02-01"), "hardware", "partner", new BigDecimal("0.00")));
  }

  @Test
  void everyNewPlanKeyIsValidatedWithItsPath() throws IOException {
    String at = "salescomp.comp.plans.p.versions[0].";
    java.util.Map<String, String[]> cases = new java.util.LinkedHashMap<>();
    cases.put(SPIFF.replace("\"2026-03-31\"", "\"2025-12-31\"") + "] }]",
        new String[] {at + "spiffs[0].to", "on or after from (2026-01-01)"});
    cases.put(SPIFF.replace("\"2026-01-01\"", "\"2026-13-01\"") + "] }]",
        new String[] {at + "spiffs[0].from", "expected a date yyyy-MM-dd"});
    cases.put(SPIFF.replace("250.00", "-1.00") + "] }]", new String[] {at + "spiffs[0].amount-per-deal", "at least 0"});
    cases.put(SPIFF.replace("250.00", "1.005") + "] }]", new String[] {at + "spiffs[0].amount-per-deal", "2 decimals"});
    cases.put(SPIFF.replace("channel = null", "chanel = partner") + "] }]",
        new String[] {at + "spiffs[0].chanel", "unknown key"});
    cases.put(SPIFF.replace("product-category = software, ", "") + "] }]",
        new String[] {at + "spiffs[0].product-category", "is missing"});
    cases.put(SPIFF + ", " + SPIFF.substring("spiffs = [".length()) + "] }]",
        new String[] {at + "spiffs[1].name", "no other SPIFF"});
    cases.put("new-hire.quota-ramp = [0.5, 0] }]", new String[] {at + "new-hire.quota-ramp", "(0, 1]"});
    cases.put("new-hire.quota-ramp = [1.5] }]", new String[] {at + "new-hire.quota-ramp", "got 1.5 at [0]"});
    cases.put("new-hire.quota-ramp = [0.5, x] }]", new String[] {at + "new-hire.quota-ramp", "at [1]"});
    cases.put("new-hire.quota-ramp = 0.5 }]", new String[] {at + "new-hire.quota-ramp", "expected a list"});
    cases.put("override.rate = -0.01 }]", new String[] {at + "override.rate", "at least 0"});
    cases.put("draw.monthly = -5 }]", new String[] {at + "draw.monthly", "at least 0"});
    cases.put("draw.months = -1 }]", new String[] {at + "draw.months", ""});
    cases.put("draw.recoverable = maybe }]", new String[] {at + "draw.recoverable", ""});
    cases.put("balance.recovery-share = 1.5 }]", new String[] {at + "balance.recovery-share", "between 0 and 1"});
    cases.put("balance.carry-negative = 3 }]", new String[] {at + "balance.carry-negative", ""});
    cases.put("balance.forgive-on-term = true }]", new String[] {at + "balance.forgive-on-term", "unknown key"});
    int i = 0;
    for (var c : cases.entrySet()) {
      Path f = write("bad" + i++ + ".conf", PLAN_HEAD + c.getKey());
      assertThatThrownBy(() -> Settings.load(List.of(f))).as(c.getKey())
          .isInstanceOf(ConfigError.class)
          .hasMessageContaining(c.getValue()[0])
          .hasMessageContaining(c.getValue()[1]);
    }
  }

  @Test
  void attainmentPeriodIsReadValidatedAndHashedOnlyWhenItIsNotAMonth() throws IOException {
    String at = "salescomp.comp.plans.p.versions[0].commission.attainment-period";
    Path bad = write("bad.conf", PLAN_HEAD + "commission.attainment-period = week }]");
    assertThatThrownBy(() -> Settings.load(List.of(bad))).isInstanceOf(ConfigError.class)
        .hasMessageContaining("bad.conf").hasMessageContaining(at)
        .hasMessageContaining("expected one of month, quarter, year, got \"week\"");
    Path none = write("none.conf", PLAN_HEAD + "commission.tiers = [{ from = 0, rate = 0.02 }] }]");
    Path month = write("month.conf", PLAN_HEAD + "commission { tiers = [{ from = 0, rate = 0.02 }],"
        + " attainment-period = month } }]");
    Path quarter = write("quarter.conf", PLAN_HEAD + "commission { tiers = [{ from = 0, rate = 0.02 }],"
        + " attainment-period = quarter } }]");
    Path year = write("year.conf", PLAN_HEAD + "commission { tiers = [{ from = 0, rate = 0.02 }],"
        + " attainment-period = year } }]");
    PlanVersion byDefault = Settings.load(List.of(none)).comp().plans().get("p").versions().get(0);
    PlanVersion q = Settings.load(List.of(quarter)).comp().plans().get("p").versions().get(0);
    PlanVersion y = Settings.load(List.of(year)).comp().plans().get("p").versions().get(0);
    assertThat(byDefault.commission().attainmentPeriod()).isEqualTo(org.salescomp.domain.AttainmentPeriod.MONTH);
    assertThat(q.commission().attainmentPeriod()).isEqualTo(org.salescomp.domain.AttainmentPeriod.QUARTER);
    // a month, said or not, hashes as before the key existed; a quarter and a year are other rules
    assertThat(Settings.load(List.of(month)).comp().plans().get("p").versions().get(0).hash())
        .isEqualTo(byDefault.hash());
    assertThat(java.util.Set.of(byDefault.hash(), q.hash(), y.hash())).hasSize(3);
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

package org.salescomp.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salescomp.config.ConfigError;
import org.salescomp.config.ScenarioSettings;
import org.salescomp.config.Settings;
import org.salescomp.domain.CommissionRules;
import org.salescomp.domain.Plan;
import org.salescomp.domain.PlanVersion;

/** Scenario files: the shipped examples load, each kind of change lands where it should, mistakes exit 2 with file and path. */
@Tag("fast")
class ScenarioSettingsTest {
  private static final List<Path> LOCAL = List.of(Path.of("conf/local.conf"));
  @TempDir Path dir;

  private Path write(String name, String hocon) throws IOException {
    return Files.writeString(dir.resolve(name), hocon);
  }

  private static ScenarioSettings load(Path file) {
    return ScenarioSettings.load(file, LOCAL);
  }

  private static CommissionRules commission(ScenarioSettings s, String plan, String month) {
    return commission(s.comp(), plan, month);
  }

  private static CommissionRules commission(org.salescomp.domain.CompModel model, String plan, String month) {
    return model.plans().get(plan).versionFor(LocalDate.parse(month)).orElseThrow().commission();
  }

  @Test
  void everyShippedScenarioLoads() throws IOException {
    try (var files = Files.list(Path.of("conf/scenarios"))) {
      List<Path> scenarios = files.filter(f -> f.toString().endsWith(".conf")).toList();
      assertThat(scenarios).hasSizeGreaterThanOrEqualTo(6);
      scenarios.forEach(f -> assertThat(load(f).description()).isNotBlank());
    }
  }

  @Test
  void aChangeFromADateAddsAVersionThereAndChangesOnlyLaterVersions() {
    ScenarioSettings s = load(Path.of("conf/scenarios/higher-accelerator.conf"));
    Plan field = s.comp().plans().get("field-sales");
    assertThat(field.versions()).extracting(PlanVersion::effectiveFrom).containsExactly(
        LocalDate.parse("2024-01-01"), LocalDate.parse("2025-07-01"), LocalDate.parse("2026-01-01"));
    Settings base = Settings.load(LOCAL);
    // before the change: the plan in force, same hash
    assertThat(field.versions().get(0).hash()).isEqualTo(base.comp().plans().get("field-sales").versions().get(0).hash());
    assertThat(commission(s, "field-sales", "2025-08-01").tiers().get(2).rate()).isEqualByComparingTo("0.10");
    // the 2026 version keeps its own gate, with the new tiers
    CommissionRules v2026 = commission(s, "field-sales", "2026-02-01");
    assertThat(v2026.gateMinAttainment()).isEqualByComparingTo("0.3");
    assertThat(v2026.tiers()).hasSize(4);
    assertThat(v2026.tiers().get(3).rate()).isEqualByComparingTo("0.12");
    assertThat(s.comp().plans().get("inside-sales").versions().get(0).hash())
        .isEqualTo(base.comp().plans().get("inside-sales").versions().get(0).hash());
  }

  @Test
  void multipliersGatesCapsCxAwardsAndRolesEachChangeTheirKey() {
    ScenarioSettings software = load(Path.of("conf/scenarios/software-push.conf"));
    assertThat(commission(software, "field-sales", "2026-02-01").productMultipliers())
        .containsEntry("software", new java.math.BigDecimal("1.500000"))
        .containsEntry("hardware", new java.math.BigDecimal("0.800000"));
    ScenarioSettings gate = load(Path.of("conf/scenarios/gate-and-cap.conf"));
    assertThat(commission(gate, "field-sales", "2025-02-01").gateMinAttainment()).isEqualByComparingTo("0.4");
    assertThat(commission(gate, "field-sales", "2025-02-01").monthlyCap()).isEqualByComparingTo("20000");
    ScenarioSettings cx = load(Path.of("conf/scenarios/stricter-cx.conf"));
    assertThat(cx.comp().plans().get("inside-sales").versions().get(0).cxModifier().floor()).isEqualByComparingTo("0.6");
    ScenarioSettings pool = load(Path.of("conf/scenarios/team-pool.conf"));
    assertThat(pool.comp().awards().teamTargetPoolPerMember()).isEqualByComparingTo("2000");
    ScenarioSettings roles = load(Path.of("conf/scenarios/inside-on-field-plan.conf"));
    assertThat(roles.name()).isEqualTo("inside-on-field-plan");
    assertThat(roles.planFor("inside-sales", "inside-sales")).isEqualTo("field-sales");
    assertThat(roles.planFor("inside-sales", "new-hire")).isEqualTo("new-hire");
    assertThat(roles.planFor("account-executive", "field-sales")).isEqualTo("field-sales");
  }

  @Test
  void aTierTableBreakingAPlanRuleIsRefusedWithTheFileAndThePath() throws IOException {
    Path bad = write("bad-tiers.conf", """
        salescomp.scenario.plan-changes.field-sales {
          commission.tiers = [{ from = 0.0, rate = 0.02 }, { from = 0.0, rate = 0.05 }]
        }
        """);
    assertThatThrownBy(() -> load(bad)).isInstanceOf(ConfigError.class)
        .hasMessageContaining("bad-tiers.conf")
        .hasMessageContaining("salescomp.comp.plans.field-sales.versions[0].commission.tiers")
        .hasMessageContaining("strictly increasing");
  }

  @Test
  void aScenarioMeasuresAttainmentOverTheQuarterAndAWrongPeriodNamesItsPath() throws IOException {
    Path quarter = write("quarter.conf", "salescomp.scenario.plan-changes.field-sales.commission {"
        + " tier-mode = retroactive, attainment-period = quarter }\n");
    ScenarioSettings s = load(quarter);
    assertThat(commission(s, "field-sales", "2026-02-01").attainmentPeriod())
        .isEqualTo(org.salescomp.domain.AttainmentPeriod.QUARTER);
    // the plan in force keeps its month, and a plan the scenario leaves alone keeps its hash
    assertThat(commission(Settings.load(LOCAL).comp(), "field-sales", "2026-02-01").attainmentPeriod())
        .isEqualTo(org.salescomp.domain.AttainmentPeriod.MONTH);
    assertThat(s.comp().plans().get("inside-sales").versions().get(0).hash())
        .isEqualTo(Settings.load(LOCAL).comp().plans().get("inside-sales").versions().get(0).hash());
    Path bad = write("fortnight.conf", "salescomp.scenario.plan-changes.field-sales.commission.attainment-period"
        + " = fortnight\n");
    assertThatThrownBy(() -> load(bad)).isInstanceOf(ConfigError.class)
        .hasMessageContaining("fortnight.conf")
        .hasMessageContaining("commission.attainment-period")
        .hasMessageContaining("expected one of month, quarter, year, got \"fortnight\"");
  }

  @Test
  void anUnknownKeyInAPlanChangeNamesTheScenarioPath() throws IOException {
    Path bad = write("typo.conf", "salescomp.scenario.plan-changes.field-sales.commission.tier-rates = []\n");
    assertThatThrownBy(() -> load(bad)).isInstanceOf(ConfigError.class)
        .hasMessageContaining("typo.conf:1")
        .hasMessageContaining("salescomp.scenario.plan-changes.field-sales.commission.tier-rates")
        .hasMessageContaining("unknown key");
  }

  @Test
  void planChangesAndRoleMappingsMustNameConfiguredPlans() throws IOException {
    Path noPlan = write("no-plan.conf", "salescomp.scenario.plan-changes.field-sale.commission.gate-min-attainment = 0.2\n");
    assertThatThrownBy(() -> load(noPlan)).isInstanceOf(ConfigError.class)
        .hasMessageContaining("no-plan.conf").hasMessageContaining("salescomp.scenario.plan-changes.field-sale")
        .hasMessageContaining("names no plan");
    Path noTarget = write("no-target.conf", "salescomp.scenario.plan-by-role { inside-sales = fieldsales }\n");
    assertThatThrownBy(() -> load(noTarget)).isInstanceOf(ConfigError.class)
        .hasMessageContaining("no-target.conf").hasMessageContaining("salescomp.scenario.plan-by-role.inside-sales")
        .hasMessageContaining("names no plan: fieldsales");
  }

  @Test
  void aScenarioChangesOnlyTheCompensationModel() throws IOException {
    Path sources = write("sources.conf", "salescomp.lakehouse.root = \"/tmp/elsewhere\"\n");
    assertThatThrownBy(() -> load(sources)).isInstanceOf(ConfigError.class)
        .hasMessageContaining("sources.conf").hasMessageContaining("salescomp.lakehouse")
        .hasMessageContaining("only set keys under salescomp.comp and salescomp.scenario");
    Path unknown = write("unknown.conf", "salescomp.comp.awards.team-target.pool = 1\n");
    assertThatThrownBy(() -> load(unknown)).isInstanceOf(ConfigError.class)
        .hasMessageContaining("salescomp.comp.awards.team-target.pool").hasMessageContaining("unknown key");
    Path baseline = write("x.conf", "salescomp.scenario.name = baseline\n");
    assertThatThrownBy(() -> load(baseline)).isInstanceOf(ConfigError.class)
        .hasMessageContaining("salescomp.scenario.name");
  }

  @Test
  void anEmptyScenarioIsThePlansInForce() throws IOException {
    ScenarioSettings same = load(write("same.conf", "# no change\n"));
    assertThat(same.name()).isEqualTo("same");
    assertThat(same.comp()).isEqualTo(Settings.load(LOCAL).comp());
  }
}

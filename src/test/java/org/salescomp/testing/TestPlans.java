package org.salescomp.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.domain.BalanceRules;
import org.salescomp.domain.ClawbackRules;
import org.salescomp.domain.DrawRules;
import org.salescomp.domain.OverrideRules;
import org.salescomp.domain.Spiff;
import org.salescomp.domain.CommissionRules;
import org.salescomp.domain.CxModifier;
import org.salescomp.domain.MentorRules;
import org.salescomp.domain.NewHireRules;
import org.salescomp.domain.Plan;
import org.salescomp.domain.PlanVersion;
import org.salescomp.domain.ScorecardKpi;
import org.salescomp.domain.ScorecardRules;
import org.salescomp.domain.Threshold;
import org.salescomp.domain.Tier;
import org.salescomp.domain.TierMode;
import org.salescomp.engine.PlanTable;

/** Plans of the compensation model's worked examples, built as domain objects, with small variations. */
public final class TestPlans {
  private TestPlans() {}

  public static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  /** Tiers 2% / 5% from 0.5 / 8% from 1.0; software 1.2, hardware 0.8; no gate, no cap. */
  public static CommissionRules workedExample(TierMode mode) {
    return new CommissionRules(mode,
        List.of(new Tier(d("0"), d("0.02")), new Tier(d("0.5"), d("0.05")), new Tier(d("1.0"), d("0.08"))),
        new TreeMap<>(Map.of("default", d("1.0"), "software", d("1.2"), "hardware", d("0.8"))),
        new TreeMap<>(Map.of("default", d("1.0"), "partner", d("0.7"))),
        d("0"), null);
  }

  public static PlanVersion version(CommissionRules commission) {
    return version(commission, new NewHireRules(3, d("1.25"), d("6000.00")));
  }

  public static PlanVersion version(CommissionRules commission, NewHireRules newHire) {
    return new PlanVersion(LocalDate.parse("2024-01-01"), commission,
        new CxModifier(3, List.of(new Threshold(d("3.5"), d("0.9")), new Threshold(d("3.0"), d("0.8"))),
            List.of(new Threshold(d("0.05"), d("0.9"))), d("0.5")),
        new ClawbackRules(90, d("1.0"), true), newHire,
        new ScorecardRules(d("3000.00"), d("0.6"), d("1.5"), d("1.5"), List.of(
            new ScorecardKpi("revenue", d("0.5"), false), new ScorecardKpi("new_customers", d("0.2"), false),
            new ScorecardKpi("csat", d("0.15"), false), new ScorecardKpi("complaint_rate", d("0.1"), true),
            new ScorecardKpi("retention_rate", d("0.05"), false))),
        new MentorRules(6, d("0.05")), "test-" + commission.tierMode().configName());
  }

  /** {@code v} with SPIFFs, override, draw and balance rules of its own. */
  public static PlanVersion with(PlanVersion v, List<Spiff> spiffs, OverrideRules override, DrawRules draw,
      BalanceRules balance, String hash) {
    return new PlanVersion(v.effectiveFrom(), v.commission(), v.cxModifier(), v.clawback(), v.newHire(),
        v.scorecard(), v.mentor(), spiffs, override, draw, balance, hash);
  }

  /** A plan table with one plan {@code p} of one version, in the baseline scenario. */
  public static Dataset<Row> planTable(PlanVersion version) {
    return planTable(Map.of("p", version));
  }

  /** A plan table with one plan per key, each of the one version given, in the baseline scenario. */
  public static Dataset<Row> planTable(Map<String, PlanVersion> versions) {
    Map<String, Plan> plans = new TreeMap<>();
    versions.forEach((id, version) -> plans.put(id, new Plan(id, List.of(version))));
    return PlanTable.of(SharedSpark.session(), PlanTable.rows(PlanTable.BASELINE, plans));
  }
}

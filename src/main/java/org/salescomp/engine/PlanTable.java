package org.salescomp.engine;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.apache.spark.sql.types.DataTypes.createStructField;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.salescomp.common.ContentHash;
import org.salescomp.common.Money;
import org.salescomp.domain.AttainmentPeriod;
import org.salescomp.domain.Plan;
import org.salescomp.domain.PlanVersion;
import org.salescomp.domain.ScorecardKpi;
import org.salescomp.domain.Spiff;
import org.salescomp.domain.Threshold;
import org.salescomp.domain.Tier;

/**
 * Plans as data: one row per scenario, plan and version, every parameter a column (tiers, thresholds
 * and KPIs as arrays, multipliers as maps). The engine joins this small table; a simulation unions
 * the tables of several scenarios and every step runs once for all of them.
 */
public final class PlanTable {
  public static final String SCENARIO = "scenario";
  public static final String PLAN_ID = "plan_id";
  public static final String EFFECTIVE_FROM = "effective_from";
  public static final String PLAN_HASH = "plan_hash";
  /**
   * Identifies what a deal's commission line depends on (tier mode and table, multipliers, gate, new-hire
   * rate): scenarios that change other rules share it, and a simulation prices a deal once per value.
   */
  public static final String COMMISSION_HASH = "commission_hash";
  public static final String TIER_MODE = "tier_mode";
  public static final String TIERS = "tiers";
  public static final String PRODUCT_MULTIPLIERS = "product_multipliers";
  public static final String CHANNEL_MULTIPLIERS = "channel_multipliers";
  public static final String GATE_MIN_ATTAINMENT = "gate_min_attainment";
  public static final String MONTHLY_CAP = "monthly_cap";
  public static final String CX_MIN_RESPONSES = "cx_min_responses";
  public static final String CX_CSAT_BELOW = "cx_csat_below";
  public static final String CX_COMPLAINT_RATE_ABOVE = "cx_complaint_rate_above";
  public static final String CX_FLOOR = "cx_floor";
  public static final String CLAWBACK_WINDOW_DAYS = "clawback_window_days";
  public static final String CLAWBACK_RATE = "clawback_rate";
  public static final String CLAWBACK_ON_CHURN = "clawback_on_churn";
  public static final String NEW_HIRE_MONTHS = "new_hire_months";
  public static final String NEW_HIRE_RATE_MULTIPLIER = "new_hire_rate_multiplier";
  public static final String GUARANTEE_MONTHLY = "guarantee_monthly";
  public static final String TARGET_BONUS_QUARTERLY = "target_bonus_quarterly";
  public static final String SCORECARD_THRESHOLD = "scorecard_threshold";
  public static final String SCORECARD_MAX_MULTIPLIER = "scorecard_max_multiplier";
  public static final String KPI_SCORE_CAP = "kpi_score_cap";
  public static final String SCORECARD_KPIS = "scorecard_kpis";
  public static final String MENTOR_MONTHS = "mentor_months";
  public static final String MENTOR_RATE = "mentor_rate";
  public static final String SPIFFS = "spiffs";
  public static final String OVERRIDE_RATE = "override_rate";
  public static final String QUOTA_RAMP = "quota_ramp";
  public static final String DRAW_MONTHLY = "draw_monthly";
  public static final String DRAW_MONTHS = "draw_months";
  public static final String DRAW_RECOVERABLE = "draw_recoverable";
  public static final String CARRY_NEGATIVE = "carry_negative";
  public static final String RECOVERY_SHARE = "recovery_share";
  public static final String FORGIVE_ON_TERMINATION = "forgive_on_termination";
  /** {@code commission.attainment-period}: month, quarter or year ({@link org.salescomp.domain.AttainmentPeriod}). */
  public static final String ATTAINMENT_PERIOD = "attainment_period";

  /** The scenario key of production runs. */
  public static final String BASELINE = "baseline";

  /** Fields of a tier: 1-based index, band [from, to) as shares of quota (to null for the last), rate. */
  public static final StructType TIER = new StructType()
      .add("idx", IntegerType, false).add("from", Money.RATE, false)
      .add("to", Money.RATE, true).add("rate", Money.RATE, false);
  public static final StructType THRESHOLD = new StructType()
      .add("threshold", Money.RATE, false).add("multiplier", Money.RATE, false);
  public static final StructType SPIFF = new StructType()
      .add("name", StringType, false).add("from", DateType, false).add("to", DateType, false)
      .add("product_category", StringType, false).add("channel", StringType, true)
      .add("amount_per_deal", Money.MONEY, false);
  public static final StructType KPI = new StructType()
      .add("metric", StringType, false).add("weight", Money.RATE, false).add("lower_is_better", BooleanType, false);

  public static final StructType SCHEMA = new StructType(new org.apache.spark.sql.types.StructField[] {
      createStructField(SCENARIO, StringType, false),
      createStructField(PLAN_ID, StringType, false),
      createStructField(EFFECTIVE_FROM, DateType, false),
      createStructField(PLAN_HASH, StringType, false),
      createStructField(COMMISSION_HASH, StringType, false),
      createStructField(TIER_MODE, StringType, false),
      createStructField(TIERS, createArrayType(TIER, false), false),
      createStructField(PRODUCT_MULTIPLIERS, createMapType(StringType, Money.RATE, false), false),
      createStructField(CHANNEL_MULTIPLIERS, createMapType(StringType, Money.RATE, false), false),
      createStructField(GATE_MIN_ATTAINMENT, Money.RATE, false),
      createStructField(MONTHLY_CAP, Money.MONEY, true),
      createStructField(CX_MIN_RESPONSES, IntegerType, false),
      createStructField(CX_CSAT_BELOW, createArrayType(THRESHOLD, false), false),
      createStructField(CX_COMPLAINT_RATE_ABOVE, createArrayType(THRESHOLD, false), false),
      createStructField(CX_FLOOR, Money.RATE, false),
      createStructField(CLAWBACK_WINDOW_DAYS, IntegerType, false),
      createStructField(CLAWBACK_RATE, Money.RATE, false),
      createStructField(CLAWBACK_ON_CHURN, BooleanType, false),
      createStructField(NEW_HIRE_MONTHS, IntegerType, false),
      createStructField(NEW_HIRE_RATE_MULTIPLIER, Money.RATE, false),
      createStructField(GUARANTEE_MONTHLY, Money.MONEY, false),
      createStructField(TARGET_BONUS_QUARTERLY, Money.MONEY, false),
      createStructField(SCORECARD_THRESHOLD, Money.RATE, false),
      createStructField(SCORECARD_MAX_MULTIPLIER, Money.RATE, false),
      createStructField(KPI_SCORE_CAP, Money.RATE, false),
      createStructField(SCORECARD_KPIS, createArrayType(KPI, false), false),
      createStructField(MENTOR_MONTHS, IntegerType, false),
      createStructField(MENTOR_RATE, Money.RATE, false),
      createStructField(SPIFFS, createArrayType(SPIFF, false), false),
      createStructField(OVERRIDE_RATE, Money.RATE, false),
      createStructField(QUOTA_RAMP, createArrayType(Money.RATE, false), false),
      createStructField(DRAW_MONTHLY, Money.MONEY, false),
      createStructField(DRAW_MONTHS, IntegerType, false),
      createStructField(DRAW_RECOVERABLE, BooleanType, false),
      createStructField(CARRY_NEGATIVE, BooleanType, false),
      createStructField(RECOVERY_SHARE, Money.RATE, false),
      createStructField(FORGIVE_ON_TERMINATION, BooleanType, false),
      createStructField(ATTAINMENT_PERIOD, StringType, false)});

  private PlanTable() {}

  /** The rows of one scenario's plans; pure, so tests and simulations can build them without a session. */
  public static List<Row> rows(String scenario, Map<String, Plan> plans) {
    List<Row> rows = new ArrayList<>();
    for (Plan plan : plans.values()) {
      for (PlanVersion v : plan.versions()) {
        rows.add(row(scenario, plan.id(), v));
      }
    }
    return rows;
  }

  public static Dataset<Row> of(SparkSession spark, List<Row> rows) {
    return spark.createDataFrame(rows, SCHEMA);
  }

  private static Row row(String scenario, String planId, PlanVersion v) {
    var c = v.commission();
    var cx = v.cxModifier();
    var sc = v.scorecard();
    return RowFactory.create(scenario, planId, Date.valueOf(v.effectiveFrom()), v.hash(), commissionHash(v),
        c.tierMode().configName(), tiers(c.tiers()), sorted(c.productMultipliers()), sorted(c.channelMultipliers()),
        c.gateMinAttainment(), c.monthlyCap(),
        cx.minResponses(), thresholds(cx.csatBelow()), thresholds(cx.complaintRateAbove()), cx.floor(),
        v.clawback().windowDays(), v.clawback().rate(), v.clawback().onChurn(),
        v.newHire().months(), v.newHire().rateMultiplier(), v.newHire().guaranteeMonthly(),
        sc.targetBonusQuarterly(), sc.threshold(), sc.maxMultiplier(), sc.kpiScoreCap(), kpis(sc.kpis()),
        v.mentor().months(), v.mentor().rate(), spiffs(v.spiffs()), v.override().rate(),
        v.newHire().quotaRamp(), v.draw().monthly(), v.draw().months(), v.draw().recoverable(),
        v.balance().carryNegative(), v.balance().recoveryShare(), v.balance().forgiveOnTermination(),
        c.attainmentPeriod().configName());
  }

  /** Every input of a deal's commission line, canonical (maps sorted), hashed. */
  static String commissionHash(PlanVersion v) {
    var c = v.commission();
    return ContentHash.of(c.tierMode().configName() + "|" + c.tiers() + "|" + sorted(c.productMultipliers()) + "|"
        + sorted(c.channelMultipliers()) + "|" + c.gateMinAttainment().toPlainString() + "|" + v.newHire().months()
        + "|" + v.newHire().rateMultiplier().toPlainString()
        + (v.newHire().quotaRamp().isEmpty() ? "" : "|ramp" + v.newHire().quotaRamp())
        + (c.attainmentPeriod() == AttainmentPeriod.MONTH ? "" : "|period=" + c.attainmentPeriod().configName()));
  }

  private static List<Row> tiers(List<Tier> tiers) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < tiers.size(); i++) {
      BigDecimal to = i + 1 < tiers.size() ? tiers.get(i + 1).from() : null;
      rows.add(RowFactory.create(i + 1, tiers.get(i).from(), to, tiers.get(i).rate()));
    }
    return rows;
  }

  private static List<Row> thresholds(List<Threshold> thresholds) {
    return thresholds.stream().map(t -> RowFactory.create(t.threshold(), t.multiplier())).toList();
  }

  private static List<Row> spiffs(List<Spiff> spiffs) {
    return spiffs.stream().map(s -> RowFactory.create(s.name(), Date.valueOf(s.from()), Date.valueOf(s.to()),
        s.productCategory(), s.channel(), s.amountPerDeal())).toList();
  }

  private static List<Row> kpis(List<ScorecardKpi> kpis) {
    return kpis.stream().map(k -> RowFactory.create(k.metric(), k.weight(), k.lowerIsBetter())).toList();
  }

  private static Map<String, BigDecimal> sorted(Map<String, BigDecimal> map) {
    return new java.util.TreeMap<>(map);
  }
}

package org.salescomp.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.salescomp.common.ContentHash;
import org.salescomp.domain.AttainmentPeriod;
import org.salescomp.domain.Awards;
import org.salescomp.domain.ClawbackRules;
import org.salescomp.domain.Coaching;
import org.salescomp.domain.CommissionRules;
import org.salescomp.domain.CompModel;
import org.salescomp.domain.CxModifier;
import org.salescomp.domain.MentorRules;
import org.salescomp.domain.BalanceRules;
import org.salescomp.domain.DrawRules;
import org.salescomp.domain.NewHireRules;
import org.salescomp.domain.OverrideRules;
import org.salescomp.domain.Spiff;
import org.salescomp.domain.Plan;
import org.salescomp.domain.PlanVersion;
import org.salescomp.domain.ScorecardKpi;
import org.salescomp.domain.ScorecardRules;
import org.salescomp.domain.Threshold;
import org.salescomp.domain.Tier;
import org.salescomp.domain.TierMode;

/**
 * Reads {@code salescomp.comp} into a {@link CompModel} and enforces the plan rules of the
 * compensation model ("A plan that breaks a rule is refused before any data is read").
 */
final class CompModelReader {
  /** Rates and multipliers are DECIMAL(12,6) in the contract. */
  private static final int RATE_SCALE = 6;
  private static final int MONEY_SCALE = 2;
  private static final Set<String> OPEN_MAPS = Set.of("product-multipliers", "channel-multipliers");

  private CompModelReader() {}

  static CompModel read(ConfigReader comp, PlanLimits limits) {
    Config versionDefaults = comp.object("version-defaults").config();
    ConfigReader plans = comp.object("plans");
    Map<String, Plan> byId = new TreeMap<>();
    for (String planId : plans.keys()) {
      byId.put(planId, readPlan(planId, plans.object(ConfigReader.quoted(planId)), versionDefaults, limits));
    }
    // the defaults are a version too: validate them so a bad reference overlay is caught even without plans
    readVersion(new ConfigReader(versionDefaults.withValue("effective-from",
        com.typesafe.config.ConfigValueFactory.fromAnyRef("1970-01-01")), comp.path("version-defaults")), limits);
    return new CompModel(byId, readAwards(comp.object("awards"), limits), readCoaching(comp.object("coaching"), limits),
        comp.object("training").stringList("required-courses"));
  }

  private static Plan readPlan(String planId, ConfigReader plan, Config versionDefaults, PlanLimits limits) {
    List<PlanVersion> versions = new ArrayList<>();
    Set<LocalDate> seen = new HashSet<>();
    List<ConfigReader> raw = plan.objectList("versions");
    if (raw.isEmpty()) {
      throw plan.error("versions", "expected at least one version");
    }
    for (int i = 0; i < raw.size(); i++) {
      ConfigReader version = raw.get(i);
      rejectUnknownKeys(version.config().root(), versionDefaults.root(), version.path(""), true);
      ConfigReader merged = new ConfigReader(version.config().withFallback(versionDefaults),
          plan.path("versions") + "[" + i + "]");
      PlanVersion v = readVersion(merged, limits);
      if (!seen.add(v.effectiveFrom())) {
        throw merged.error("effective-from", "expected a date no other version of plan " + planId + " has");
      }
      versions.add(v);
    }
    return new Plan(planId, versions);
  }

  private static void rejectUnknownKeys(
      com.typesafe.config.ConfigObject given, com.typesafe.config.ConfigObject known, String at, boolean top) {
    for (Map.Entry<String, ConfigValue> e : given.entrySet()) {
      String key = e.getKey();
      String path = at.endsWith(".") || at.isEmpty() ? at + key : at + "." + key;
      if (top && key.equals("effective-from")) {
        continue;
      }
      ConfigValue knownValue = known.get(key);
      if (knownValue == null) {
        throw new ConfigError(e.getValue().origin(), path,
            "unknown key; expected one of " + String.join(", ", new TreeMap<>(known).keySet()));
      }
      if (OPEN_MAPS.contains(key)) {
        continue;
      }
      if (knownValue.valueType() == ConfigValueType.OBJECT
          && e.getValue().valueType() == ConfigValueType.OBJECT) {
        rejectUnknownKeys((com.typesafe.config.ConfigObject) e.getValue(),
            (com.typesafe.config.ConfigObject) knownValue, path, false);
      }
    }
  }

  static PlanVersion readVersion(ConfigReader v, PlanLimits limits) {
    LocalDate effectiveFrom = v.date("effective-from");
    CommissionRules commission = readCommission(v.object("commission"), limits);
    CxModifier cx = readCx(v.object("cx-modifier"));
    ConfigReader cb = v.object("clawback");
    ClawbackRules clawback = new ClawbackRules(cb.integer("window-days", 0), limits.rate(cb, "rate"), cb.bool("on-churn"));
    ConfigReader nh = v.object("new-hire");
    NewHireRules newHire = new NewHireRules(nh.integer("months", 0), limits.multiplier(nh, "rate-multiplier"),
        money(nh, "guarantee-monthly"), quotaRamp(nh));
    ScorecardRules scorecard = readScorecard(v.object("scorecard"), limits);
    ConfigReader m = v.object("mentor");
    MentorRules mentor = new MentorRules(m.integer("months", 0), limits.rate(m, "rate"));
    List<Spiff> spiffs = readSpiffs(v);
    OverrideRules override = new OverrideRules(limits.rate(v.object("override"), "rate"));
    ConfigReader d = v.object("draw");
    DrawRules draw = new DrawRules(money(d, "monthly"), d.integer("months", 0), d.bool("recoverable"));
    ConfigReader b = v.object("balance");
    BigDecimal recoveryShare = rate(b, "recovery-share");
    if (recoveryShare.compareTo(BigDecimal.ONE) > 0) {
      throw b.error("recovery-share", "expected a share between 0 and 1, got " + recoveryShare.toPlainString());
    }
    BalanceRules balance = new BalanceRules(b.bool("carry-negative"), recoveryShare, b.bool("forgive-on-termination"));
    // the rules a version had before SPIFFs, overrides, draws and balances hash as they did while those keep
    // their defaults: unchanged plans keep their hashes
    boolean defaults = spiffs.isEmpty() && override.rate().signum() == 0 && draw.equals(DrawRules.NONE)
        && balance.equals(BalanceRules.NONE) && newHire.quotaRamp().isEmpty();
    String added = defaults ? "" : "|" + spiffs + "|" + override + "|" + draw + "|" + balance + "|"
        + newHire.quotaRamp();
    // as the record printed itself before it had a quota ramp
    String newHireText = "NewHireRules[months=" + newHire.months() + ", rateMultiplier=" + newHire.rateMultiplier()
        + ", guaranteeMonthly=" + newHire.guaranteeMonthly() + "]";
    String hash = hash(effectiveFrom + "|" + commission.hashText() + "|" + cx + "|" + clawback + "|" + newHireText + "|"
        + scorecard + "|" + mentor + added);
    return new PlanVersion(effectiveFrom, commission, cx, clawback, newHire, scorecard, mentor, spiffs, override,
        draw, balance, hash);
  }

  /** Quota multipliers by month index: each in (0, 1], at most six decimals. */
  private static List<BigDecimal> quotaRamp(ConfigReader nh) {
    List<BigDecimal> ramp = new ArrayList<>();
    List<BigDecimal> raw = nh.decimalList("quota-ramp");
    for (int i = 0; i < raw.size(); i++) {
      BigDecimal r = raw.get(i);
      if (r.signum() <= 0 || r.compareTo(BigDecimal.ONE) > 0 || r.stripTrailingZeros().scale() > RATE_SCALE) {
        throw nh.error("quota-ramp", "expected values in (0, 1] with at most " + RATE_SCALE + " decimals, got "
            + r.toPlainString() + " at [" + i + "]");
      }
      ramp.add(r.setScale(RATE_SCALE));
    }
    return List.copyOf(ramp);
  }

  private static final Set<String> SPIFF_KEYS =
      Set.of("name", "from", "to", "product-category", "channel", "amount-per-deal");

  private static List<Spiff> readSpiffs(ConfigReader v) {
    List<Spiff> spiffs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<ConfigReader> raw = v.objectList("spiffs");
    for (int i = 0; i < raw.size(); i++) {
      ConfigReader s = raw.get(i);
      for (String key : s.config().root().keySet()) {
        if (!SPIFF_KEYS.contains(key)) {
          throw s.error(key, "unknown key; expected one of " + String.join(", ", new java.util.TreeSet<>(SPIFF_KEYS)));
        }
      }
      String name = s.string("name");
      if (!names.add(name)) {
        throw s.error("name", "expected a name no other SPIFF of the version has, got " + name);
      }
      LocalDate from = s.date("from");
      LocalDate to = s.date("to");
      if (to.isBefore(from)) {
        throw s.error("to", "expected a date on or after from (" + from + "), got " + to);
      }
      String channel = !s.config().hasPath("channel") || s.isNull("channel") ? null : s.string("channel");
      spiffs.add(new Spiff(name, from, to, s.string("product-category"), channel, money(s, "amount-per-deal")));
    }
    return List.copyOf(spiffs);
  }

  private static CommissionRules readCommission(ConfigReader c, PlanLimits limits) {
    TierMode mode = c.oneOf("tier-mode", TierMode.class);
    List<Tier> tiers = new ArrayList<>();
    List<ConfigReader> raw = c.objectList("tiers");
    if (raw.isEmpty()) {
      throw c.error("tiers", "expected at least one tier starting at from = 0");
    }
    for (int i = 0; i < raw.size(); i++) {
      ConfigReader t = raw.get(i);
      BigDecimal from = limits.attainment(t, "from");
      if (i == 0 && from.signum() != 0) {
        throw c.error("tiers", "expected the first tier to start at from = 0, got " + from.toPlainString());
      }
      if (i > 0 && from.compareTo(tiers.get(i - 1).from()) <= 0) {
        throw c.error("tiers", "expected strictly increasing from values, got " + from.toPlainString()
            + " after " + tiers.get(i - 1).from().toPlainString() + " (tiers[" + i + "])");
      }
      tiers.add(new Tier(from, limits.rate(t, "rate")));
    }
    Map<String, BigDecimal> products = multipliers(c, "product-multipliers", limits);
    Map<String, BigDecimal> channels = multipliers(c, "channel-multipliers", limits);
    BigDecimal cap = c.isNull("monthly-cap") ? null : money(c, "monthly-cap");
    return new CommissionRules(mode, List.copyOf(tiers), products, channels, limits.attainment(c, "gate-min-attainment"), cap,
        c.oneOf("attainment-period", AttainmentPeriod.class));
  }

  private static Map<String, BigDecimal> multipliers(ConfigReader c, String key, PlanLimits limits) {
    ConfigReader obj = c.object(key);
    Map<String, BigDecimal> map = new TreeMap<>();
    for (String k : obj.keys()) {
      map.put(k, limits.multiplier(obj, ConfigReader.quoted(k)));
    }
    if (!map.containsKey(CommissionRules.DEFAULT_KEY)) {
      throw c.error(key, "expected a 'default' multiplier for values not listed");
    }
    return map;
  }

  private static CxModifier readCx(ConfigReader c) {
    List<Threshold> csat = thresholds(c, "csat-below");
    List<Threshold> complaints = thresholds(c, "complaint-rate-above");
    BigDecimal floor = rate(c, "floor");
    if (floor.compareTo(BigDecimal.ONE) > 0) {
      throw c.error("floor", "expected a floor of at most 1, got " + floor.toPlainString());
    }
    return new CxModifier(c.integer("min-responses", 0), csat, complaints, floor);
  }

  private static List<Threshold> thresholds(ConfigReader c, String key) {
    List<Threshold> list = new ArrayList<>();
    List<ConfigReader> raw = c.objectList(key);
    for (int i = 0; i < raw.size(); i++) {
      ConfigReader t = raw.get(i);
      BigDecimal multiplier = rate(t, "multiplier");
      if (multiplier.compareTo(BigDecimal.ONE) > 0) {
        throw t.error("multiplier", "expected a cx-modifier multiplier of at most 1, got " + multiplier.toPlainString());
      }
      list.add(new Threshold(rate(t, "threshold"), multiplier));
    }
    return List.copyOf(list);
  }

  private static ScorecardRules readScorecard(ConfigReader s, PlanLimits limits) {
    List<ScorecardKpi> kpis = new ArrayList<>();
    BigDecimal weights = BigDecimal.ZERO;
    for (ConfigReader k : s.objectList("kpis")) {
      BigDecimal weight = rate(k, "weight");
      weights = weights.add(weight);
      boolean lower = k.config().hasPath("lower-is-better") && k.bool("lower-is-better");
      kpis.add(new ScorecardKpi(k.string("metric"), weight, lower));
    }
    if (!kpis.isEmpty() && weights.compareTo(BigDecimal.ONE) != 0) {
      throw s.error("kpis", "expected weights summing to 1, got " + weights.toPlainString());
    }
    return new ScorecardRules(money(s, "target-bonus-quarterly"), rate(s, "threshold"),
        limits.multiplier(s, "max-multiplier"), limits.multiplier(s, "kpi-score-cap"), List.copyOf(kpis));
  }

  private static Awards readAwards(ConfigReader a, PlanLimits limits) {
    ConfigReader team = a.object("team-target");
    ConfigReader collab = a.object("collaboration");
    ConfigReader star = a.object("cx-star");
    ConfigReader nhp = a.object("new-hire-progress");
    return new Awards(money(team, "pool-per-member"), team.oneOf("split", Awards.AwardSplit.class),
        money(collab, "pool"), collab.integer("min-deals", 0),
        star.integer("top", 0), money(star, "amount"), star.integer("min-responses", 0),
        rate(star, "max-complaint-rate"),
        nhp.integer("top", 0), money(nhp, "amount"), nhp.integer("tenure-months", 0),
        limits.attainment(nhp, "min-attainment"));
  }

  private static Coaching readCoaching(ConfigReader c, PlanLimits limits) {
    return new Coaching(limits.attainment(c, "attainment-below"), c.integer("consecutive-months", 1),
        rate(c, "csat-below"), rate(c, "complaint-rate-above"));
  }

  /** A non-negative rate, multiplier or ratio with at most six decimals (DECIMAL(12,6)). */
  static BigDecimal rate(ConfigReader c, String key) {
    BigDecimal d = c.nonNegative(key);
    if (d.stripTrailingZeros().scale() > RATE_SCALE || d.abs().compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
      throw c.error(key, "expected at most " + RATE_SCALE + " decimals and less than 1,000,000, got " + d.toPlainString());
    }
    return d.setScale(RATE_SCALE);
  }

  /** A non-negative amount of money with at most two decimals. */
  private static BigDecimal money(ConfigReader c, String key) {
    BigDecimal d = c.nonNegative(key);
    if (d.stripTrailingZeros().scale() > MONEY_SCALE) {
      throw c.error(key, "expected an amount with at most 2 decimals, got " + d.toPlainString());
    }
    return d.setScale(MONEY_SCALE);
  }

  static String hash(String canonical) {
    return ContentHash.of(canonical);
  }

}

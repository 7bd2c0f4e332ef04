package org.salescomp.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.salescomp.domain.CompModel;

/**
 * Reads a scenario file: a HOCON overlay on the run's configuration that may set any
 * {@code salescomp.comp} key (as the plan files do) and a {@code salescomp.scenario} block:
 *
 * <pre>
 * salescomp.scenario {
 *   name = higher-accelerator      # the scenario key; default: the file name without .conf
 *   description = "..."
 *   plan-changes {                 # merged into the versions of a plan: only the keys that change
 *     field-sales {
 *       effective-from = "2025-07-01"   # optional: only from this month on (a version starts there)
 *       commission.tiers = [...]
 *     }
 *   }
 *   plan-by-role {                 # the plan a role uses in this scenario
 *     inside-sales = field-sales                          # every roster row of the role
 *     account-executive { field-sales = field-sales-v2 }  # only the role's rows on that plan
 *   }
 * }
 * salescomp.comp.awards.collaboration.pool = 8000.00
 * </pre>
 *
 * The result is validated exactly as the plans of a run ({@link CompModelReader}); an error names the
 * file, the line and the key path.
 */
final class ScenarioReader {
  static final String SCENARIO = Settings.ROOT + ".scenario";
  static final String PLAN_CHANGES = SCENARIO + ".plan-changes";
  static final String PLAN_BY_ROLE = SCENARIO + ".plan-by-role";
  private static final String COMP = Settings.ROOT + ".comp";
  private static final String PLANS = COMP + ".plans";
  private static final String EFFECTIVE_FROM = "effective-from";
  private static final Set<String> SCENARIO_KEYS = Set.of("name", "description", "plan-changes", "plan-by-role");
  private static final Set<String> OPEN_MAPS = Set.of("product-multipliers", "channel-multipliers");
  private static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]*";

  private ScenarioReader() {}

  static ScenarioSettings read(Path file, List<Path> overlays) {
    Config reference = ConfigFactory.parseResources(ScenarioReader.class.getClassLoader(), "reference.conf");
    Config scenario = parse(file);
    rejectUnknownKeys(scenario.root(), reference.resolve(), "");
    // the precedence of Settings.load, with the scenario file after the run's overlays
    Config merged = reference;
    for (Path overlay : overlays) {
      merged = parse(overlay).withFallback(merged);
    }
    merged = ConfigFactory.systemProperties().withOnlyPath(Settings.ROOT).withFallback(scenario.withFallback(merged));
    try {
      merged = merged.resolve();
    } catch (ConfigException e) {
      throw new ConfigError(e.origin(), Settings.ROOT, "cannot resolve substitution: " + e.getMessage());
    }
    merged = applyPlanChanges(merged);
    ConfigReader root = new ConfigReader(merged.getConfig(Settings.ROOT), Settings.ROOT);
    CompModel comp = CompModelReader.read(root.object("comp"), PlanLimits.read(root.object("validation")));
    ConfigReader block = merged.hasPath(SCENARIO) ? root.object("scenario") : null;
    String name = name(file, block);
    String description = block != null && block.config().hasPath("description") ? block.string("description") : "";
    return new ScenarioSettings(name, description, file, hash(file), comp, planByRole(merged, comp));
  }

  private static Config parse(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigError(null, file.toString(), "scenario or config file not found");
    }
    try {
      return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    } catch (ConfigException e) {
      throw new ConfigError(e.origin(), file.toString(), "not valid HOCON: " + e.getMessage());
    }
  }

  /** A scenario changes the compensation model only: no sources, lakehouse or Spark settings. */
  private static void rejectUnknownKeys(ConfigObject given, Config reference, String at) {
    for (Map.Entry<String, ConfigValue> e : given.entrySet()) {
      String path = at.isEmpty() ? e.getKey() : at + "." + e.getKey();
      ConfigValue value = e.getValue();
      boolean object = value.valueType() == ConfigValueType.OBJECT;
      if (path.equals(Settings.ROOT) && object) {
        rejectUnknownKeys((ConfigObject) value, reference, path);
      } else if (path.equals(SCENARIO) && object) {
        rejectScenarioKeys((ConfigObject) value);
      } else if (path.equals(PLANS) || path.startsWith(PLANS + ".")) {
        continue; // plan ids are the user's; CompModelReader checks the versions
      } else if (path.equals(COMP) || path.startsWith(COMP + ".")) {
        if (!reference.hasPathOrNull(path)) {
          throw new ConfigError(value.origin(), path, "unknown key (not in reference.conf)");
        }
        if (object && !OPEN_MAPS.contains(e.getKey())) {
          rejectUnknownKeys((ConfigObject) value, reference, path);
        }
      } else {
        throw new ConfigError(value.origin(), path,
            "a scenario may only set keys under " + COMP + " and " + SCENARIO);
      }
    }
  }

  private static void rejectScenarioKeys(ConfigObject block) {
    for (Map.Entry<String, ConfigValue> e : block.entrySet()) {
      if (!SCENARIO_KEYS.contains(e.getKey())) {
        throw new ConfigError(e.getValue().origin(), SCENARIO + "." + e.getKey(),
            "unknown key; expected one of description, name, plan-by-role, plan-changes");
      }
    }
  }

  /** Merges each {@code plan-changes} entry into the versions of its plan, in the merged config. */
  private static Config applyPlanChanges(Config merged) {
    if (!merged.hasPath(PLAN_CHANGES)) {
      return merged;
    }
    ConfigReader changes = new ConfigReader(merged.getConfig(PLAN_CHANGES), PLAN_CHANGES);
    ConfigObject versionDefaults = merged.getObject(COMP + ".version-defaults");
    for (String planId : changes.keys()) {
      String key = ConfigReader.quoted(planId);
      ConfigReader change = changes.object(key);
      String at = changes.path(key);
      rejectUnknownVersionKeys(change.config().root(), versionDefaults, at, true);
      String versionsPath = ConfigUtil.joinPath("salescomp", "comp", "plans", planId, "versions");
      if (!merged.hasPath(versionsPath)) {
        throw changes.error(key, "names no plan; plans: "
            + String.join(", ", new TreeMap<>(merged.getObject(PLANS).unwrapped()).keySet()));
      }
      LocalDate from = change.config().hasPath(EFFECTIVE_FROM) ? change.date(EFFECTIVE_FROM) : null;
      merged = merged.withValue(versionsPath,
          ConfigValueFactory.fromIterable(changed(merged.getList(versionsPath), change.config().root(), from)));
    }
    return merged;
  }

  /**
   * The versions with {@code change} merged into each (from {@code from} on, when given); a change
   * from a date no version starts on adds a version there: the one in force then, changed.
   */
  private static List<ConfigValue> changed(List<ConfigValue> versions, ConfigObject change, LocalDate from) {
    ConfigObject keys = change.withoutKey(EFFECTIVE_FROM);
    List<ConfigValue> result = new ArrayList<>();
    ConfigObject inForceAtFrom = null;
    LocalDate inForceDate = null;
    boolean startsAtFrom = false;
    for (ConfigValue v : versions) {
      LocalDate effective = effectiveFrom(v);
      if (effective == null) {
        result.add(v); // not a well-formed version: CompModelReader reports it
        continue;
      }
      ConfigObject version = (ConfigObject) v;
      if (from == null || !effective.isBefore(from)) {
        result.add(keys.withFallback(version));
        startsAtFrom |= effective.equals(from);
      } else {
        result.add(version);
        if (inForceDate == null || effective.isAfter(inForceDate)) {
          inForceDate = effective;
          inForceAtFrom = version;
        }
      }
    }
    if (from != null && !startsAtFrom && inForceAtFrom != null) {
      result.add(change.withFallback(inForceAtFrom));
    }
    return result;
  }

  private static LocalDate effectiveFrom(ConfigValue v) {
    if (v.valueType() != ConfigValueType.OBJECT) {
      return null;
    }
    Config version = ((ConfigObject) v).toConfig();
    try {
      return version.hasPath(EFFECTIVE_FROM) ? LocalDate.parse(version.getString(EFFECTIVE_FROM)) : null;
    } catch (ConfigException | DateTimeParseException e) {
      return null;
    }
  }

  private static void rejectUnknownVersionKeys(ConfigObject given, ConfigObject known, String at, boolean top) {
    for (Map.Entry<String, ConfigValue> e : given.entrySet()) {
      String key = e.getKey();
      String path = at + "." + key;
      if (top && key.equals(EFFECTIVE_FROM)) {
        continue;
      }
      ConfigValue knownValue = known.get(key);
      if (knownValue == null) {
        throw new ConfigError(e.getValue().origin(), path,
            "unknown key; expected one of " + String.join(", ", new TreeMap<>(known).keySet()));
      }
      if (!OPEN_MAPS.contains(key) && knownValue.valueType() == ConfigValueType.OBJECT
          && e.getValue().valueType() == ConfigValueType.OBJECT) {
        rejectUnknownVersionKeys((ConfigObject) e.getValue(), (ConfigObject) knownValue, path, false);
      }
    }
  }

  private static Map<String, Map<String, String>> planByRole(Config merged, CompModel comp) {
    Map<String, Map<String, String>> byRole = new LinkedHashMap<>();
    if (!merged.hasPath(PLAN_BY_ROLE)) {
      return byRole;
    }
    ConfigReader roles = new ConfigReader(merged.getConfig(PLAN_BY_ROLE), PLAN_BY_ROLE);
    for (String role : roles.keys()) {
      String key = ConfigReader.quoted(role);
      ConfigValue value = roles.config().getValue(key);
      Map<String, String> byPlan = new TreeMap<>();
      if (value.valueType() == ConfigValueType.OBJECT) {
        ConfigReader plans = roles.object(key);
        for (String from : plans.keys()) {
          String fromKey = ConfigReader.quoted(from);
          requirePlan(plans, fromKey, from, comp);
          byPlan.put(from, requirePlan(plans, fromKey, plans.string(fromKey), comp));
        }
      } else {
        byPlan.put(ScenarioSettings.ANY_PLAN, requirePlan(roles, key, roles.string(key), comp));
      }
      byRole.put(role, byPlan);
    }
    return byRole;
  }

  private static String requirePlan(ConfigReader at, String key, String planId, CompModel comp) {
    if (!comp.plans().containsKey(planId)) {
      throw at.error(key, "names no plan: " + planId + "; plans: " + String.join(", ", comp.plans().keySet()));
    }
    return planId;
  }

  private static String name(Path file, ConfigReader block) {
    String fileName = file.getFileName().toString();
    String name = block != null && block.config().hasPath("name") ? block.string("name")
        : fileName.endsWith(".conf") ? fileName.substring(0, fileName.length() - ".conf".length()) : fileName;
    if (!name.matches(NAME_PATTERN) || name.equals("baseline")) {
      throw block != null && block.config().hasPath("name")
          ? block.error("name", "expected a name of letters, digits, '.', '_' or '-' other than baseline, got \""
              + name + "\"")
          : new ConfigError(null, file.toString(), "the file name makes no scenario name (letters, digits, '.',"
              + " '_', '-', not baseline): set " + SCENARIO + ".name");
    }
    return name;
  }

  private static String hash(Path file) {
    try {
      return CompModelReader.hash(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.salescomp.config;

import com.typesafe.config.ConfigOriginFactory;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.salescomp.domain.CompModel;

/**
 * One simulation scenario: a file of {@code conf/scenarios/} read on top of the run's configuration
 * (see {@link ScenarioReader} for the syntax), validated like the plans.
 *
 * @param name the scenario key of every simulated row
 * @param description what the scenario changes, for the report
 * @param file the scenario file
 * @param fileHash the hash of the file's bytes, recorded with the simulation
 * @param comp the compensation model with the scenario's changes applied
 * @param planByRole role -> (roster plan id or {@value #ANY_PLAN}) -> the plan the scenario uses instead
 */
public record ScenarioSettings(String name, String description, Path file, String fileHash, CompModel comp,
    Map<String, Map<String, String>> planByRole) {

  /** A {@code plan-by-role} entry that applies to every roster plan of the role. */
  public static final String ANY_PLAN = "*";

  public ScenarioSettings {
    planByRole = Map.copyOf(planByRole);
  }

  /**
   * Reads a scenario file on top of {@code overlays} (the run's {@code --conf} files, in order); throws
   * {@link ConfigError} naming the file, the key path and what was expected.
   */
  public static ScenarioSettings load(Path file, List<Path> overlays) {
    return ScenarioReader.read(file, overlays);
  }

  /** The plan a roster row of {@code role} on {@code planId} uses in this scenario. */
  public String planFor(String role, String planId) {
    Map<String, String> byPlan = planByRole.get(role);
    if (byPlan == null) {
      return planId;
    }
    return byPlan.getOrDefault(planId, byPlan.getOrDefault(ANY_PLAN, planId));
  }

  /** A {@code plan-by-role} key names a role no roster row has: a typo would silently change nothing. */
  public ConfigError unknownRole(String role, Collection<String> rosterRoles) {
    return new ConfigError(ConfigOriginFactory.newFile(file.toString()),
        ScenarioReader.PLAN_BY_ROLE + "." + role,
        "no roster row has role " + role + " (roles: " + String.join(", ", new TreeSet<>(rosterRoles)) + ")");
  }
}

package org.salescomp.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The whole {@code salescomp.comp} block: plans by id, awards, coaching and training rules. */
public record CompModel(
    Map<String, Plan> plans, Awards awards, Coaching coaching, List<String> requiredCourses) {

  /** The previous quarter, for new-hire progress. */
  private static final int PREVIOUS_QUARTER_MONTHS = 3;

  /**
   * How many months before a month its pay can depend on: the longest clawback window (a deal line
   * of that long ago can be clawed back now), the coaching run, and the previous quarter.
   */
  public int lookbackMonths() {
    int windowDays = plans.values().stream()
        .flatMap(p -> p.versions().stream())
        .mapToInt(v -> v.clawback().windowDays())
        .max().orElse(0);
    int windowMonths = (windowDays + 27) / 28 + 1;
    return Math.max(Math.max(windowMonths, coaching.consecutiveMonths()), PREVIOUS_QUARTER_MONTHS);
  }

  /** Every plan version's hash keyed {@code plan@effective-from}, as run_log and simulation_log record them. */
  public Map<String, String> planHashes() {
    Map<String, String> hashes = new TreeMap<>();
    for (Plan plan : plans.values()) {
      for (PlanVersion v : plan.versions()) {
        hashes.put(plan.id() + "@" + v.effectiveFrom(), v.hash());
      }
    }
    return hashes;
  }
}

package org.salescomp.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A compensation plan ({@code reps.plan_id}) with its dated versions, oldest first. */
public record Plan(String id, List<PlanVersion> versions) {

  public Plan {
    versions = versions.stream().sorted(Comparator.comparing(PlanVersion::effectiveFrom)).toList();
  }

  /** The version in force for a month: the latest whose effective-from is on or before its first day. */
  public Optional<PlanVersion> versionFor(LocalDate monthStart) {
    PlanVersion found = null;
    for (PlanVersion v : versions) {
      if (!v.effectiveFrom().isAfter(monthStart)) {
        found = v;
      }
    }
    return Optional.ofNullable(found);
  }
}

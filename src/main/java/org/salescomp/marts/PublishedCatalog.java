package org.salescomp.marts;

import java.util.List;
import java.util.Optional;
import org.salescomp.engine.SpecialAwards;
import org.salescomp.engine.TeamAwards;
import org.salescomp.io.PublishedTable;
import org.salescomp.quality.Quarantine;

/**
 * Every table the nightly run publishes, each declared once beside the code that computes it. The
 * writer, the readers ({@code sql}, dashboard, statements, the PostgreSQL copy) and the run log go
 * through this list; adding a published table is one declaration here plus its computation.
 */
public final class PublishedCatalog {
  /** In the order a run writes them; run_log last, as it records the others. */
  public static final List<PublishedTable> TABLES = List.of(CommissionLines.TABLE, Payouts.TABLE, KpiRepPeriod.TABLE,
      KpiTeamPeriod.TABLE, KpiRegionPeriod.TABLE, TeamAwards.TABLE, SpecialAwards.TABLE, CoachingFlags.TABLE,
      Quarantine.TABLE, RunLog.TABLE);

  private PublishedCatalog() {}

  public static Optional<PublishedTable> find(String name) {
    return TABLES.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The tables whose rows of a closed month never change again. */
  public static List<PublishedTable> frozenByClose() {
    return TABLES.stream().filter(PublishedTable::frozenByClose).toList();
  }
}

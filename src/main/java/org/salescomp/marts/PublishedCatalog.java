package org.salescomp.marts;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.StructField;
import org.salescomp.engine.BalanceLines;
import org.salescomp.engine.Payouts;
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
  public static final List<PublishedTable> TABLES = List.of(CommissionLines.TABLE, Payouts.TABLE, BalanceLines.TABLE,
      KpiRepPeriod.TABLE, KpiTeamPeriod.TABLE, KpiRegionPeriod.TABLE, TeamAwards.TABLE, SpecialAwards.TABLE,
      CoachingFlags.TABLE, DimRep.TABLE, DimTeam.TABLE, DimMonth.TABLE, DimPlanVersion.TABLE,
      Quarantine.TABLE, PeriodClose.TABLE, RunLog.TABLE);

  private PublishedCatalog() {}

  public static Optional<PublishedTable> find(String name) {
    return TABLES.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * {@code docs/published-tables.md}: every table with its columns, written from the declarations (a
   * test keeps the file equal to this).
   */
  public static String markdown() {
    StringBuilder md = new StringBuilder("# Published tables\n\n")
        .append("Written from the declarations in the code (`org.salescomp.marts.PublishedCatalog`); a test keeps\n")
        .append("this file up to date. Every table is a Delta table under `salescomp.lakehouse.root`; readers read\n")
        .append("each at the version the last succeeded run recorded in `run_log.output_versions`.\n");
    for (PublishedTable t : TABLES) {
      md.append("\n## `").append(t.name()).append("`\n\n").append(capitalized(t.description())).append(".\n\n");
      md.append("- key: ").append(listed(t.keyColumns(), "none (two rows may be alike)")).append('\n');
      md.append("- partitioned by: ").append(listed(t.partitionColumns(), "nothing")).append('\n');
      md.append("- frozen when its month is closed: ").append(t.frozenByClose() ? "yes" : "no").append('\n');
      for (PublishedTable.Check c : t.checks()) {
        md.append("- constraint `").append(c.name()).append("`: `").append(c.condition()).append("`\n");
      }
      if (!t.views().isEmpty()) {
        md.append("- one view per period type, each without `period_type` (sum within one view, never across"
            + " period types): ").append(listed(t.views().stream().map(PublishedTable.GrainView::name).toList(), ""))
            .append('\n');
      }
      md.append("\n| column | type | meaning |\n|---|---|---|\n");
      for (StructField f : t.schema().fields()) {
        md.append("| `").append(f.name()).append("` | ").append(f.dataType().simpleString())
            .append(f.nullable() ? "" : " not null").append(" | ")
            .append(t.comment(f.name()).replace("|", "\\|")).append(" |\n");
      }
    }
    return md.toString();
  }

  private static String listed(List<String> columns, String none) {
    return columns.isEmpty() ? none : String.join(", ", columns.stream().map(c -> "`" + c + "`").toList());
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** The tables whose rows of a closed month never change again. */
  public static List<PublishedTable> frozenByClose() {
    return TABLES.stream().filter(PublishedTable::frozenByClose).toList();
  }
}

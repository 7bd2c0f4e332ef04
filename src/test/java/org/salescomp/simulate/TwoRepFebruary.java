package org.salescomp.simulate;

import static org.salescomp.testing.Frames.row;
import static org.salescomp.testing.TestPlans.d;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.domain.Awards;
import org.salescomp.domain.Coaching;
import org.salescomp.domain.CompModel;
import org.salescomp.domain.Plan;
import org.salescomp.domain.PlanVersion;
import org.salescomp.domain.RunScope;
import org.salescomp.io.SourceTable;
import org.salescomp.staging.SourceData;
import org.salescomp.testing.Frames;
import org.salescomp.testing.SharedSpark;

/**
 * The simulation tests' fixture: two tenured reps of team t1 on plan {@code p}, each with a revenue
 * quota of 100,000.00 for February 2026, and the deals a test gives; no awards.
 */
final class TwoRepFebruary {
  static final RunScope FEBRUARY = RunScope.backfill(YearMonth.of(2026, 2), YearMonth.of(2026, 2));

  private TwoRepFebruary() {}

  /** A model with plan {@code p} of one version and no award pools. */
  static CompModel model(PlanVersion version) {
    Awards noAwards = new Awards(d("0.00"), Awards.AwardSplit.EQUAL, d("0.00"), 10, 3, d("0.00"), 5, d("0.02"), 3,
        d("0.00"), 12, d("0.5"));
    return new CompModel(Map.of("p", new Plan("p", List.of(version))), noAwards,
        new Coaching(d("0.5"), 2, d("3.0"), d("0.1")), List.of());
  }

  /** @param deals rows of the deals source: r1 sells to c1, r2 to c2 */
  static SourceData inputs(Object[]... deals) {
    Map<SourceTable, Dataset<Row>> tables = new EnumMap<>(SourceTable.class);
    for (SourceTable t : SourceTable.values()) {
      tables.put(t, SharedSpark.session().createDataFrame(List.of(), t.schema()));
    }
    tables.put(SourceTable.TEAMS, Frames.of(ddl(SourceTable.TEAMS), row("t1", "Falcons", "north", null)));
    tables.put(SourceTable.REPS, Frames.of(ddl(SourceTable.REPS),
        row("r1", "Ava", "account-executive", "t1", null, null, "2020-01-01", null, "5000.00", "p", "2020-01-01", null),
        row("r2", "Ben", "account-executive", "t1", null, null, "2020-01-01", null, "5000.00", "p", "2020-01-01", null)));
    tables.put(SourceTable.CUSTOMERS, Frames.of(ddl(SourceTable.CUSTOMERS),
        row("c1", "Acme", "smb", "north", "r1", "2019-01-01"), row("c2", "Bolt", "smb", "north", "r2", "2019-01-01")));
    tables.put(SourceTable.TARGETS, Frames.of(ddl(SourceTable.TARGETS),
        row("rep", "r1", "month", "2026-02-01", "revenue", "100000.00"),
        row("rep", "r2", "month", "2026-02-01", "revenue", "100000.00")));
    tables.put(SourceTable.DEALS, Frames.of(ddl(SourceTable.DEALS), deals));
    return new SourceData(tables);
  }

  private static String ddl(SourceTable table) {
    return table.schema().toDDL();
  }
}

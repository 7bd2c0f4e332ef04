package org.salescomp.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.domain.RunScope;
import org.salescomp.intermediate.CreditedDeals;
import org.salescomp.intermediate.KpiInputs;
import org.salescomp.intermediate.PeriodRollup;
import org.salescomp.pipeline.KpiModel;

/**
 * Invariants on a generated dataset (seeded: movers, gaps in the roster, a rep never on it, a team
 * missing from the teams table, split credits, cancellations, deals and surveys after the logical
 * date): for every period, the reps, the teams and the regions add up to the same revenue, and that is
 * the total credited amount of the deals closed in the period; the other summed measures agree too.
 */
@Tag("fast")
class KpiTotalsTest {
  private static final RunScope SCOPE = RunScope.backfill(YearMonth.of(2026, 1), YearMonth.of(2026, 5));
  private static final List<String> SUMMED = List.of("revenue", "won_deals", "cancelled_amount", "new_customers",
      "csat_responses", "complaints");

  private static KpiModel model;
  private static Dataset<Row> credited;

  @BeforeAll
  static void generate() {
    Random rnd = new Random(20260331L);
    KpiInputs in = new KpiInputs()
        .team("t1", "north").team("t2", "north").team("t3", "south")
        .rep("r1", "t1", "2025-06-01", null).rep("r2", "t1", "2025-06-01", null)
        .rep("r3", "t2", "2025-06-01", "2026-02-10").rep("r3", "t3", "2026-02-10", null)
        // a gap: r4 is off the roster from 2026-03-01 to 2026-03-20
        .rep("r4", "t3", "2025-06-01", "2026-03-01").rep("r4", "t3", "2026-03-20", null)
        .rep("r5", "t2", "2026-02-01", null)
        // t4 is not in the teams table
        .rep("r6", "t4", "2025-06-01", null);
    String[] reps = {"r1", "r2", "r3", "r4", "r5", "r6", "r7"};
    for (int c = 1; c <= 15; c++) {
      in.customer("c" + c, c % 5 == 0 ? null : reps[rnd.nextInt(reps.length)]);
    }
    LocalDate first = LocalDate.parse("2025-11-01");
    for (int d = 1; d <= 120; d++) {
      LocalDate close = first.plusDays(rnd.nextInt(225));
      String status = switch (rnd.nextInt(6)) {
        case 0 -> "cancelled";
        case 1 -> "refunded";
        default -> "won";
      };
      String statusDate = status.equals("won") ? null : close.plusDays(1 + rnd.nextInt(80)).toString();
      String amount = BigDecimal.valueOf(100 + rnd.nextInt(500_000), 2).toString();
      in.deal("D" + d, "c" + (1 + rnd.nextInt(15)), reps[rnd.nextInt(reps.length)], amount, close.toString(),
          status, statusDate);
      if (rnd.nextInt(4) == 0) {
        String a = reps[rnd.nextInt(reps.length)];
        String b = reps[(List.of(reps).indexOf(a) + 1 + rnd.nextInt(reps.length - 1)) % reps.length];
        in.credit("D" + d, a, "0.333333").credit("D" + d, b, "0.666667");
      }
      if (rnd.nextInt(2) == 0) {
        in.survey("S" + d, "c" + (1 + rnd.nextInt(15)), rnd.nextBoolean() ? "D" + d : null,
            rnd.nextInt(3) == 0 ? reps[rnd.nextInt(reps.length)] : null, close.plusDays(rnd.nextInt(20)).toString(),
            1 + rnd.nextInt(5));
      }
      if (rnd.nextInt(4) == 0) {
        in.complaint("K" + d, "c" + (1 + rnd.nextInt(15)), rnd.nextBoolean() ? "D" + d : null, null,
            close.plusDays(rnd.nextInt(20)).toString());
      }
    }
    model = in.model(SCOPE);
    model.persist();
    credited = in.creditedDeals(SCOPE);
  }

  @AfterAll
  static void release() {
    model.unpersist();
  }

  @Test
  void repsTeamsAndRegionsAddUpToTheCreditedDealsInEveryPeriod() {
    Map<String, BigDecimal> deals = totals(credited
        .withColumn("period", explode(PeriodRollup.periodsOf(col(CreditedDeals.MONTH))))
        .select(col("period.*"), col(CreditedDeals.CREDITED_AMOUNT).as("revenue")), List.of("revenue"));
    assertThat(deals).hasSizeGreaterThan(10);
    assertThat(totals(model.repPeriods(), List.of("revenue"))).isEqualTo(deals);
    assertThat(totals(model.teamPeriods(), List.of("revenue"))).isEqualTo(deals);
    assertThat(totals(model.regionPeriods(), List.of("revenue"))).isEqualTo(deals);
  }

  @Test
  void everySummedMeasureAgreesAcrossRepsTeamsAndRegions() {
    Map<String, BigDecimal> reps = totals(model.repPeriods(), SUMMED);
    assertThat(totals(model.teamPeriods(), SUMMED)).isEqualTo(reps);
    assertThat(totals(model.regionPeriods(), SUMMED)).isEqualTo(reps);
  }

  @Test
  void keysAreUnique() {
    assertThat(duplicates(model.repPeriods(), "rep_id")).isZero();
    assertThat(duplicates(model.teamPeriods(), "team_id")).isZero();
    assertThat(duplicates(model.regionPeriods(), "region")).isZero();
  }

  /** "period_type/period_start/measure" -> the measure's total over the rows, for nonzero totals. */
  private static Map<String, BigDecimal> totals(Dataset<Row> rows, List<String> measures) {
    Column[] sums = measures.stream().map(m -> sum(col(m)).cast("decimal(38,2)").as(m)).toArray(Column[]::new);
    Map<String, BigDecimal> totals = new TreeMap<>();
    for (Row r : rows.groupBy("period_type", "period_start").agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length))
        .collectAsList()) {
      for (int i = 0; i < measures.size(); i++) {
        BigDecimal total = r.getDecimal(2 + i);
        if (total.signum() != 0) {
          totals.put(r.getString(0) + "/" + r.get(1) + "/" + measures.get(i), total);
        }
      }
    }
    return totals;
  }

  private static long duplicates(Dataset<Row> rows, String key) {
    return rows.groupBy(key, "period_type", "period_start").count().where("count > 1").count();
  }
}

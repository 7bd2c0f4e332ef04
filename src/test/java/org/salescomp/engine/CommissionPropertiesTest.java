package org.salescomp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.domain.TierMode;
import org.salescomp.testing.Frames;
import org.salescomp.testing.TestPlans;

/**
 * Properties of marginal commission on random rep-months: never negative, and with non-decreasing
 * tier rates, raising one deal's amount never lowers the rep's commission for the month.
 */
@Tag("fast")
class CommissionPropertiesTest {
  private static final String[] PRODUCTS = {"software", "hardware", "services"};

  @Test
  void raisingADealNeverLowersMarginalCommission() {
    Random random = new Random(20261130L);
    List<Object[]> deals = new ArrayList<>();
    List<Object[]> repMonths = new ArrayList<>();
    List<Object[]> quotas = new ArrayList<>();
    for (int month = 0; month < 25; month++) {
      int dealCount = 1 + random.nextInt(6);
      BigDecimal[] amounts = new BigDecimal[dealCount];
      String[] products = new String[dealCount];
      for (int d = 0; d < dealCount; d++) {
        amounts[d] = BigDecimal.valueOf(100 + random.nextInt(6_000_000), 2);
        products[d] = PRODUCTS[random.nextInt(PRODUCTS.length)];
      }
      String quota = BigDecimal.valueOf(1_000_000 + random.nextInt(10_000_000), 2).toPlainString();
      // variant 0 is the original month; variant k raises deal k-1 by a random amount
      for (int variant = 0; variant <= dealCount; variant++) {
        String rep = "m" + month + "-v" + variant;
        repMonths.add(Frames.row(rep, "2026-01-01", 31, 31, "t1", "ae", "p", "2020-01-01", null, 60));
        quotas.add(Frames.row(rep, "2026-01-01", quota));
        for (int d = 0; d < dealCount; d++) {
          BigDecimal amount = amounts[d];
          if (variant == d + 1) {
            amount = amount.add(BigDecimal.valueOf(1 + random.nextInt(3_000_000), 2));
          }
          deals.add(Frames.row("D" + d, rep, "2026-01-01", "2026-01-" + (10 + d), products[d], "direct",
              amount.toPlainString()));
        }
      }
    }
    Dataset<Row> plans = RepMonthPlans.build(
        Frames.of(MonthStepsTest.REP_MONTHS, repMonths.toArray(Object[][]::new)),
        TestPlans.planTable(TestPlans.version(TestPlans.workedExample(TierMode.MARGINAL))));
    Dataset<Row> lines = DealCommissionLines.build(
        Frames.of("deal_id string, rep_id string, month date, close_date date, product_category string, "
            + "channel string, credited_amount decimal(18,2)", deals.toArray(Object[][]::new)),
        plans, Frames.of("rep_id string, month date, quota decimal(18,2)", quotas.toArray(Object[][]::new)));

    assertThat(lines.where("amount < 0").count()).isZero();
    Map<String, BigDecimal> totals = new HashMap<>();
    for (Row r : lines.groupBy("rep_id").sum("amount").collectAsList()) {
      totals.put(r.getString(0), r.getDecimal(1));
    }
    int compared = 0;
    for (Map.Entry<String, BigDecimal> e : totals.entrySet()) {
      String rep = e.getKey();
      if (!rep.endsWith("-v0")) {
        BigDecimal original = totals.get(rep.substring(0, rep.indexOf("-v")) + "-v0");
        assertThat(e.getValue()).as("commission of %s against the original month", rep)
            .isGreaterThanOrEqualTo(original);
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(40);
  }
}

package org.salescomp.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.testing.GeneratedSample;

/**
 * The generated company looks like a sales organisation: shares and shapes within broad bands
 * (scale 0.05 over January to June, some 1,250 deals).
 */
@Tag("slow")
class GeneratedRealismTest {

  @BeforeAll
  static void views() {
    GeneratedSample.registerViews();
  }

  @AfterAll
  static void dropViews() {
    GeneratedSample.dropViews();
  }

  @Test
  void aboutOneDealInTenIsSplit() {
    assertThat(value("select count(distinct deal_id) / (select count(*) from deals)"
        + " from deal_credits")).isBetween(0.05, 0.15);
  }

  @Test
  void aFewDealsAreCancelledOrRefunded() {
    assertThat(value("select avg(case when status = 'won' then 0.0 else 1.0 end) from deals"))
        .isBetween(0.01, 0.06);
  }

  @Test
  void dealSizesHaveAMedianOfAFewThousandAndALongTail() {
    double median = value("select percentile(amount, 0.5) from deals where currency = 'USD'");
    double top = value("select max(amount) from deals where currency = 'USD'");
    assertThat(median).isBetween(1_000.0, 10_000.0);
    assertThat(top).isGreaterThan(10 * median);
  }

  @Test
  void quarterEndsAreBusyAndWeekendsQuiet() {
    double january = value("select count(*) from deals where month(close_date) = 1");
    double march = value("select count(*) from deals where month(close_date) = 3");
    assertThat(march).isGreaterThan(1.2 * january);
    assertThat(value("select avg(case when dayofweek(close_date) in (1, 7) then 1.0 else 0 end)"
        + " from deals")).isLessThan(0.05);
  }

  @Test
  void everyCurrencyAndChannelAndCategoryOccurs() {
    assertThat(value("select count(distinct currency) from deals")).isEqualTo(4);
    assertThat(value("select count(distinct channel) from deals")).isEqualTo(3);
    assertThat(value("select count(distinct product_category) from deals")).isEqualTo(4);
  }

  @Test
  void theRosterChanges() {
    // one manager per team, new hires on the new-hire plan, leavers, and moves between teams
    assertThat(value("select count(distinct rep_id) from reps where role = 'manager'"))
        .isEqualTo(value("select count(*) from teams"));
    assertThat(value("select count(*) from reps where plan_id = 'new-hire'")).isPositive();
    assertThat(value("select count(*) from reps where termination_date is not null"))
        .isPositive();
    assertThat(value("select count(*) from (select rep_id from reps group by rep_id"
        + " having count(distinct team_id) > 1)")).isPositive();
  }

  @Test
  void customersSatisfyAndComplainAndChurn() {
    assertThat(value("select avg(score) from csat_surveys")).isBetween(3.5, 4.6);
    assertThat(value("select count(*) from csat_surveys where deal_id is null and rep_id is null"))
        .isPositive();
    assertThat(value("select count(*) / (select count(*) from deals) from complaints"))
        .isBetween(0.01, 0.08);
    assertThat(value("select count(distinct customer_id) from customer_retention"
        + " where not active")).isPositive();
  }

  @Test
  void aboutHalfTheTeamsHaveAQuarterRevenueTarget() {
    assertThat(value("select count(distinct scope_id) / (select count(*) from teams) from targets"
        + " where scope = 'team' and metric = 'revenue'")).isBetween(0.2, 0.8);
  }

  private static double value(String sql) {
    Row row = GeneratedSample.spark().sql(sql).first();
    return ((Number) row.get(0)).doubleValue();
  }
}

package org.salescomp.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.engine.PayMix;

/** The dashboard's embedded data equal the published tables, queried independently in SQL. */
@Tag("slow")
class DashboardDataTest {
  static PublishedDemo demo;
  static JsonNode data;

  @BeforeAll
  static void render() throws Exception {
    demo = PublishedDemo.get();
    String html = DashboardPage.render(DashboardPage.data(demo.lakehouse(), PublishedDemo.QUARTER_END),
        demo.settings.messages(), demo.settings.localeFormat());
    String json = html.substring(html.indexOf("<script type=\"application/json\" id=\"data\">") + 42);
    // decimals as BigDecimal (Jackson drops trailing zeros: compare them by value)
    data = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .readTree(json.substring(0, json.indexOf("</script>")));
  }

  @Test
  void revenueAndQuotaByMonthAreTheSumsOfTheRegionRows() {
    List<Row> expected = demo.sql("""
        select cast(period_start as string), sum(revenue), sum(quota) from kpi_region_period
        where period_type = 'month' and period_start <= '2025-03-01' group by period_start order by period_start
        """).collectAsList();
    JsonNode trends = data.get("trends");
    // January to March: the months published up to the dashboard's month
    assertThat(texts(trends.get("months"))).containsExactly("2025-01-01", "2025-02-01", "2025-03-01");
    for (int i = 0; i < expected.size(); i++) {
      assertThat(decimal(trends.get("revenue").get(i))).isEqualByComparingTo(expected.get(i).getDecimal(1));
      assertThat(decimal(trends.get("quota").get(i))).isEqualByComparingTo(expected.get(i).getDecimal(2));
    }
  }

  @Test
  void payMixAddsUpToThePayoutsTotal() {
    JsonNode trends = data.get("trends");
    List<Row> totals = demo.sql("select sum(total), sum(base_salary), sum(awards) from payouts"
        + " where month <= '2025-03-01' group by month order by month").collectAsList();
    for (int i = 0; i < totals.size(); i++) {
      BigDecimal sum = BigDecimal.ZERO;
      for (String group : PayMix.GROUPS.keySet()) {
        sum = sum.add(decimal(trends.get("payMix").get(group).get(i)));
      }
      assertThat(sum).isEqualByComparingTo(totals.get(i).getDecimal(0));
      assertThat(decimal(trends.get("compensation").get(i))).isEqualByComparingTo(totals.get(i).getDecimal(0));
      assertThat(decimal(trends.get("payMix").get("base").get(i))).isEqualByComparingTo(totals.get(i).getDecimal(1));
      assertThat(decimal(trends.get("payMix").get("awards").get(i))).isEqualByComparingTo(totals.get(i).getDecimal(2));
    }
    // March closes a quarter: its awards are paid then
    assertThat(decimal(trends.get("payMix").get("awards").get(2))).isPositive();
  }

  @Test
  void tilesAreTheMonthsTotals() {
    Row expected = demo.sql("""
        select (select sum(revenue) from kpi_region_period where period_type = 'month' and period_start = '2025-03-01'),
               (select sum(total) from payouts where month = '2025-03-01'),
               (select count(*) from payouts where month = '2025-03-01'),
               (select count(*) from coaching_flags where month = '2025-03-01')
        """).first();
    JsonNode tiles = data.get("snapshot").get("tiles");
    assertThat(new BigDecimal(tiles.get("revenue").get("value").asText())).isEqualTo(expected.getDecimal(0));
    assertThat(new BigDecimal(tiles.get("compensation").get("value").asText())).isEqualTo(expected.getDecimal(1));
    assertThat(tiles.get("repsPaid").get("value").asLong()).isEqualTo(expected.getLong(2));
    assertThat(tiles.get("coachingFlags").get("value").asLong()).isEqualTo(expected.getLong(3));
  }

  @Test
  void attainmentBandsCountEveryRepOfTheMonth() {
    long reps = demo.sql("select count(*) from kpi_rep_period where period_type = 'month'"
        + " and period_start = '2025-03-01'").first().getLong(0);
    long counted = 0;
    for (JsonNode n : data.get("snapshot").get("attainmentBands")) {
      counted += n.asLong();
    }
    assertThat(counted).isEqualTo(reps);
  }

  @Test
  void leaderboardAwardsAreTheQuartersTeamAwards() {
    JsonNode board = data.get("snapshot").get("leaderboard");
    assertThat(board.get("awardsQuarter").asText()).isEqualTo("2025-01-01");
    Map<String, BigDecimal> expected = new java.util.HashMap<>();
    demo.sql("select team_id, sum(amount) from team_awards where quarter = '2025-01-01' group by team_id")
        .collectAsList().forEach(r -> expected.put(r.getString(0), r.getDecimal(1)));
    assertThat(expected).isNotEmpty();
    List<String> teams = new ArrayList<>();
    for (JsonNode row : board.get("rows")) {
      teams.add(row.get("team").asText());
      JsonNode amount = row.get("teamAwards");
      BigDecimal awarded = expected.get(row.get("team").asText());
      if (awarded == null) {
        assertThat(amount.isNull()).as(row.get("team").asText()).isTrue();
      } else {
        assertThat(decimal(amount)).as(row.get("team").asText()).isEqualByComparingTo(awarded);
      }
    }
    long teamsOfTheMonth = demo.sql("select count(*) from kpi_team_period where period_type = 'month'"
        + " and period_start = '2025-03-01' and team_id is not null").first().getLong(0);
    assertThat(teams).doesNotHaveDuplicates().hasSize((int) teamsOfTheMonth);
  }

  @Test
  void coachingFlagsByTeamAddUpToTheMonthsFlags() {
    long flags = demo.sql("select count(*) from coaching_flags where month = '2025-03-01'").first().getLong(0);
    long counted = 0;
    for (JsonNode perTeam : data.get("snapshot").get("coaching").get("reasons")) {
      for (JsonNode n : perTeam) {
        counted += n.asLong();
      }
    }
    assertThat(flags).isPositive();
    assertThat(counted).isEqualTo(flags);
  }

  @Test
  void aMonthWithoutPayoutsIsAUsageErrorNotAnEmptyPage() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DashboardPage.data(demo.lakehouse(), java.time.YearMonth.of(2030, 1)))
        .isInstanceOf(NothingPublishedException.class).hasMessageContaining("2030-01");
  }

  private static BigDecimal decimal(JsonNode node) {
    return node.decimalValue();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}

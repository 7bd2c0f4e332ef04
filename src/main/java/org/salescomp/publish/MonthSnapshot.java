package org.salescomp.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.engine.SpecialAwards;
import org.salescomp.engine.TeamAwards;
import org.salescomp.marts.CoachingFlags;
import org.salescomp.marts.KpiRegionPeriod;
import org.salescomp.marts.KpiRepPeriod;
import org.salescomp.marts.KpiTeamPeriod;
import org.salescomp.engine.Payouts;

/**
 * The dashboard's view of one month: headline figures, the attainment distribution of the reps, the team
 * leaderboard with the awards of the last quarter paid by then, and coaching flags by team.
 */
final class MonthSnapshot {
  private MonthSnapshot() {}

  static Map<String, Object> build(PublishedLakehouse lakehouse, LocalDate month) {
    Dataset<Row> repMonth = lakehouse.table(KpiRepPeriod.TABLE)
        .where(col("period_type").equalTo(lit("month")).and(col("period_start").equalTo(lit(month))));
    Map<String, Object> snapshot = new LinkedHashMap<>();
    snapshot.put("tiles", tiles(lakehouse, month));
    List<BigDecimal> attainments = Rows.collect(repMonth.select("attainment")).stream()
        .map(r -> r.getDecimal(0)).toList();
    snapshot.put("attainmentBands", AttainmentBands.count(attainments));
    snapshot.put("leaderboard", leaderboard(lakehouse, month));
    snapshot.put("coaching", coaching(lakehouse, repMonth, month));
    return snapshot;
  }

  /** The quarter whose awards were paid last by the end of {@code month} (paid in a quarter's last month). */
  static LocalDate lastPaidQuarter(LocalDate month) {
    LocalDate quarter = month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
    return month.getMonthValue() % 3 == 0 ? quarter : quarter.minusMonths(3);
  }

  private static Map<String, Object> tiles(PublishedLakehouse lakehouse, LocalDate month) {
    Row kpi = lakehouse.table(KpiRegionPeriod.TABLE)
        .where(col("period_type").equalTo(lit("month")).and(col("period_start").equalTo(lit(month))))
        .agg(sum("revenue").as("revenue"), sum("quota").as("quota")).first();
    Row pay = lakehouse.table(Payouts.TABLE).where(col("month").equalTo(lit(month)))
        .agg(sum("total").as("total"), count(lit(1)).as("reps")).first();
    long flags = lakehouse.table(CoachingFlags.TABLE).where(col("month").equalTo(lit(month))).count();
    BigDecimal revenue = Rows.decimal(kpi, "revenue");
    BigDecimal quota = Rows.decimal(kpi, "quota");
    BigDecimal compensation = Rows.decimal(pay, "total");
    Map<String, Object> tiles = new LinkedHashMap<>();
    tiles.put("revenue", tile(revenue, Html.money(revenue)));
    tiles.put("quota", tile(quota, Html.money(quota)));
    BigDecimal attainment = ratio(revenue, quota);
    tiles.put("attainment", tile(attainment, Html.percent(attainment)));
    tiles.put("compensation", tile(compensation, Html.money(compensation)));
    BigDecimal cost = ratio(compensation, revenue);
    tiles.put("costOfSales", tile(cost, Html.percent(cost)));
    long reps = Rows.count(pay, "reps");
    tiles.put("repsPaid", tile(BigDecimal.valueOf(reps), Long.toString(reps)));
    tiles.put("coachingFlags", tile(BigDecimal.valueOf(flags), Long.toString(flags)));
    return tiles;
  }

  private static Map<String, Object> tile(BigDecimal value, String text) {
    Map<String, Object> tile = new LinkedHashMap<>();
    tile.put("value", value == null ? null : value.toPlainString());
    tile.put("text", value == null ? "–" : text);
    return tile;
  }

  private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
    return numerator == null || denominator == null || denominator.signum() == 0 ? null
        : numerator.divide(denominator, 6, RoundingMode.HALF_UP);
  }

  /** Teams by the month's attainment (then revenue), with the awards of the last quarter paid. */
  private static Map<String, Object> leaderboard(PublishedLakehouse lakehouse, LocalDate month) {
    LocalDate quarter = lastPaidQuarter(month);
    List<Row> teams = Rows.collect(lakehouse.table(KpiTeamPeriod.TABLE)
        .where(col("period_type").equalTo(lit("month")).and(col("period_start").equalTo(lit(month)))
            // the row of events without a team is no team to rank
            .and(col("team_id").isNotNull()))
        .orderBy(col("attainment").desc_nulls_last(), col("revenue").desc_nulls_last(), col("team_id"))
        .select("team_id", "region", "revenue", "quota", "attainment"));
    Map<String, Row> teamAwards = byKey(lakehouse.table(TeamAwards.TABLE).where(col("quarter").equalTo(lit(quarter)))
        .groupBy("team_id").agg(sum("amount").as("amount"), sort_array(collect_set("award")).as("awards")));
    Dataset<Row> repTeams = lakehouse.table(KpiRepPeriod.TABLE)
        .where(col("period_type").equalTo(lit("quarter")).and(col("period_start").equalTo(lit(quarter))))
        .select("rep_id", "team_id");
    Map<String, Row> specialAwards = byKey(lakehouse.table(SpecialAwards.TABLE).where(col("quarter").equalTo(lit(quarter)))
        .join(repTeams, "rep_id").groupBy("team_id").agg(sum("amount").as("amount"), count(lit(1)).as("count")));

    List<Map<String, Object>> rows = new ArrayList<>();
    for (Row team : teams) {
      String id = Rows.string(team, "team_id");
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("rank", rows.size() + 1);
      row.put("team", id);
      row.put("region", Rows.string(team, "region"));
      row.put("revenue", Rows.decimal(team, "revenue"));
      row.put("quota", Rows.decimal(team, "quota"));
      row.put("attainment", Rows.decimal(team, "attainment"));
      Row awards = teamAwards.get(id);
      row.put("teamAwards", awards == null ? null : Rows.decimal(awards, "amount"));
      row.put("teamAwardNames", awards == null ? List.of() : awards.getList(awards.fieldIndex("awards")));
      Row special = specialAwards.get(id);
      row.put("specialAwards", special == null ? null : Rows.decimal(special, "amount"));
      row.put("specialAwardCount", special == null ? 0L : Rows.count(special, "count"));
      rows.add(row);
    }
    Map<String, Object> leaderboard = new LinkedHashMap<>();
    leaderboard.put("awardsQuarter", quarter.toString());
    leaderboard.put("rows", rows);
    return leaderboard;
  }

  /** Flags of the month per team and reason; every team of the month appears, with zeros when it has none. */
  private static Map<String, Object> coaching(PublishedLakehouse lakehouse, Dataset<Row> repMonth, LocalDate month) {
    List<Row> counts = Rows.collect(lakehouse.table(CoachingFlags.TABLE).where(col("month").equalTo(lit(month)))
        .join(repMonth.select("rep_id", "team_id"), new String[] {"rep_id"}, "left")
        .groupBy("team_id", "reason").agg(count(lit(1)).as("flags")));
    TreeSet<String> teams = new TreeSet<>();
    Rows.collect(repMonth.select("team_id").distinct().where(col("team_id").isNotNull()))
        .forEach(r -> teams.add(r.getString(0)));
    TreeSet<String> reasons = new TreeSet<>();
    for (Row r : counts) {
      teams.add(teamName(Rows.string(r, "team_id")));
      reasons.add(Rows.string(r, "reason"));
    }
    Map<String, Object> byReason = new LinkedHashMap<>();
    for (String reason : reasons) {
      List<Long> perTeam = new ArrayList<>();
      for (String team : teams) {
        perTeam.add(counts.stream().filter(r -> reason.equals(Rows.string(r, "reason"))
            && team.equals(teamName(Rows.string(r, "team_id")))).mapToLong(r -> Rows.count(r, "flags")).sum());
      }
      byReason.put(reason, perTeam);
    }
    Map<String, Object> coaching = new LinkedHashMap<>();
    coaching.put("teams", List.copyOf(teams));
    coaching.put("reasons", byReason);
    return coaching;
  }

  /** A flag of a rep without a team row that month is shown, not dropped. */
  private static String teamName(String teamId) {
    return teamId == null ? "(no team)" : teamId;
  }

  private static Map<String, Row> byKey(Dataset<Row> rows) {
    Map<String, Row> byKey = new LinkedHashMap<>();
    for (Row row : Rows.collect(rows)) {
      byKey.put(row.getString(0), row);
    }
    return byKey;
  }
}

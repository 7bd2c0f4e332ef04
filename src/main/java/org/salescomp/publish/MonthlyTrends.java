package org.salescomp.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.marts.KpiRegionPeriod;
import org.salescomp.engine.Payouts;
import org.salescomp.engine.PayMix;

/**
 * The dashboard's trends over the published months of the twelve up to the dashboard's month: revenue
 * against quota and customer experience from {@code kpi_region_period}, pay mix and compensation from
 * {@code payouts}, and cost of sales (compensation / revenue).
 */
final class MonthlyTrends {
  static final int MONTHS = 12;
  static final List<String> CX_MEASURES = List.of("csat_avg", "complaint_rate", "retention_rate");

  private MonthlyTrends() {}

  static Map<String, Object> build(PublishedLakehouse lakehouse, LocalDate month) {
    LocalDate from = month.minusMonths(MONTHS - 1L);
    Dataset<Row> regionMonths = lakehouse.table(KpiRegionPeriod.TABLE)
        .where(col("period_type").equalTo(lit("month")).and(col("period_start").between(lit(from), lit(month))));
    List<Row> totals = Rows.collect(regionMonths.groupBy("period_start")
        .agg(sum("revenue").as("revenue"), sum("quota").as("quota")).orderBy("period_start"));
    List<String> months = totals.stream().map(r -> Rows.date(r, "period_start")).toList();

    Column[] paySums = PayMix.sums();
    List<Row> pay = Rows.collect(lakehouse.table(Payouts.TABLE).where(col("month").between(lit(from), lit(month)))
        .groupBy("month").agg(paySums[0], Arrays.copyOfRange(paySums, 1, paySums.length)));

    Map<String, Object> trends = new LinkedHashMap<>();
    trends.put("months", months);
    List<BigDecimal> revenue = Rows.series(totals, "period_start", months, "revenue");
    trends.put("revenue", revenue);
    trends.put("quota", Rows.series(totals, "period_start", months, "quota"));
    Map<String, Object> mix = new LinkedHashMap<>();
    for (String group : PayMix.GROUPS.keySet()) {
      mix.put(group, Rows.series(pay, "month", months, group));
    }
    trends.put("payMix", mix);
    List<BigDecimal> compensation = Rows.series(pay, "month", months, "total");
    trends.put("compensation", compensation);
    trends.put("costOfSales", ratios(compensation, revenue));
    trends.put("cx", customerExperience(regionMonths, months));
    return trends;
  }

  /** compensation / revenue per month, six decimals; null without revenue. */
  static List<BigDecimal> ratios(List<BigDecimal> compensation, List<BigDecimal> revenue) {
    List<BigDecimal> ratios = new ArrayList<>();
    for (int i = 0; i < revenue.size(); i++) {
      BigDecimal r = revenue.get(i);
      BigDecimal c = compensation.get(i);
      ratios.add(r == null || c == null || r.signum() == 0 ? null : c.divide(r, 6, RoundingMode.HALF_UP));
    }
    return ratios;
  }

  /** Per CX measure, per region (rows without a region are left out), the monthly values as published. */
  private static Map<String, Object> customerExperience(Dataset<Row> regionMonths, List<String> months) {
    List<Row> rows = Rows.collect(regionMonths.where(col("region").isNotNull())
        .select("region", "period_start", "csat_avg", "complaint_rate", "retention_rate"));
    TreeSet<String> regions = new TreeSet<>();
    rows.forEach(r -> regions.add(Rows.string(r, "region")));
    Map<String, Object> cx = new LinkedHashMap<>();
    cx.put("regions", List.copyOf(regions));
    for (String measure : CX_MEASURES) {
      Map<String, Object> byRegion = new LinkedHashMap<>();
      for (String region : regions) {
        List<Row> ofRegion = rows.stream().filter(r -> region.equals(Rows.string(r, "region"))).toList();
        byRegion.put(region, Rows.series(ofRegion, "period_start", months, measure));
      }
      cx.put(measure, byRegion);
    }
    return cx;
  }
}

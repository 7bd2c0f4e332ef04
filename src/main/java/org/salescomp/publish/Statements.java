package org.salescomp.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.engine.Explanations;
import org.salescomp.engine.PayLines;
import org.salescomp.marts.CommissionLines;
import org.salescomp.marts.KpiRepPeriod;
import org.salescomp.engine.Payouts;

/**
 * Builds the pay statements of a month from the published tables: {@code commission_lines} for the lines,
 * {@code payouts} for the total they must reconcile with, {@code kpi_rep_period} for the KPIs. One query
 * per table for the whole month, however many reps.
 */
public final class Statements {
  private static final Comparator<StatementLine> MODEL_ORDER = Comparator
      .comparingInt((StatementLine l) -> LineDrivers.rank(l.lineType()))
      .thenComparing(StatementLine::lineType)
      .thenComparing(StatementLine::forMonth, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(StatementLine::forLineType, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(StatementLine::dealId, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(StatementLine::explanation, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(StatementLine::amount);
  /** Key columns of kpi_rep_period: not measures. */
  private static final Set<String> KPI_KEYS = Set.of("rep_id", "period_type", "period_start", "run_id");

  private Statements() {}

  /**
   * The statements of a month: of one rep, or of every rep with a payout when {@code repId} is null.
   * Throws {@link NothingPublishedException} when there is none, and IllegalStateException when the
   * published lines and payouts disagree (a statement must never show a total other than the payout).
   */
  public static List<Statement> forMonth(PublishedLakehouse lakehouse, YearMonth month, String repId) {
    LocalDate first = month.atDay(1);
    Column ofRep = repId == null ? lit(true) : col("rep_id").equalTo(lit(repId));
    Map<String, BigDecimal> payouts = payoutTotals(
        lakehouse.table(Payouts.TABLE).where(col("month").equalTo(lit(first)).and(ofRep)));
    if (payouts.isEmpty()) {
      throw new NothingPublishedException(repId == null ? "no payouts published for " + month
          : "no payout published for rep " + repId + " in " + month);
    }
    Map<String, List<StatementLine>> lines = lines(
        lakehouse.table(CommissionLines.TABLE).where(col("month").equalTo(lit(first)).and(ofRep)));
    Dataset<Row> kpis = lakehouse.table(KpiRepPeriod.TABLE).where(ofRep);
    Map<String, Map<String, Object>> monthKpis = kpiRows(kpis.where(
        col("period_type").equalTo(lit("month")).and(col("period_start").equalTo(lit(first)))));
    Map<String, Map<String, Object>> quarterKpis = month.getMonthValue() % 3 == 0
        ? kpiRows(kpis.where(col("period_type").equalTo(lit("quarter"))
            .and(col("period_start").equalTo(lit(first.minusMonths(2))))))
        : Map.of();

    LocalDate closedOn = closedOn(lakehouse, first);
    Set<String> reps = new TreeSet<>(payouts.keySet());
    reps.addAll(lines.keySet());
    List<Statement> statements = new ArrayList<>();
    for (String rep : reps) {
      if (!payouts.containsKey(rep) || !lines.containsKey(rep)) {
        throw new IllegalStateException("published tables disagree for rep " + rep + " in " + month + ": "
            + (payouts.containsKey(rep) ? "a payout without lines" : "lines without a payout"));
      }
      statements.add(new Statement(rep, first, lines.get(rep), payouts.get(rep),
          monthKpis.getOrDefault(rep, Map.of()), quarterKpis.getOrDefault(rep, Map.of()), closedOn));
    }
    return statements;
  }

  /** The day the month was closed (its lines are what was paid), or null while it is open. */
  private static LocalDate closedOn(PublishedLakehouse lakehouse, LocalDate month) {
    if (!lakehouse.has("period_close")) {
      return null;
    }
    List<Row> closes = lakehouse.table("period_close").where(col("month").equalTo(lit(month)))
        .select(col("closed_at").cast("date")).collectAsList();
    return closes.isEmpty() ? null : closes.get(0).getLocalDate(0);
  }

  private static Map<String, BigDecimal> payoutTotals(Dataset<Row> payouts) {
    Map<String, BigDecimal> totals = new TreeMap<>();
    for (Row row : payouts.select("rep_id", "total").collectAsList()) {
      if (totals.put(row.getString(0), row.getDecimal(1)) != null) {
        throw new IllegalStateException("payouts has two rows for rep " + row.getString(0) + " in one month");
      }
    }
    return totals;
  }

  private static Map<String, List<StatementLine>> lines(Dataset<Row> commissionLines) {
    Map<String, List<StatementLine>> byRep = new TreeMap<>();
    // tables published before explanations were data have no key and arguments: their text is shown
    boolean keyed = List.of(commissionLines.columns()).contains(PayLines.EXPLANATION_KEY);
    // nor, before the pay ledger, for_month and for_line_type
    boolean ledger = List.of(commissionLines.columns()).contains(PayLines.FOR_MONTH);
    Dataset<Row> rows = commissionLines.select(col("rep_id"), col("line_type"), col("deal_id"),
        col("credited_amount"), col("tier"), col("rate"), col("multiplier"), col("amount"), col("explanation"),
        col("plan_id"), keyed ? col(PayLines.EXPLANATION_KEY) : lit(null).cast("string"),
        keyed ? col(PayLines.EXPLANATION_ARGS) : lit(null).cast(Explanations.ARGS_TYPE),
        ledger ? col(PayLines.FOR_MONTH) : lit(null).cast("date"),
        ledger ? col(PayLines.FOR_LINE_TYPE) : lit(null).cast("string"));
    for (Row r : rows.collectAsList()) {
      Map<String, String> args = r.isNullAt(11) ? null : r.getJavaMap(11);
      byRep.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(new StatementLine(r.getString(1),
          r.getString(2), r.getDecimal(3), r.isNullAt(4) ? null : r.getInt(4), r.getDecimal(5), r.getDecimal(6),
          r.getDecimal(7), r.getString(8), r.getString(10), args, r.getString(9),
          r.isNullAt(12) ? null : r.getLocalDate(12), r.getString(13)));
    }
    byRep.values().forEach(list -> list.sort(MODEL_ORDER));
    return byRep;
  }

  private static Map<String, Map<String, Object>> kpiRows(Dataset<Row> kpiRows) {
    Map<String, Map<String, Object>> byRep = new TreeMap<>();
    String[] columns = kpiRows.columns();
    for (Row row : kpiRows.collectAsList()) {
      Map<String, Object> measures = new LinkedHashMap<>();
      for (int i = 0; i < columns.length; i++) {
        if (!KPI_KEYS.contains(columns[i])) {
          measures.put(columns[i], row.get(i));
        }
      }
      byRep.put(row.getString(row.fieldIndex("rep_id")), measures);
    }
    return byRep;
  }
}

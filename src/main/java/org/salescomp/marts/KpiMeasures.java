package org.salescomp.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.salescomp.common.Money;
import org.salescomp.intermediate.BookRetention;
import org.salescomp.intermediate.KpiMonthFacts;
import org.salescomp.intermediate.Ratios;
import org.salescomp.intermediate.TrainingCompletion;
import org.salescomp.io.PublishedTable;
import org.salescomp.io.RowFilter;

/**
 * The KPI measures shared by the rep, team and region tables. Ratios are derived from additive parts
 * on every row (never averaged), so a team's or a region's ratio is that of its combined parts.
 */
final class KpiMeasures {
  static final String REVENUE = KpiMonthFacts.REVENUE;
  static final String WON_DEALS = KpiMonthFacts.WON_DEALS;
  static final String CANCELLED_AMOUNT = KpiMonthFacts.CANCELLED_AMOUNT;
  static final String NEW_CUSTOMERS = KpiMonthFacts.NEW_CUSTOMERS;
  static final String CSAT_AVG = "csat_avg";
  static final String CSAT_RESPONSES = KpiMonthFacts.CSAT_RESPONSES;
  static final String COMPLAINTS = KpiMonthFacts.COMPLAINTS;
  static final String COMPLAINT_RATE = "complaint_rate";
  static final String RETENTION_RATE = "retention_rate";
  static final String TRAINING_COMPLETION = "training_completion";
  static final String QUOTA = "quota";
  static final String ATTAINMENT = "attainment";

  /** The measure columns of every KPI table, in the published order (quota and attainment last). */
  static final List<String> MEASURES = List.of(REVENUE, WON_DEALS, CANCELLED_AMOUNT, NEW_CUSTOMERS, CSAT_AVG,
      CSAT_RESPONSES, COMPLAINTS, COMPLAINT_RATE, RETENTION_RATE, TRAINING_COMPLETION, QUOTA, ATTAINMENT);

  /** Parts held by a rep rather than by events (book and training): a team sums its members'. */
  static final List<String> MEMBER_PARTS = List.of(BookRetention.BOOK_BASE, BookRetention.BOOK_RETAINED,
      TrainingCompletion.TRAINING_PASSED, TrainingCompletion.TRAINING_REQUIRED, TrainingCompletion.TRAINING_SCORE_SUM,
      TrainingCompletion.TRAINING_EXAMS);

  /** Every additive part that is not itself a published measure; kept on the rows a coarser table sums. */
  static final List<String> PARTS = List.of(KpiMonthFacts.CSAT_SCORE_SUM, BookRetention.BOOK_BASE,
      BookRetention.BOOK_RETAINED, TrainingCompletion.TRAINING_PASSED, TrainingCompletion.TRAINING_REQUIRED,
      TrainingCompletion.TRAINING_SCORE_SUM, TrainingCompletion.TRAINING_EXAMS);

  private KpiMeasures() {}

  /** The measure columns of every KPI table with their comments, in the published order. */
  static StructType measureColumns() {
    return PublishedTable.columnsOf()
        .add(REVENUE, Money.MONEY, "won deal amounts credited in the period, reporting currency")
        .add(WON_DEALS, DataTypes.IntegerType, "deals won in the period (primary credit)")
        .add(CANCELLED_AMOUNT, Money.MONEY, "amounts of deals cancelled in the period")
        .add(NEW_CUSTOMERS, DataTypes.IntegerType, "customers whose first won deal falls in the period")
        .add(CSAT_AVG, Money.RATIO, "mean CSAT score of the period's surveys; null without surveys")
        .add(CSAT_RESPONSES, DataTypes.IntegerType, "surveys answered in the period")
        .add(COMPLAINTS, DataTypes.IntegerType, "complaints received in the period")
        .add(COMPLAINT_RATE, Money.RATIO, "complaints / max(won_deals, 1)")
        .add(RETENTION_RATE, Money.RATIO, "retained / base of the book of customers; null without a base")
        .add(TRAINING_COMPLETION, Money.RATIO, "required courses passed / required; null when none is required")
        .add(QUOTA, Money.MONEY, "quota of the period")
        .add(ATTAINMENT, Money.RATIO, "revenue / quota; null without a positive quota")
        .build();
  }

  /**
   * The KPI rows a run owns: its months, and the quarters and years that contain them (recomputed in
   * full from the inputs, so a reopened month updates its quarter and year too).
   */
  static final PublishedTable.OwnedRows PERIODS = PublishedTable.OwnedRows.by(List.of("period_type", "period_start"),
      (scope, runId) -> periods("month", scope.firstDay(), scope.lastMonthStart())
          .or(periods("quarter", quarterStart(scope.firstDay()), quarterStart(scope.lastMonthStart())))
          .or(periods("year", scope.firstDay().withDayOfYear(1), scope.lastMonthStart().withDayOfYear(1))));

  private static RowFilter periods(String periodType, LocalDate from, LocalDate to) {
    return RowFilter.equalTo("period_type", periodType).and(RowFilter.between("period_start", from, to));
  }

  private static LocalDate quarterStart(LocalDate d) {
    return d.withMonth(((d.getMonthValue() - 1) / 3) * 3 + 1).withDayOfMonth(1);
  }

  /** The declaration of a KPI table keyed by {@code key} (rep_id, team_id or region). */
  static PublishedTable table(String name, String description, StructType keyColumns, StructType more) {
    String key = keyColumns.fieldNames()[0];
    StructType schema = PublishedTable.columnsOf()
        .addAll(new StructType(new org.apache.spark.sql.types.StructField[] {keyColumns.fields()[0]}))
        .add("period_type", DataTypes.StringType, "month, quarter or year")
        .add("period_start", DataTypes.DateType, "first day of the period")
        .addAll(new StructType(java.util.Arrays.copyOfRange(keyColumns.fields(), 1, keyColumns.fields().length)))
        .addAll(measureColumns())
        .addAll(more)
        .withRunId();
    // kpi_rep_period: views kpi_rep_month, kpi_rep_quarter, kpi_rep_year
    return new PublishedTable(name, description, schema, List.of("period_type"),
        List.of(key, "period_type", "period_start"), List.of("period_type", "period_start", key), PERIODS, false)
        .withGrainViews(name.replaceFirst("_period$", ""));
  }

  /** The sum of each member part. */
  static List<Column> memberSums() {
    return MEMBER_PARTS.stream().map(p -> sum(col(p)).cast("int").as(p)).toList();
  }

  /**
   * Rows of a KPI table from rows of additive parts: {@code keys}, the measures in published order
   * (ratios derived, the others as they are), {@code more} columns, then {@link #PARTS}.
   */
  static Column[] derived(List<String> keys, List<String> more) {
    List<Column> columns = new ArrayList<>();
    keys.forEach(k -> columns.add(col(k)));
    for (String m : MEASURES) {
      columns.add(switch (m) {
        case CSAT_AVG -> csatAvg();
        case COMPLAINT_RATE -> complaintRate();
        case RETENTION_RATE -> retentionRate();
        case TRAINING_COMPLETION -> trainingCompletion();
        case ATTAINMENT -> attainment();
        default -> col(m);
      });
    }
    more.forEach(c -> columns.add(col(c)));
    PARTS.forEach(p -> columns.add(col(p)));
    return columns.toArray(Column[]::new);
  }

  /** csat_avg = score sum / responses, null without surveys. */
  static Column csatAvg() {
    return Ratios.divide(col(KpiMonthFacts.CSAT_SCORE_SUM), col(CSAT_RESPONSES)).as(CSAT_AVG);
  }

  /** complaint_rate = complaints / max(won_deals, 1). */
  static Column complaintRate() {
    return Ratios.divide(col(COMPLAINTS), greatest(col(WON_DEALS), lit(1))).as(COMPLAINT_RATE);
  }

  /** retention_rate = retained / base, null without a base. */
  static Column retentionRate() {
    return Ratios.divide(col(BookRetention.BOOK_RETAINED), col(BookRetention.BOOK_BASE)).as(RETENTION_RATE);
  }

  /** training_completion = passed / required, null when no course is required. */
  static Column trainingCompletion() {
    return Ratios.divide(col(TrainingCompletion.TRAINING_PASSED), col(TrainingCompletion.TRAINING_REQUIRED))
        .as(TRAINING_COMPLETION);
  }

  /** attainment = revenue / quota, null without a positive quota. */
  static Column attainment() {
    return Ratios.divide(col(REVENUE), col(QUOTA)).as(ATTAINMENT);
  }
}

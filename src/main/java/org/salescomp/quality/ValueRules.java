package org.salescomp.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.salescomp.io.SourceTable;
import org.salescomp.quality.Verdicts.Check;

/**
 * The checks of a row on its own converted values: a required value present, amounts positive,
 * codes from their vocabulary, scores in range, periods named by their first day, dates in order.
 * Columns and vocabularies are the data contract's.
 */
final class ValueRules {
  static final List<String> DEAL_STATUSES = List.of("won", "cancelled", "refunded");
  static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");
  static final List<String> TARGET_SCOPES = List.of("rep", "team");
  static final List<String> PERIOD_TYPES = List.of("month", "quarter", "year");

  private ValueRules() {}

  static List<Check> of(SourceTable table) {
    List<Check> checks = new ArrayList<>();
    checks.add(missingValue(table));
    switch (table) {
      case DEALS -> deals(checks);
      case DEAL_CREDITS -> checks.add(notPositive("credit_pct"));
      case CUSTOMER_RETENTION -> checks.add(notAMonth("month"));
      case COMPLAINTS -> {
        checks.add(unknownCode("severity", SEVERITIES));
        checks.add(dateBefore("resolved_date", "opened_date"));
      }
      case CSAT_SURVEYS -> checks.add(outOfRange("score", 1, 5));
      case REPS -> {
        checks.add(new Check(ReasonCode.DATE_ORDER, col("valid_to").leq(col("valid_from")),
            concat(lit("valid_to "), text("valid_to"), lit(" is not after valid_from "), text("valid_from"))));
        checks.add(dateBefore("termination_date", "hire_date"));
      }
      case TARGETS -> targets(checks);
      case TRAINING_RESULTS -> checks.add(outOfRange("score", 0, 100));
      case FX_RATES -> checks.add(notPositive("rate_to_reporting"));
      case ADJUSTMENTS -> checks.add(notAMonth("month"));
      case CUSTOMERS, TEAMS -> { }
    }
    return checks;
  }

  private static void deals(List<Check> checks) {
    checks.add(notPositive("amount"));
    checks.add(unknownCode("status", DEAL_STATUSES).withReason(ReasonCode.UNKNOWN_STATUS));
    Column won = col("status").equalTo(lit("won"));
    checks.add(new Check(ReasonCode.UNKNOWN_STATUS, won.and(col("status_date").isNotNull()),
        concat(lit("a won deal has a status_date ("), text("status_date"), lit(")"))));
    checks.add(new Check(ReasonCode.UNKNOWN_STATUS, not(won).and(col("status_date").isNull()),
        concat(lit("a "), col("status"), lit(" deal has no status_date"))));
    checks.add(dateBefore("status_date", "close_date"));
  }

  private static void targets(List<Check> checks) {
    checks.add(new Check(ReasonCode.NEGATIVE_AMOUNT, col("target").lt(0),
        concat(lit("target "), text("target"), lit(" is negative"))));
    checks.add(unknownCode("scope", TARGET_SCOPES));
    checks.add(unknownCode("period_type", PERIOD_TYPES));
    Column start = col("period_start");
    Column type = col("period_type");
    Column firstDay = dayofmonth(start).equalTo(1);
    Column named = when(type.equalTo(lit("month")), firstDay)
        .when(type.equalTo(lit("quarter")), firstDay.and(month(start).isin(1, 4, 7, 10)))
        .when(type.equalTo(lit("year")), firstDay.and(month(start).equalTo(1)));
    checks.add(new Check(ReasonCode.BAD_PERIOD_START, not(named),
        concat(lit("period_start "), text("period_start"), lit(" does not start a "), type)));
  }

  private static Check missingValue(SourceTable table) {
    List<String> required = table.requiredColumns().stream().filter(c -> !table.key().contains(c)).toList();
    Column missing = concat_ws(", ", required.stream().map(c -> when(col(c).isNull(), lit(c))).toArray(Column[]::new));
    return new Check(ReasonCode.MISSING_VALUE, missing.notEqual(lit("")),
        concat(lit("required column without a value: "), missing));
  }

  private static Check notPositive(String column) {
    return new Check(ReasonCode.NEGATIVE_AMOUNT, col(column).leq(0),
        concat(lit(column + " "), text(column), lit(" is not positive")));
  }

  private static Check unknownCode(String column, List<String> codes) {
    return new Check(ReasonCode.UNKNOWN_CODE, not(col(column).isin(codes.toArray())),
        concat(lit(column + " '"), col(column), lit("' is not one of " + String.join(", ", codes))));
  }

  private static Check outOfRange(String column, int from, int to) {
    return new Check(ReasonCode.SCORE_OUT_OF_RANGE, not(col(column).between(from, to)),
        concat(lit(column + " "), text(column), lit(" is outside " + from + ".." + to)));
  }

  private static Check notAMonth(String column) {
    return new Check(ReasonCode.BAD_PERIOD_START, dayofmonth(col(column)).notEqual(1),
        concat(lit(column + " "), text(column), lit(" is not the first day of a month")));
  }

  /** {@code later} (optional) before {@code earlier}. */
  private static Check dateBefore(String later, String earlier) {
    return new Check(ReasonCode.DATE_ORDER, col(later).lt(col(earlier)),
        concat(lit(later + " "), text(later), lit(" is before " + earlier + " "), text(earlier)));
  }

  private static Column text(String column) {
    return col(column).cast(DataTypes.StringType);
  }
}

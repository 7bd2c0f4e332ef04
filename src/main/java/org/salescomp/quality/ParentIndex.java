package org.salescomp.quality;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.EmploymentBounds;

/**
 * The accepted rows of a parent table, reduced to what children look up: one row per key. A child
 * row joins an index under a prefix of its own ({@link #join}), so that one table can look up the
 * same index twice (targets name a rep or a team in one column).
 */
final class ParentIndex {
  static final String KEY = "key";
  static final String FOUND = "found";
  /**
   * Rep index: the accepted roster rows of the rep, {@code array<struct<valid_from, valid_to, active_from,
   * active_until>>}, the last two the row's active days (employment bounds).
   */
  static final String ROWS = "rows";
  /** Deal index: whether the deal is accepted, deferred, and the accepted deal's close date. */
  static final String ACCEPTED = "accepted";
  static final String DEFERRED = "deferred";
  static final String CLOSE_DATE = "close_date";

  private final Dataset<Row> rows;
  private final boolean small;

  private ParentIndex(Dataset<Row> rows, boolean small) {
    this.rows = rows;
    this.small = small;
  }

  /** Any one-row-per-key table, e.g. {@link CreditTotals#perDeal}. */
  static ParentIndex of(Dataset<Row> keyed, String keyColumn, boolean small) {
    return new ParentIndex(keyed.withColumnRenamed(keyColumn, KEY), small);
  }

  /** Accepted keys of a single-column key (teams, customers). */
  static ParentIndex keys(Dataset<Row> checked, String keyColumn, boolean small) {
    return new ParentIndex(checked.where(Verdicts.isOpen())
        .select(col(keyColumn).as(KEY)).distinct().withColumn(FOUND, lit(true)), small);
  }

  /** Per rep, the accepted roster rows: a rep is known when it has one, holds on a day when one holds. */
  static ParentIndex reps(Dataset<Row> checkedRoster) {
    return new ParentIndex(checkedRoster.where(Verdicts.isOpen())
        .groupBy(col("rep_id").as(KEY))
        .agg(collect_list(struct(col("valid_from"), col("valid_to"),
            EmploymentBounds.activeFrom(col("valid_from"), col("hire_date")).as("active_from"),
            EmploymentBounds.activeUntil(col("valid_to"), col("termination_date")).as("active_until"))).as(ROWS)),
        true);
  }

  /** Per deal id: accepted (one copy went through), deferred, and the accepted copy's close date. */
  static ParentIndex deals(Dataset<Row> checkedDeals) {
    return new ParentIndex(checkedDeals.where(col("deal_id").isNotNull())
        .groupBy(col("deal_id").as(KEY))
        .agg(max(Verdicts.isOpen()).as(ACCEPTED), max(Verdicts.isDeferred()).as(DEFERRED),
            max(when(Verdicts.isOpen(), col("close_date"))).as(CLOSE_DATE)), false);
  }

  /** Left-joins the index on {@code key}; its columns arrive as {@code prefix + name}. */
  Dataset<Row> join(Dataset<Row> children, Column key, String prefix) {
    Dataset<Row> renamed = rows.select(Arrays.stream(rows.columns())
        .map(c -> col(c).as(prefix + c)).toArray(Column[]::new));
    return children.join(small ? broadcast(renamed) : renamed, key.equalTo(col(prefix + KEY)), "left");
  }

  /** The index columns {@link #join} added. */
  String[] columns(String prefix) {
    return Arrays.stream(rows.columns()).map(c -> prefix + c).toArray(String[]::new);
  }

  static Column found(String prefix) {
    return coalesce(col(prefix + FOUND), lit(false));
  }

  static Column knownRep(String prefix) {
    return col(prefix + ROWS).isNotNull();
  }

  /** The day is active for the rep: a roster row holds on it within hire_date .. termination_date. */
  static Column repActiveOn(String prefix, Column day) {
    return coalesce(exists(col(prefix + ROWS), r -> r.getField("active_from").leq(day)
        .and(r.getField("active_until").isNull().or(day.lt(r.getField("active_until"))))), lit(false));
  }

  /** A roster row holds on some day of the month starting on {@code month}. */
  static Column repHoldsIn(String prefix, Column month) {
    return coalesce(exists(col(prefix + ROWS), r -> r.getField("valid_from").leq(last_day(month))
        .and(r.getField("valid_to").isNull().or(r.getField("valid_to").gt(month)))), lit(false));
  }

  static Column dealAccepted(String prefix) {
    return coalesce(col(prefix + ACCEPTED), lit(false));
  }

  /** The deal is not accepted and one of its copies is deferred: children wait for it. */
  static Column dealDeferred(String prefix) {
    return dealAccepted(prefix).unary_$bang().and(coalesce(col(prefix + DEFERRED), lit(false)));
  }
}

package org.salescomp.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sort_array;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.salescomp.io.SourceTable;

/**
 * The clean rows the dirty rows are made from: a few dozen good rows of each table, the first ones
 * in key order and dated on or before the last generated day (so that nothing made from them is
 * deferred), and each table's row count. Picks among them with a seeded random stream: the same
 * seed picks the same rows.
 */
final class DirtySamples {
  static final int PER_TABLE = 50;

  private final Map<SourceTable, Long> counts = new EnumMap<>(SourceTable.class);
  private final Map<SourceTable, List<Object[]>> rows = new EnumMap<>(SourceTable.class);
  /** Deals with exactly two credit rows: the deal's values, then the two credited reps. */
  private final List<Object[]> splitDeals = new ArrayList<>();
  private final SplittableRandom rng;
  private final LocalDate lastDay;

  private DirtySamples(long seed, LocalDate lastDay) {
    this.rng = new SplittableRandom(seed ^ 0x5EED_D1A7L);
    this.lastDay = lastDay;
  }

  static DirtySamples of(Map<SourceTable, Dataset<Row>> clean, long seed, LocalDate lastDay) {
    DirtySamples samples = new DirtySamples(seed, lastDay);
    for (Map.Entry<SourceTable, Dataset<Row>> e : clean.entrySet()) {
      SourceTable table = e.getKey();
      samples.counts.put(table, e.getValue().count());
      samples.rows.put(table, firstRows(table, e.getValue().where(dated(table, lastDay))));
    }
    Dataset<Row> pairs = clean.get(SourceTable.DEAL_CREDITS).groupBy(col("deal_id"))
        .agg(count(lit(1)).as("n"), sort_array(collect_list(col("rep_id"))).as("reps"))
        .where(col("n").equalTo(2));
    Dataset<Row> deals = clean.get(SourceTable.DEALS)
        .where(dated(SourceTable.DEALS, lastDay).and(col("status").equalTo(lit("won"))));
    for (Row r : deals.join(pairs, "deal_id").orderBy("deal_id").limit(PER_TABLE).collectAsList()) {
      Object[] values = values(SourceTable.DEALS, r);
      List<Object> reps = r.getList(r.fieldIndex("reps"));
      Object[] withReps = Arrays.copyOf(values, values.length + 2);
      withReps[values.length] = reps.get(0);
      withReps[values.length + 1] = reps.get(1);
      samples.splitDeals.add(withReps);
    }
    return samples;
  }

  long rowCount(SourceTable table) {
    return counts.get(table);
  }

  LocalDate lastDay() {
    return lastDay;
  }

  /** A copy of one good row of the table, picked at random. */
  DirtyValues pick(SourceTable table) {
    List<Object[]> candidates = rows.get(table);
    if (candidates.isEmpty()) {
      throw new IllegalStateException("no " + table.tableName() + " rows to make dirty rows from");
    }
    return new DirtyValues(table, candidates.get(rng.nextInt(candidates.size())));
  }

  /** A won deal with exactly two credit rows: the deal's values, then its two reps. */
  Object[] pickSplitDeal() {
    if (splitDeals.isEmpty()) {
      throw new IllegalStateException("no split deals to make dirty credits from");
    }
    return splitDeals.get(rng.nextInt(splitDeals.size())).clone();
  }

  /** A number from the seeded stream, below {@code bound}. */
  int nextInt(int bound) {
    return rng.nextInt(bound);
  }

  private static List<Object[]> firstRows(SourceTable table, Dataset<Row> rows) {
    Column[] key = table.key().stream().map(k -> col(k)).toArray(Column[]::new);
    return rows.orderBy(key).limit(PER_TABLE).collectAsList().stream().map(r -> values(table, r)).toList();
  }

  private static Object[] values(SourceTable table, Row row) {
    StructField[] fields = table.schema().fields();
    Object[] values = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      Object v = row.get(row.fieldIndex(fields[i].name()));
      values[i] = v instanceof java.sql.Date d ? d.toLocalDate() : v;
    }
    return values;
  }

  /** Rows a gate with the last generated day as its logical date takes now, not later. */
  private static Column dated(SourceTable table, LocalDate lastDay) {
    return table.deferralDate().map(date -> col(date).leq(lit(lastDay))).orElse(lit(true));
  }

}

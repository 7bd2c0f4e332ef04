package org.salescomp.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.salescomp.io.SourceTable;

/**
 * {@link ReasonCode#DUPLICATE_KEY} among the open rows of one key (data contract: "a duplicate key
 * keeps none of its copies when they differ, and one copy when they are identical"). Copies are
 * compared on their converted values, so {@code 100.0} and {@code 100.00} are the same amount. Of
 * identical copies one goes on to the further checks; each extra copy is quarantined, marked
 * {@link Verdicts#EXTRA_COPY}, so that read = accepted + quarantined + deferred counts it too.
 * One window over the key: one shuffle and one sort.
 */
final class Duplicates {
  private static final String COPIES = "_dq_copies";
  private static final String IDENTICAL = "_dq_identical";
  private static final String RANK = "_dq_rank";

  private Duplicates() {}

  static Dataset<Row> apply(Dataset<Row> rows, SourceTable table) {
    Column open = Verdicts.isOpen();
    // the open rows first, identical copies in the order of their original values
    WindowSpec byKey = Window.partitionBy(table.key().stream().map(k -> col(k)).toArray(Column[]::new))
        .orderBy(when(open, 0).otherwise(1), col(Verdicts.ROW));
    WindowSpec wholeKey = byKey.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    Column content = struct(Arrays.stream(table.schema().fieldNames()).map(c -> col(c)).toArray(Column[]::new));
    Column openContent = when(open, content);
    // in one select, over one ordering: Spark computes the three in one window operator after one sort
    Dataset<Row> counted = rows.select(col("*"),
        count(when(open, lit(1))).over(wholeKey).as(COPIES),
        min(openContent).over(wholeKey).eqNullSafe(max(openContent).over(wholeKey)).as(IDENTICAL),
        row_number().over(byKey).as(RANK));

    Column shared = col(COPIES).gt(1);
    Column extraCopy = open.and(shared).and(col(IDENTICAL)).and(col(RANK).gt(1));
    Column copies = col(COPIES).cast(DataTypes.StringType);
    List<Verdicts.Check> checks = List.of(
        new Verdicts.Check(ReasonCode.DUPLICATE_KEY, shared.and(col(IDENTICAL).unary_$bang()),
            concat(copies, lit(" rows share this key and differ: none is kept"))),
        new Verdicts.Check(ReasonCode.DUPLICATE_KEY, shared.and(col(RANK).gt(1)),
            concat(lit("an identical copy: one of the "), copies, lit(" copies goes on"))));
    return Verdicts.apply(counted.withColumn(Verdicts.EXTRA_COPY, extraCopy), checks)
        .drop(COPIES, IDENTICAL, RANK);
  }
}

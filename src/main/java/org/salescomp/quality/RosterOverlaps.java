package org.salescomp.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * {@link ReasonCode#OVERLAPPING_ROSTER}: roster rows of one rep hold on [valid_from, valid_to), an
 * open valid_to being the far future; every open row that shares a day with another open row of its
 * rep is quarantined, all of them, since none can be trusted over the other. In valid_from order a
 * row overlaps an earlier row when the latest end so far is after its start, and a later row when
 * the next start is before its end. One window per rep.
 */
final class RosterOverlaps {
  private static final LocalDate FAR_FUTURE = LocalDate.of(9999, 12, 31);
  private static final String EARLIER_END = "_dq_earlier_end";
  private static final String NEXT_START = "_dq_next_start";

  private RosterOverlaps() {}

  static Dataset<Row> apply(Dataset<Row> roster) {
    WindowSpec byStart = Window.partitionBy(col("rep_id")).orderBy(col("valid_from"));
    Column open = Verdicts.isOpen();
    Column end = coalesce(col("valid_to"), lit(FAR_FUTURE));
    Dataset<Row> framed = roster
        .withColumn(EARLIER_END, max(when(open, end)).over(byStart.rowsBetween(Window.unboundedPreceding(), -1)))
        .withColumn(NEXT_START,
            min(when(open, col("valid_from"))).over(byStart.rowsBetween(1, Window.unboundedFollowing())));
    Column overlaps = col(EARLIER_END).gt(col("valid_from")).or(col(NEXT_START).lt(end));
    return Verdicts.apply(framed, List.of(new Verdicts.Check(ReasonCode.OVERLAPPING_ROSTER, overlaps,
            concat(lit("overlaps another roster row of rep "), col("rep_id")))))
        .drop(EARLIER_END, NEXT_START);
  }
}

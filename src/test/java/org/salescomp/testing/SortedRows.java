package org.salescomp.testing;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.MapType;

/** A table's rows in a fixed order, for comparing two readings of a table row by row. */
public final class SortedRows {
  private SortedRows() {}

  /** Every row, ordered by every column Spark can order (a map such as explanation_args cannot be). */
  public static List<Row> of(Dataset<Row> rows) {
    Column[] order = Arrays.stream(rows.schema().fields())
        .filter(f -> !(f.dataType() instanceof MapType))
        .map(f -> functions.col(f.name()))
        .toArray(Column[]::new);
    return rows.orderBy(order).collectAsList();
  }
}

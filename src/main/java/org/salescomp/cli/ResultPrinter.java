package org.salescomp.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.salescomp.common.CsvRecord;

/** Prints a query result as an aligned table or as CSV. */
final class ResultPrinter {
  private final PrintWriter out;
  private final Cells cells;

  ResultPrinter(PrintWriter out, SparkSession spark) {
    this.out = out;
    this.cells = new Cells(ZoneId.of(spark.conf().get("spark.sql.session.timeZone")));
  }

  /** At most {@code limit} rows as a table, and a note when there are more. */
  void table(Dataset<Row> result, int limit) {
    // one row more than shown tells whether the output is cut
    List<Row> rows = result.limit((int) Math.min(limit + 1L, Integer.MAX_VALUE)).collectAsList();
    List<List<String>> shown = new ArrayList<>();
    for (Row row : rows.subList(0, Math.min(limit, rows.size()))) {
      shown.add(texts(row, "NULL"));
    }
    out.print(TextTable.render(Arrays.asList(result.columns()), shown));
    if (rows.size() > limit) {
      out.printf("only showing the first %d rows (--limit N shows more)%n", limit);
    }
  }

  /** A header and every row (streamed, not collected), NULL as an empty field. */
  void csv(Dataset<Row> result) {
    out.println(CsvRecord.of(Arrays.asList(result.columns())));
    Iterator<Row> rows = result.toLocalIterator();
    while (rows.hasNext()) {
      out.println(CsvRecord.of(texts(rows.next(), "")));
    }
  }

  private List<String> texts(Row row, String nullText) {
    List<String> texts = new ArrayList<>(row.size());
    for (int i = 0; i < row.size(); i++) {
      String text = cells.format(row.get(i));
      texts.add(text == null ? nullText : text);
    }
    return texts;
  }
}

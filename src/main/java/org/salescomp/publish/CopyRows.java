package org.salescomp.publish;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams a Dataset into a table with {@code COPY ... FROM STDIN (FORMAT csv)}: rows come to the driver
 * one partition at a time ({@code toLocalIterator}), never all at once. The password stays on the driver:
 * executors never connect to PostgreSQL.
 */
final class CopyRows {
  private static final int BUFFER = 1 << 16;

  private CopyRows() {}

  /** Copies every row; returns how many were copied, as PostgreSQL counted them. */
  static long copy(PGConnection connection, String qualified, List<PgColumn> columns, Dataset<Row> rows)
      throws SQLException, IOException {
    Dataset<Row> source = rows.select(columns.stream().map(PgColumn::source).toArray(Column[]::new));
    PGCopyOutputStream copy = new PGCopyOutputStream(connection, PgSql.copyIn(qualified, columns), BUFFER);
    try {
      // not closed: closing would flush into the ended COPY; endCopy sends what is buffered
      Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), BUFFER);
      Iterator<Row> it = source.toLocalIterator();
      StringBuilder line = new StringBuilder(256);
      while (it.hasNext()) {
        line.setLength(0);
        csvLine(it.next(), line);
        out.write(line.toString());
      }
      out.flush();
      return copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  /** One CSV record: NULL is an empty unquoted field, text is always quoted (an empty string is not NULL). */
  static void csvLine(Row row, StringBuilder out) {
    for (int i = 0; i < row.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Object value = row.get(i);
      if (value == null) {
        continue;
      }
      if (value instanceof BigDecimal d) {
        out.append(d.toPlainString());
      } else if (value instanceof Number || value instanceof Boolean) {
        out.append(value);
      } else {
        // strings, JSON text, java.time dates and instants (ISO 8601, which PostgreSQL reads)
        out.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
      }
    }
    out.append('\n');
  }
}

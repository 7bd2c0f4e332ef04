package org.salescomp.publish;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Small collected results: the dashboard's aggregates are a few hundred rows at most. */
final class Rows {
  private Rows() {}

  static List<Row> collect(Dataset<Row> rows) {
    return rows.collectAsList();
  }

  /** A date column as yyyy-MM-dd. */
  static String date(Row row, String column) {
    Object value = row.get(row.fieldIndex(column));
    if (value instanceof java.sql.Date legacy) {
      return legacy.toLocalDate().toString();
    }
    return value == null ? null : ((LocalDate) value).toString();
  }

  static BigDecimal decimal(Row row, String column) {
    return row.getDecimal(row.fieldIndex(column));
  }

  static String string(Row row, String column) {
    return row.getString(row.fieldIndex(column));
  }

  static long count(Row row, String column) {
    return ((Number) row.get(row.fieldIndex(column))).longValue();
  }

  /** The value of each of {@code keys} in {@code column}, or null where a key has no row. */
  static List<BigDecimal> series(List<Row> rows, String keyColumn, List<String> keys, String column) {
    List<BigDecimal> values = new ArrayList<>();
    for (String key : keys) {
      BigDecimal value = null;
      for (Row row : rows) {
        if (key.equals(date(row, keyColumn))) {
          value = decimal(row, column);
        }
      }
      values.add(value);
    }
    return values;
  }
}

package org.salescomp.testing;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/**
 * Small hand-built Datasets: a DDL schema and rows of plain values. Strings that look like dates
 * ({@code "2026-03-01"}) become dates where the schema says DATE, numbers become decimals where it
 * says DECIMAL, so fixtures read like the spec's tables.
 */
public final class Frames {
  private Frames() {}

  public static Dataset<Row> of(String ddl, Object[]... rows) {
    StructType schema = StructType.fromDDL(ddl);
    List<Row> converted = new ArrayList<>();
    for (Object[] values : rows) {
      if (values.length != schema.fields().length) {
        throw new IllegalArgumentException("row " + Arrays.toString(values) + " does not match " + ddl);
      }
      Object[] out = new Object[values.length];
      for (int i = 0; i < values.length; i++) {
        out[i] = convert(values[i], schema.fields()[i].dataType());
      }
      converted.add(RowFactory.create(out));
    }
    return SharedSpark.session().createDataFrame(converted, schema);
  }

  public static Object[] row(Object... values) {
    return values;
  }

  private static Object convert(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    if (type instanceof DateType && v instanceof String s) {
      return Date.valueOf(s);
    }
    if (type instanceof DecimalType decimal) {
      BigDecimal d = v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
      // Spark would round a value with more decimals than the column: a fixture must say what it means
      if (d.stripTrailingZeros().scale() > decimal.scale()) {
        throw new IllegalArgumentException(d.toPlainString() + " does not fit " + decimal.simpleString());
      }
      return d;
    }
    return v;
  }
}

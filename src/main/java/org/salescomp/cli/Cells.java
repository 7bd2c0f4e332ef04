package org.salescomp.cli;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import scala.collection.JavaConverters;

/** Text of one value of a collected row: decimals in plain notation, timestamps in the session's zone. */
final class Cells {
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd HH:mm:ss")
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .toFormatter();

  private final ZoneId zone;

  Cells(ZoneId zone) {
    this.zone = zone;
  }

  /** The value's text, or null for SQL NULL (each format writes NULL its own way). */
  String format(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Timestamp t) {
      return TIMESTAMP.format(t.toInstant().atZone(zone));
    }
    if (value instanceof Row struct) {
      StringJoiner fields = new StringJoiner(", ", "{", "}");
      for (int i = 0; i < struct.size(); i++) {
        fields.add(nested(struct.get(i)));
      }
      return fields.toString();
    }
    if (value instanceof scala.collection.Seq<?> array) {
      return JavaConverters.seqAsJavaList(array).stream().map(this::nested)
          .collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      return JavaConverters.mapAsJavaMap(map).entrySet().stream()
          .map(e -> nested(e.getKey()) + " -> " + nested(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return String.valueOf(value);
  }

  private String nested(Object value) {
    return value == null ? "NULL" : format(value);
  }
}

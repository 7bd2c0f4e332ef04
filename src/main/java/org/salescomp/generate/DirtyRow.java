package org.salescomp.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructField;
import org.salescomp.common.CsvRecord;
import org.salescomp.io.SourceTable;
import org.salescomp.quality.Quarantine;

/**
 * One row the dirty-data injector adds, and the reason code the gate must quarantine it with.
 * {@code values} are the contract's columns in order, typed (String, BigDecimal, LocalDate, Integer,
 * Boolean) or {@link Text} for a value only CSV can hold; {@code line}, when set, replaces the whole
 * CSV line (a line that does not split into the header's fields).
 */
record DirtyRow(SourceTable table, Object[] values, String reason, String line) {

  /** A value as raw text, for CSV only: {@code "12O.00"} where a decimal belongs. */
  record Text(String raw) {}

  DirtyRow(SourceTable table, Object[] values, String reason) {
    this(table, values, reason, null);
  }

  boolean csvOnly() {
    if (line != null) {
      return true;
    }
    for (Object v : values) {
      if (v instanceof Text) {
        return true;
      }
    }
    return false;
  }

  /** The key as the gate shows it in {@code quarantine.row_key}. */
  String rowKey() {
    Map<String, String> key = new LinkedHashMap<>();
    StructField[] fields = table.schema().fields();
    for (int i = 0; i < fields.length; i++) {
      if (table.key().contains(fields[i].name())) {
        key.put(fields[i].name(), values[i] == null ? null : text(values[i]));
      }
    }
    return Quarantine.rowKey(table, key);
  }

  /** A value as CSV text: plain decimals, ISO dates. */
  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Text t) {
      return t.raw();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof LocalDate || value instanceof java.sql.Date) {
      return value.toString();
    }
    return String.valueOf(value);
  }

  /** The row as one CSV line (no line break), quoting what needs quotes. */
  String csvLine() {
    if (line != null) {
      return line;
    }
    List<String> fields = new ArrayList<>(values.length);
    for (Object value : values) {
      fields.add(text(value));
    }
    return CsvRecord.of(fields);
  }
}

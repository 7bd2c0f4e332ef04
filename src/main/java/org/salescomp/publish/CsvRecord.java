package org.salescomp.publish;

import java.util.List;
import java.util.stream.Collectors;

/** One CSV record, RFC 4180: a field holding a comma, quote or line break is quoted, quotes doubled; null is empty. */
final class CsvRecord {
  private CsvRecord() {}

  static String of(List<String> fields) {
    return fields.stream().map(CsvRecord::field).collect(Collectors.joining(","));
  }

  private static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}

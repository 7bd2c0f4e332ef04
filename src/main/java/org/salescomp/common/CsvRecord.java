package org.salescomp.common;

import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.util.List;

/**
 * The project's one CSV writer: a record of RFC 4180, without its line break. A field holding a comma,
 * a quote or a line break is quoted, quotes doubled, line breaks kept as they are; null is an empty field;
 * spaces are kept. Written by univocity, the CSV library Spark ships.
 */
public final class CsvRecord {
  private CsvRecord() {}

  public static String of(List<String> fields) {
    CsvWriterSettings settings = new CsvWriterSettings();
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setNormalizeLineEndingsWithinQuotes(false);
    settings.setQuoteEscapingEnabled(true);
    settings.setNullValue("");
    settings.setEmptyValue("");
    // a writer per record: CsvWriter keeps state, and records are few (a query's rows, a statement's lines)
    String record = new CsvWriter(settings).writeRowToString(fields.toArray());
    return record == null ? "" : record;
  }
}

package org.salescomp.config;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * How a CSV source is decoded (RFC 4180 quoting always): the field delimiter, the character encoding
 * and the pattern of its date columns. Read from {@code salescomp.csv}, overridden per source.
 */
public record CsvOptions(String delimiter, String encoding, String dateFormat) {
  /** The encodings a source may declare: UTF-8 is decoded strictly; the others have no invalid bytes to hide. */
  public static final List<String> ENCODINGS = List.of("UTF-8", "ISO-8859-1", "US-ASCII");

  /** The values of reference.conf, for settings built in code (tests, the generator's own reads). */
  public static final CsvOptions STANDARD = new CsvOptions(",", "UTF-8", "yyyy-MM-dd");

  public boolean utf8() {
    return encoding.equals("UTF-8");
  }

  /** Reads and validates the three keys of {@code reader}, each falling back to {@code defaults}. */
  static CsvOptions read(ConfigReader reader, CsvOptions defaults) {
    String delimiter = reader.isPresent("delimiter") ? reader.string("delimiter") : defaults.delimiter();
    if (delimiter.length() != 1 || "\"\r\n".contains(delimiter)) {
      throw reader.error("delimiter", "expected one character other than a quote or a line break, got \""
          + delimiter + "\"");
    }
    String encoding = reader.isPresent("encoding") ? reader.string("encoding") : defaults.encoding();
    String canonical = Charset.isSupported(encoding) ? Charset.forName(encoding).name().toUpperCase(Locale.ROOT) : "";
    if (!ENCODINGS.contains(canonical)) {
      throw reader.error("encoding", "expected one of " + ENCODINGS + ", got \"" + encoding + "\"");
    }
    String dateFormat = reader.isPresent("date-format") ? reader.string("date-format") : defaults.dateFormat();
    if (!roundTrips(dateFormat)) {
      throw reader.error("date-format", "expected a date pattern with year, month and day (like yyyy-MM-dd),"
          + " got \"" + dateFormat + "\"");
    }
    return new CsvOptions(delimiter, canonical, dateFormat);
  }

  /** A usable pattern writes a date and reads the same date back. */
  private static boolean roundTrips(String pattern) {
    try {
      DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
      LocalDate sample = LocalDate.of(2026, 11, 28);
      return LocalDate.parse(format.format(sample), format).equals(sample);
    } catch (RuntimeException e) {
      return false;
    }
  }
}

package org.salescomp.io;

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

  public static final String LATIN_1 = "ISO-8859-1";

  /** The values of reference.conf, for settings built in code (tests, the generator's own reads). */
  public static final CsvOptions STANDARD = new CsvOptions(",", "UTF-8", "yyyy-MM-dd");

  /** One ASCII character other than a quote or a line break. */
  public static boolean validDelimiter(String delimiter) {
    // ASCII: a strict UTF-8 source is split as ISO-8859-1 bytes, where only ASCII means the same in both
    return delimiter.length() == 1 && delimiter.charAt(0) < 0x80 && !"\"\r\n".contains(delimiter);
  }

  /** The canonical name of a supported encoding, or empty. */
  public static String canonicalEncoding(String encoding) {
    String name = Charset.isSupported(encoding) ? Charset.forName(encoding).name().toUpperCase(Locale.ROOT) : "";
    return ENCODINGS.contains(name) ? name : "";
  }

  /** A usable pattern writes a date and reads the same date back. */
  public static boolean validDateFormat(String pattern) {
    try {
      DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
      LocalDate sample = LocalDate.of(2026, 11, 28);
      return LocalDate.parse(format.format(sample), format).equals(sample);
    } catch (RuntimeException e) {
      return false;
    }
  }
}

package org.salescomp.io;

/**
 * Where one input table lives: a path (parquet, delta, csv) or a metastore table name (table); for CSV,
 * how it is decoded.
 */
public record SourceSettings(SourceFormat format, String location, CsvOptions csv) {
  public SourceSettings(SourceFormat format, String location) {
    this(format, location, CsvOptions.STANDARD);
  }
}

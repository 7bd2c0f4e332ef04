package org.salescomp.generate;

import java.util.Locale;

/** How the generator writes its tables. */
public enum OutputFormat {
  /** A folder of Parquet part files per table: {@code <out>/<table>/part-00000.parquet}. */
  PARQUET,
  /** One CSV file with a header per table: {@code <out>/<table>.csv}. */
  CSV;

  /** The {@code format} value of a source in the pipeline's configuration. */
  public String sourceFormat() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package org.salescomp.generate;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Objects;

/**
 * What to generate: where, from which seed, how much and over which months.
 *
 * @param out the output folder; each table goes to {@code <out>/<table>/} or {@code <out>/<table>.csv}
 * @param seed the random seed: the same seed and scale give byte-identical files
 * @param scale 1 is about 200 reps in 20 teams and 100,000 deals over 24 months; deals grow linearly
 *     with the scale, reps and teams only above 1
 * @param start the first generated month
 * @param months how many months to generate
 * @param format Parquet folders or single CSV files
 */
public record GeneratorOptions(
    Path out, long seed, double scale, YearMonth start, int months, OutputFormat format) {

  public GeneratorOptions {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(format, "format");
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale must be a positive number, got " + scale);
    }
    if (months < 1 || months > 600) {
      throw new IllegalArgumentException("months must be between 1 and 600, got " + months);
    }
  }
}

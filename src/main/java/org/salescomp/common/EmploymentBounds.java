package org.salescomp.common;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Employment bounds: a day is <em>active</em> for a rep when one of their roster rows holds on it
 * ([valid_from, valid_to)) and it lies within hire_date .. termination_date, both inclusive. HR often
 * leaves a roster row open after a termination: the termination date still ends the pay. Declared once,
 * for the engine (through {@link #activeRows}) and the data-quality gate (through the two columns).
 */
public final class EmploymentBounds {
  private EmploymentBounds() {}

  /** The first active day of a roster row: its valid_from, not before the hire date. */
  public static Column activeFrom(Column validFrom, Column hireDate) {
    return greatest(validFrom, hireDate);
  }

  /** The day after the last active day of a roster row; null while the row is open and the rep employed. */
  public static Column activeUntil(Column validTo, Column terminationDate) {
    return least(validTo, date_add(terminationDate, 1)); // least() skips nulls
  }

  /**
   * The roster rows cut to their active days, in the same columns: valid_from and valid_to now bound the
   * active days, so every "does the rep hold on this date" downstream asks about active days. A row
   * without an active day is left out.
   */
  public static Dataset<Row> activeRows(Dataset<Row> roster) {
    Column from = activeFrom(col("valid_from"), col("hire_date"));
    Column until = activeUntil(col("valid_to"), col("termination_date"));
    String[] columns = roster.columns();
    return roster
        .withColumn("active_from", from)
        .withColumn("active_until", until)
        .where(col("active_until").isNull().or(col("active_from").lt(col("active_until"))))
        .withColumn("valid_from", col("active_from"))
        .withColumn("valid_to", col("active_until"))
        .select(Arrays.stream(columns).map(c -> col(c)).toArray(Column[]::new));
  }
}

package org.salescomp.testing;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.salescomp.common.Messages;
import org.salescomp.common.UiLocale;
import org.salescomp.engine.Explanations;
import org.salescomp.engine.PayLines;

/**
 * The one facade over spark-testing-base (its Java base classes are JUnit 4, so an instance serves as
 * an assertion helper). Decimal comparisons are exact: 1.10 and 1.1 differ only in scale, and both
 * sides are cast to the expected schema first.
 */
public final class DataFrameAssert {
  private static final JavaDataFrameSuiteBase BASE = new JavaDataFrameSuiteBase();

  private DataFrameAssert() {}

  /** Same rows in any order; {@code actual} is reduced and cast to {@code expected}'s columns. */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    BASE.assertDataFrameNoOrderEquals(expected, conformTo(expected, actual));
  }

  /** Same rows in the same order. */
  public static void assertSameRowsInOrder(Dataset<Row> expected, Dataset<Row> actual) {
    BASE.assertDataFrameEquals(expected, conformTo(expected, actual), BASE.assertDataFrameEquals$default$3());
  }

  private static Dataset<Row> conformTo(Dataset<Row> expected, Dataset<Row> rows) {
    Dataset<Row> actual = withEnglishExplanation(expected, rows);
    Column[] columns = java.util.Arrays.stream(expected.schema().fields())
        .map(f -> actual.col(f.name()).cast(f.dataType()).as(f.name()))
        .toArray(Column[]::new);
    Dataset<Row> selected = actual.select(columns);
    // nullability is not part of what a fixture asserts
    return selected.sparkSession().createDataFrame(selected.rdd(), expected.schema());
  }

  /**
   * Engine lines keep their explanation as a message key and arguments; a fixture that names an
   * {@code explanation} column reads it in English, as {@code commission_lines} does by default.
   */
  private static Dataset<Row> withEnglishExplanation(Dataset<Row> expected, Dataset<Row> actual) {
    java.util.List<String> have = java.util.List.of(actual.columns());
    boolean wanted = java.util.List.of(expected.columns()).contains(PayLines.EXPLANATION);
    return wanted && !have.contains(PayLines.EXPLANATION) && have.contains(PayLines.EXPLANATION_KEY)
        ? actual.withColumn(PayLines.EXPLANATION, Explanations.text(Messages.of(UiLocale.EN))) : actual;
  }
}

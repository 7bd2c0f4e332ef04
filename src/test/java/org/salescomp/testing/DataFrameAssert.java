package org.salescomp.testing;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.salescomp.common.Messages;
import org.salescomp.common.UiLocale;
import org.salescomp.engine.Explanations;
import org.salescomp.engine.PayLines;

/**
 * The one facade over spark-testing-base (its Java base classes are JUnit 4, so an instance serves as
 * an assertion helper). Types and values are compared exactly: a column of {@code actual} must have the
 * type the expected column declares (decimal precision and scale included), and nothing is cast, so an
 * unrounded 720.004 never passes as 720.00. Only nullability is not compared: a fixture does not assert it.
 */
public final class DataFrameAssert {
  private static final JavaDataFrameSuiteBase BASE = new JavaDataFrameSuiteBase();

  private DataFrameAssert() {}

  /** Same column types and rows in any order; {@code actual} is reduced to {@code expected}'s columns. */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    BASE.assertDataFrameNoOrderEquals(expected, conformTo(expected, actual));
  }

  /** Same column types and rows in the same order. */
  public static void assertSameRowsInOrder(Dataset<Row> expected, Dataset<Row> actual) {
    BASE.assertDataFrameEquals(expected, conformTo(expected, actual), BASE.assertDataFrameEquals$default$3());
  }

  private static Dataset<Row> conformTo(Dataset<Row> expected, Dataset<Row> rows) {
    Dataset<Row> actual = withEnglishExplanation(expected, rows);
    List<String> differences = new ArrayList<>();
    for (StructField f : expected.schema().fields()) {
      DataType actualType = actual.schema().apply(f.name()).dataType();
      if (!anyNullability(actualType).equals(anyNullability(f.dataType()))) {
        differences.add(f.name() + " is " + actualType.simpleString() + ", expected " + f.dataType().simpleString());
      }
    }
    if (!differences.isEmpty()) {
      throw new AssertionError("column types differ: " + String.join("; ", differences));
    }
    Column[] columns = Arrays.stream(expected.schema().fieldNames()).map(actual::col).toArray(Column[]::new);
    Dataset<Row> selected = actual.select(columns);
    // same types by now; the expected schema only lends its nullability
    return selected.sparkSession().createDataFrame(selected.rdd(), expected.schema());
  }

  /** The type with every field, element and value nullable, so that only the types themselves compare. */
  private static DataType anyNullability(DataType type) {
    if (type instanceof StructType struct) {
      StructType all = new StructType();
      for (StructField f : struct.fields()) {
        all = all.add(new StructField(f.name(), anyNullability(f.dataType()), true, Metadata.empty()));
      }
      return all;
    }
    if (type instanceof ArrayType array) {
      return new ArrayType(anyNullability(array.elementType()), true);
    }
    if (type instanceof MapType map) {
      return new MapType(anyNullability(map.keyType()), anyNullability(map.valueType()), true);
    }
    return type;
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

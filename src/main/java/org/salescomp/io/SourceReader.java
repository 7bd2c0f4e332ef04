package org.salescomp.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Reads an input table as configured and returns the contract's columns, in the contract's order.
 * Never infers a schema.
 *
 * <p>{@link #readRaw} keeps the values as stored, for the data-quality gate
 * ({@code org.salescomp.quality.InputGate}) to parse row by row: CSV columns are text, and a CSV line
 * that does not split into the header's fields is kept whole in {@value #MALFORMED_LINE}. A column
 * is readable when it has the contract's type, or is text (parsed per row: a value that does not
 * parse is a bad row), or is a type the contract's converts from without guessing: whole numbers
 * for identifiers, any number for decimals and integers (checked per row for loss), timestamps for
 * dates. Anything else (a struct, a boolean or a binary where a date belongs) and a missing required
 * column stop the run with a {@link SchemaError} before anything is written.
 */
public final class SourceReader {
  /** The CSV reader's column for lines that do not parse as CSV (wrong number of fields). */
  public static final String MALFORMED_LINE = "_malformed_line";

  private SourceReader() {}

  /** The contract's columns as stored (text for CSV), absent optional columns as typed nulls. */
  public static Dataset<Row> readRaw(SparkSession spark, SourceTable table, SourceSettings source) {
    Dataset<Row> raw = switch (source.format()) {
      case PARQUET -> spark.read().parquet(source.location());
      case DELTA -> spark.read().format("delta").load(source.location());
      case TABLE -> spark.table(source.location());
      case CSV -> readCsv(spark, source.location());
    };
    return conformRaw(table, raw, source.location());
  }

  /**
   * The contract's columns in the contract's types, without the gate: a value that does not convert
   * becomes null. For tools and tests; the nightly job reads {@link #readRaw} and the gate.
   */
  public static Dataset<Row> read(SparkSession spark, SourceTable table, SourceSettings source) {
    Dataset<Row> raw = readRaw(spark, table, source);
    return raw.select(Arrays.stream(table.schema().fields())
        .map(f -> col(f.name()).cast(f.dataType()).as(f.name()))
        .toArray(Column[]::new));
  }

  /**
   * Selects the contract's columns as they are, adding typed nulls for absent optional ones, and
   * {@value #MALFORMED_LINE} when present. Throws {@link SchemaError} for a missing required column
   * or an unreadable type. Idempotent.
   */
  public static Dataset<Row> conformRaw(SourceTable table, Dataset<Row> raw, String location) {
    Set<String> present = Set.of(raw.columns());
    StructType schema = raw.schema();
    List<Column> columns = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      if (present.contains(field.name())) {
        DataType actual = schema.apply(field.name()).dataType();
        if (!readable(actual, field.dataType())) {
          throw SchemaError.wrongType(table.tableName(), field.name(), field.dataType().simpleString(),
              actual.simpleString(), location);
        }
        columns.add(col(field.name()));
      } else if (field.nullable()) {
        columns.add(lit(null).cast(field.dataType()).as(field.name()));
      } else {
        throw new SchemaError(table.tableName(), field.name(), field.dataType().simpleString(),
            location, Arrays.asList(raw.columns()));
      }
    }
    if (present.contains(MALFORMED_LINE)) {
      columns.add(col(MALFORMED_LINE));
    }
    return raw.select(columns.toArray(Column[]::new));
  }

  /** Whether a column stored as {@code stored} can be read as the contract's {@code contract} type. */
  public static boolean readable(DataType stored, DataType contract) {
    if (stored.sameType(contract) || stored instanceof StringType || stored instanceof NullType) {
      return true;
    }
    if (contract instanceof StringType) {
      return isWholeNumber(stored);
    }
    if (contract instanceof DateType) {
      return stored instanceof TimestampType || stored instanceof TimestampNTZType;
    }
    if (contract instanceof DecimalType || contract instanceof IntegerType) {
      return isWholeNumber(stored) || stored instanceof DecimalType || stored instanceof FloatType
          || stored instanceof DoubleType;
    }
    return contract instanceof BooleanType && stored instanceof BooleanType;
  }

  public static boolean isWholeNumber(DataType type) {
    return type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
        || type instanceof LongType;
  }

  /**
   * CSV with a header, every column text. The header is read first so that a line with too few or
   * too many fields lands in {@value #MALFORMED_LINE} instead of being padded or cut silently.
   */
  private static Dataset<Row> readCsv(SparkSession spark, String location) {
    String[] header = spark.read().option("header", true).option("inferSchema", false).csv(location).columns();
    StructType text = new StructType();
    for (String name : header) {
      text = text.add(name, DataTypes.StringType, true);
    }
    text = text.add(MALFORMED_LINE, DataTypes.StringType, true);
    return spark.read().schema(text).option("header", true).option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", MALFORMED_LINE).csv(location);
  }
}

package org.salescomp.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.decode;
import static org.apache.spark.sql.functions.encode;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.replace;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.when;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
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
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
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
  /** The CSV reader's column naming the fields of a row that are not valid in the source's encoding, with the byte offset. */
  public static final String ENCODING_ERROR = "_encoding_error";
  /** Metadata key of a text date column: the source's date pattern, when not {@code yyyy-MM-dd}. */
  public static final String DATE_FORMAT = "date_format";
  /** The replacement character a lenient decoder puts where bytes are invalid. */
  private static final String REPLACEMENT = "\uFFFD";

  private SourceReader() {}

  /** The contract's columns as stored (text for CSV), absent optional columns as typed nulls. */
  public static Dataset<Row> readRaw(SparkSession spark, SourceTable table, SourceSettings source) {
    Dataset<Row> raw = switch (source.format()) {
      case PARQUET -> spark.read().parquet(source.location());
      case DELTA -> spark.read().format("delta").load(source.location());
      case TABLE -> spark.table(source.location());
      case CSV -> readCsv(spark, source);
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
    for (String marker : List.of(MALFORMED_LINE, ENCODING_ERROR)) {
      if (present.contains(marker)) {
        columns.add(col(marker));
      }
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
   * CSV as RFC 4180 has it (quoted fields, {@code ""} for a quote, delimiters and line breaks inside
   * quotes), every column text, in one pass. The header is read first so that a record with too few or
   * too many fields lands in {@value #MALFORMED_LINE} instead of being padded or cut silently.
   *
   * <p>Strict decoding: Spark's reader would turn an invalid byte into U+FFFD and carry on, so a UTF-8
   * or US-ASCII file is read as ISO-8859-1 (one character per byte, nothing invalid, the ASCII delimiter
   * and quotes where they were), and each field is decoded afterwards; a field whose bytes are not valid
   * names its column and byte offset in {@value #ENCODING_ERROR}, which the gate makes UNPARSEABLE.
   */
  private static Dataset<Row> readCsv(SparkSession spark, SourceSettings source) {
    CsvOptions csv = source.csv();
    boolean strict = !csv.encoding().equals(CsvOptions.LATIN_1);
    DataFrameReader reader = spark.read().option("header", true).option("inferSchema", false)
        .option("sep", csv.delimiter()).option("quote", "\"").option("escape", "\"").option("multiLine", true)
        .option("encoding", strict ? CsvOptions.LATIN_1 : csv.encoding());
    String[] header = header(reader, source.location());
    StructType text = new StructType();
    for (String name : header) {
      text = text.add(name, DataTypes.StringType, true);
    }
    text = text.add(MALFORMED_LINE, DataTypes.StringType, true);
    Dataset<Row> rows = reader.schema(text).option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", MALFORMED_LINE).csv(source.location());

    List<Column> columns = new ArrayList<>();
    List<Column> errors = new ArrayList<>();
    for (String name : header) {
      String decodedName = strict
          ? new String(name.getBytes(StandardCharsets.ISO_8859_1), Charset.forName(csv.encoding())).replace("\uFEFF", "")
          : name;
      Column value = strict ? decoded(rows.col(name), csv.encoding()) : rows.col(name);
      if (strict) {
        errors.add(when(invalidBytes(rows.col(name), value), concat(lit(decodedName + ": invalid " + csv.encoding()
            + " at byte "), firstInvalidByte(value).cast(DataTypes.StringType))));
      }
      columns.add(value.as(decodedName, dateFormat(csv)));
    }
    columns.add(strict ? decoded(rows.col(MALFORMED_LINE), csv.encoding()).as(MALFORMED_LINE) : rows.col(MALFORMED_LINE));
    if (strict) {
      Column all = concat_ws("; ", errors.toArray(Column[]::new));
      columns.add(when(all.notEqual(lit("")), all).as(ENCODING_ERROR));
    }
    return rows.select(columns.toArray(Column[]::new));
  }

  /**
   * The first record's fields as written: Spark's own header reading renames a repeated column
   * ({@code amount0}, {@code amount5}), which would hide it; a repeated name stops the run instead.
   */
  private static String[] header(DataFrameReader reader, String location) {
    List<Row> first = reader.option("header", false).csv(location).limit(1).collectAsList();
    reader.option("header", true);
    if (first.isEmpty()) {
      throw SchemaError.empty(location);
    }
    String[] names = new String[first.get(0).size()];
    Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < names.length; i++) {
      names[i] = first.get(0).isNullAt(i) ? "_c" + i : first.get(0).getString(i).strip().replace("\uFEFF", "");
      if (!seen.add(names[i].toLowerCase(java.util.Locale.ROOT))) {
        throw SchemaError.repeated(location, names[i]);
      }
    }
    return names;
  }

  private static Column decoded(Column latin1, String encoding) {
    return decode(encode(latin1, CsvOptions.LATIN_1), encoding);
  }

  /**
   * More replacement characters after decoding than the field held as valid UTF-8 ({@code EF BF BD}):
   * some bytes did not decode.
   */
  private static Column invalidBytes(Column latin1, Column decoded) {
    String encodedReplacement = new String(REPLACEMENT.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    Column after = length(decoded).minus(length(replace(decoded, lit(REPLACEMENT), lit(""))));
    Column before = length(latin1).minus(length(replace(latin1, lit(encodedReplacement), lit("")))).divide(3);
    return after.gt(before);
  }

  /** The bytes before the first replacement character: its offset in the field (0-based). */
  private static Column firstInvalidByte(Column decoded) {
    return octet_length(substring_index(decoded, REPLACEMENT, 1));
  }

  /** Spark column metadata carrying a date pattern other than the contract's to the gate's parser. */
  private static Metadata dateFormat(CsvOptions csv) {
    return csv.dateFormat().equals(CsvOptions.STANDARD.dateFormat()) ? Metadata.empty()
        : new MetadataBuilder().putString(DATE_FORMAT, csv.dateFormat()).build();
  }
}

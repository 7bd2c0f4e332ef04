package org.salescomp.quality;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.salescomp.io.SourceReader;

/**
 * Converts a stored column to the contract's type, row by row, and says which values do not convert
 * exactly: those rows are {@link ReasonCode#UNPARSEABLE}, never silently null or rounded.
 *
 * <ul>
 *   <li>Text (CSV, or a text column of any format), trimmed unless the contract wants text: dates
 *       {@code yyyy-MM-dd}; decimals as plain digits with an optional sign and at most the type's
 *       decimals (trailing zeros aside), no exponent and no thousands separator; integers as up to 9
 *       digits; booleans {@code true} or {@code false} in any case.
 *   <li>Numbers: a value that does not fit the contract's decimal or integer exactly (too large, more
 *       decimals than the scale, a fraction for an integer, NaN) does not convert.
 *   <li>Timestamps to dates: only midnight converts.
 * </ul>
 *
 * Every conversion is guarded so that it cannot fail, whether or not Spark's ANSI mode is on.
 */
final class ValueParser {
  // \z, not $: $ also matches before a final line break, and a quoted CSV field may end with one
  private static final String DATE = "^\\d{4}-\\d{2}-\\d{2}\\z";
  /** The contract's date pattern; a CSV source may declare another ({@code salescomp.csv.date-format}). */
  static final String STANDARD_DATE = "yyyy-MM-dd";
  private static final String INTEGER = "^[+-]?\\d{1,9}\\z";
  private static final String BOOLEAN = "(?i)^(true|false)\\z";
  private static final int SHOWN_CHARACTERS = 80;

  private ValueParser() {}

  /** {@code raw} as the contract's type; null where it does not convert. */
  static Column typed(Column raw, DataType stored, DataType contract) {
    return typed(raw, stored, contract, STANDARD_DATE);
  }

  /** As {@link #typed(Column, DataType, DataType)}, dates in text written with {@code dateFormat}. */
  static Column typed(Column raw, DataType stored, DataType contract, String dateFormat) {
    if (stored.sameType(contract)) {
      return raw;
    }
    if (stored instanceof NullType) {
      return raw.cast(contract);
    }
    if (stored instanceof StringType) {
      // text stays as given; numbers, dates and booleans may be padded
      return contract instanceof StringType ? raw : fromText(trim(raw), contract, dateFormat);
    }
    if (contract instanceof StringType) {
      return raw.cast(contract);
    }
    if (contract instanceof DateType) {
      return to_date(raw);
    }
    if (contract instanceof DecimalType d) {
      return when(abs(raw).lt(lit(BigDecimal.TEN.pow(d.precision() - d.scale()))), raw.cast(contract));
    }
    if (contract instanceof IntegerType) {
      return when(abs(raw).leq(lit(Integer.MAX_VALUE)), raw.cast(contract));
    }
    throw new IllegalArgumentException(
        "no conversion from " + stored.simpleString() + " to " + contract.simpleString());
  }

  /** A message naming the column and the value when a non-null {@code raw} does not convert; else null. */
  static Column problem(String column, Column raw, Column typed, DataType stored, DataType contract) {
    return problem(column, raw, typed, stored, contract, STANDARD_DATE);
  }

  static Column problem(String column, Column raw, Column typed, DataType stored, DataType contract,
      String dateFormat) {
    if (stored.sameType(contract) || stored instanceof NullType) {
      return lit(null).cast(DataTypes.StringType);
    }
    Column fails = raw.isNotNull().and(typed.isNull().or(lost(raw, typed, stored)));
    return when(fails, concat(lit(column + ": '"), substring(raw.cast(DataTypes.StringType), 1, SHOWN_CHARACTERS),
        lit("' is not " + expected(contract, dateFormat))));
  }

  private static Column fromText(Column text, DataType contract, String dateFormat) {
    if (contract instanceof DateType && dateFormat.equals(STANDARD_DATE)) {
      return when(text.rlike(DATE), to_date(try_to_timestamp(text, lit(STANDARD_DATE))));
    }
    if (contract instanceof DateType) {
      // exact: the date written back with the pattern gives the text again (no lenient day 31 of June)
      Column date = to_date(try_to_timestamp(text, lit(dateFormat)));
      return when(date_format(date, dateFormat).equalTo(text), date);
    }
    if (contract instanceof DecimalType d) {
      return when(text.rlike(decimalPattern(d)), text.cast(contract));
    }
    if (contract instanceof IntegerType) {
      return when(text.rlike(INTEGER), text.cast(contract));
    }
    if (contract instanceof BooleanType) {
      return when(text.rlike(BOOLEAN), lower(text).equalTo(lit("true")));
    }
    throw new IllegalArgumentException("no conversion from text to " + contract.simpleString());
  }

  /** Whether a converted value differs from the stored one (rounded, truncated, or a time of day dropped). */
  private static Column lost(Column raw, Column typed, DataType stored) {
    if (stored instanceof StringType || SourceReader.isWholeNumber(stored)) {
      return lit(false); // text patterns and range guards already admit exact values only
    }
    if (stored instanceof FloatType || stored instanceof DoubleType) {
      return typed.cast(DataTypes.DoubleType).notEqual(raw.cast(DataTypes.DoubleType));
    }
    if (stored instanceof TimestampType || stored instanceof TimestampNTZType) {
      return typed.cast(stored).notEqual(raw);
    }
    return typed.notEqual(raw);
  }

  /** Plain digits: at most precision - scale before the point, at most scale significant decimals. */
  static String decimalPattern(DecimalType type) {
    int integerDigits = Math.max(1, type.precision() - type.scale());
    String fraction = type.scale() == 0 ? "(\\.0+)?" : "(\\.\\d{1," + type.scale() + "}0*)?";
    return "^[+-]?\\d{1," + integerDigits + "}" + fraction + "\\z";
  }

  static String expected(DataType contract) {
    return expected(contract, STANDARD_DATE);
  }

  static String expected(DataType contract, String dateFormat) {
    if (contract instanceof DateType) {
      return "a date " + dateFormat;
    }
    if (contract instanceof DecimalType d) {
      return "a " + d.simpleString() + " (plain digits, at most " + d.scale() + " decimals)";
    }
    if (contract instanceof IntegerType) {
      return "a whole number";
    }
    if (contract instanceof BooleanType) {
      return "true or false";
    }
    return "a " + contract.simpleString();
  }
}

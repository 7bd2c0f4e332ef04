package org.salescomp.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.salescomp.io.SourceReader;
import org.salescomp.io.SourceTable;

/**
 * The first step of the gate for one source: the contract's columns converted to the contract's types,
 * the row's original values ({@link Verdicts#ROW}) and key ({@link Verdicts#ROW_KEY}) as read, and
 * the row-level verdicts that need nothing else: {@link ReasonCode#UNPARSEABLE}, then
 * {@link ReasonCode#NULL_KEY}.
 */
final class ParsedSource {
  /** Personal data: never copied into the quarantine (a published table). */
  static final Map<SourceTable, Set<String>> PERSONAL =
      Map.of(SourceTable.CUSTOMERS, Set.of("name"), SourceTable.REPS, Set.of("name"));
  private static final int SHOWN_LINE = 200;
  private static final String UNPARSEABLE = "_dq_unparseable";

  private ParsedSource() {}

  static Dataset<Row> of(SourceTable table, Dataset<Row> raw) {
    Dataset<Row> stored = SourceReader.conformRaw(table, raw, "input " + table.tableName());
    StructType storedSchema = stored.schema();
    Set<String> personal = PERSONAL.getOrDefault(table, Set.of());

    List<Column> columns = new ArrayList<>();
    List<Column> problems = new ArrayList<>();
    List<Column> original = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      Column rawValue = stored.col(field.name());
      StructField storedField = storedSchema.apply(field.name());
      DataType storedType = storedField.dataType();
      String dateFormat = storedField.metadata().contains(SourceReader.DATE_FORMAT)
          ? storedField.metadata().getString(SourceReader.DATE_FORMAT) : ValueParser.STANDARD_DATE;
      Column typed = ValueParser.typed(rawValue, storedType, field.dataType(), dateFormat);
      columns.add(typed.as(field.name()));
      problems.add(ValueParser.problem(field.name(), rawValue, typed, storedType, field.dataType(), dateFormat));
      if (!personal.contains(field.name())) {
        original.add(rawValue.as(field.name()));
      }
    }
    if (Arrays.asList(stored.columns()).contains(SourceReader.MALFORMED_LINE)) {
      Column line = col(SourceReader.MALFORMED_LINE);
      Column shown = personal.isEmpty()
          ? concat(lit("malformed CSV line (wrong number of fields or broken quoting): "),
              substring(line, 1, SHOWN_LINE))
          : lit("malformed CSV line (wrong number of fields or broken quoting)");
      problems.add(0, when(line.isNotNull(), shown));
    }
    if (Arrays.asList(stored.columns()).contains(SourceReader.ENCODING_ERROR)) {
      // names the columns and byte offsets only, never the value: it may be a person's name
      problems.add(0, col(SourceReader.ENCODING_ERROR));
    }

    columns.add(concat_ws("; ", problems.toArray(Column[]::new)).as(UNPARSEABLE));
    columns.add(to_json(struct(original.toArray(Column[]::new)), Map.of("ignoreNullFields", "false")).as(Verdicts.ROW));
    columns.add(rowKey(table, stored).as(Verdicts.ROW_KEY));
    columns.add(lit(false).as(Verdicts.DEFERRED));
    columns.add(lit(false).as(Verdicts.EXTRA_COPY));

    // the verdicts look at the converted key columns, so they follow the projection
    Column unparseable = col(UNPARSEABLE).notEqual(lit(""));
    Column nullKeys = concat_ws(", ", table.key().stream()
        .map(k -> when(col(k).isNull(), lit(k))).toArray(Column[]::new));
    Column keyIsNull = nullKeys.notEqual(lit(""));
    return stored.select(columns.toArray(Column[]::new))
        .withColumn(Verdicts.REASON, when(unparseable, lit(ReasonCode.UNPARSEABLE.name()))
            .when(keyIsNull, lit(ReasonCode.NULL_KEY.name()))
            .otherwise(lit(null).cast(DataTypes.StringType)))
        .withColumn(Verdicts.DETAIL, when(unparseable, col(UNPARSEABLE))
            .when(keyIsNull, concat(lit("null key column: "), nullKeys))
            .otherwise(lit(null).cast(DataTypes.StringType)))
        .drop(UNPARSEABLE);
  }

  /** {@link Quarantine#rowKey} as a column: the key as read. */
  static Column rowKey(SourceTable table, Dataset<Row> stored) {
    return concat_ws(", ", table.key().stream()
        .map(k -> concat(lit(k + "="), coalesce(stored.col(k).cast(DataTypes.StringType), lit(Quarantine.NULL_VALUE))))
        .toArray(Column[]::new));
  }
}

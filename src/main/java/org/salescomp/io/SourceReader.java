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
import org.apache.spark.sql.types.StructField;
import org.salescomp.config.SourceSettings;

/**
 * Reads an input table as configured and returns exactly the contract's columns, in the contract's
 * order and types. Never infers a schema: CSV is read as text and cast, other formats are cast from
 * the types they carry. A missing required column stops the run before anything is written.
 */
public final class SourceReader {
  private SourceReader() {}

  public static Dataset<Row> read(SparkSession spark, SourceTable table, SourceSettings source) {
    Dataset<Row> raw = switch (source.format()) {
      case PARQUET -> spark.read().parquet(source.location());
      case DELTA -> spark.read().format("delta").load(source.location());
      case TABLE -> spark.table(source.location());
      case CSV -> spark.read().option("header", true).option("inferSchema", false)
          .option("mode", "PERMISSIVE").csv(source.location());
    };
    return conform(table, raw, source.location());
  }

  /** Selects the contract's columns, adding nulls for absent optional ones and casting to contract types. */
  static Dataset<Row> conform(SourceTable table, Dataset<Row> raw, String location) {
    Set<String> present = Set.of(raw.columns());
    List<Column> columns = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      if (present.contains(field.name())) {
        columns.add(col(field.name()).cast(field.dataType()).as(field.name()));
      } else if (field.nullable()) {
        columns.add(lit(null).cast(field.dataType()).as(field.name()));
      } else {
        throw new SchemaError(table.tableName(), field.name(), field.dataType().simpleString(),
            location, Arrays.asList(raw.columns()));
      }
    }
    return raw.select(columns.toArray(Column[]::new));
  }
}

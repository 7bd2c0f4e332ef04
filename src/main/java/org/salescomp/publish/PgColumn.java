package org.salescomp.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A column of a published table in PostgreSQL: the type a BI tool sees, as PostgreSQL's
 * {@code format_type} writes it (so an existing table can be compared). Money stays exact:
 * {@code DECIMAL(18,2)} becomes {@code numeric(18,2)}. Maps, arrays and structs (the run log's counts)
 * become {@code jsonb}.
 */
record PgColumn(String name, String type, boolean json) {

  static List<PgColumn> of(StructType schema) {
    List<PgColumn> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      DataType t = field.dataType();
      boolean json = t instanceof MapType || t instanceof ArrayType || t instanceof StructType;
      columns.add(new PgColumn(field.name(), json ? "jsonb" : scalar(field.name(), t), json));
    }
    return columns;
  }

  private static String scalar(String name, DataType t) {
    if (t instanceof DecimalType d) {
      return "numeric(" + d.precision() + "," + d.scale() + ")";
    }
    if (t.equals(DataTypes.StringType)) {
      return "text";
    }
    if (t.equals(DataTypes.DateType)) {
      return "date";
    }
    if (t.equals(DataTypes.TimestampType)) {
      return "timestamp with time zone";
    }
    if (t.equals(DataTypes.TimestampNTZType)) {
      return "timestamp without time zone";
    }
    if (t.equals(DataTypes.IntegerType)) {
      return "integer";
    }
    if (t.equals(DataTypes.LongType)) {
      return "bigint";
    }
    if (t.equals(DataTypes.ShortType) || t.equals(DataTypes.ByteType)) {
      return "smallint";
    }
    if (t.equals(DataTypes.BooleanType)) {
      return "boolean";
    }
    if (t.equals(DataTypes.DoubleType)) {
      return "double precision";
    }
    if (t.equals(DataTypes.FloatType)) {
      return "real";
    }
    throw new IllegalArgumentException("column " + name + ": no PostgreSQL type for Spark type " + t.simpleString());
  }

  /** The Spark column to read for COPY: JSON text for a jsonb column, the column itself otherwise. */
  Column source() {
    return json ? to_json(col(name)).as(name) : col(name);
  }

  String quotedName() {
    return PgSql.identifier(name);
  }

  String definition() {
    return quotedName() + " " + type;
  }
}

package org.salescomp.publish;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salescomp.io.SourceTable;
import org.salescomp.testing.SharedSpark;

/**
 * No personal data in the published tables (what the dashboard, statements and PostgreSQL copy carry):
 * no name column at any depth, and no customer's or rep's name in any value. The names to look for come
 * from the generated inputs, which only this test reads.
 */
@Tag("slow")
class NoPersonalDataTest {
  static PublishedDemo demo;
  static PublishedLakehouse lakehouse;

  @BeforeAll
  static void lakehouse() {
    demo = PublishedDemo.get();
    lakehouse = demo.lakehouse();
  }

  @Test
  void noPublishedTableHasANameColumn() {
    assertThat(lakehouse.tables()).contains("payouts", "commission_lines", "kpi_rep_period", "coaching_flags");
    for (String table : lakehouse.tables()) {
      List<String> fields = new ArrayList<>();
      collectFields("", lakehouse.table(table).schema(), fields);
      // a team's name names a team, not a person (dim_team.team_name)
      fields.remove("team_name");
      assertThat(fields).as(table).noneMatch(f -> f.equals("name") || f.endsWith(".name") || f.endsWith("_name")
          || f.contains("email") || f.contains("phone"));
    }
  }

  @Test
  void noCustomerOrRepNameAppearsInAnyPublishedValue() {
    SparkSession spark = SharedSpark.session();
    Dataset<Row> customers = spark.read().parquet(demo.settings.source(SourceTable.CUSTOMERS).location());
    Dataset<Row> reps = spark.read().parquet(demo.settings.source(SourceTable.REPS).location());
    Dataset<Row> names = customers.select(col("name")).union(reps.select(col("name"))).distinct()
        .where(col("name").isNotNull());
    assertThat(names.count()).isGreaterThan(1000);
    // every text of every table (JSON of nested values included), once, against every name: one join
    Dataset<Row> texts = null;
    for (String table : lakehouse.tables()) {
      Dataset<Row> rows = lakehouse.table(table);
      Dataset<Row> text = rows.select(lit(table).as("table"), explode(array(textColumns(rows.schema()))).as("text"));
      texts = texts == null ? text : texts.union(text);
    }
    // a canary proves the scan finds a name inside a longer text
    String someName = names.orderBy("name").first().getString(0);
    texts = texts.union(spark.range(1)
        .select(lit("canary").as("table"), lit("call " + someName + " back").as("text")));
    List<Row> hits = texts.distinct().crossJoin(broadcast(names)).where(col("text").contains(col("name")))
        .select("table", "text").limit(10).collectAsList();
    assertThat(hits).as("published values holding a customer's or rep's name")
        .extracting(r -> r.getString(0)).containsExactly("canary");
  }

  private static Column[] textColumns(StructType schema) {
    List<Column> columns = new ArrayList<>();
    for (StructField f : schema.fields()) {
      DataType t = f.dataType();
      if (t.equals(DataTypes.StringType)) {
        columns.add(col(f.name()));
      } else if (t instanceof MapType || t instanceof ArrayType || t instanceof StructType) {
        columns.add(to_json(col(f.name())));
      }
    }
    return columns.toArray(Column[]::new);
  }

  private static void collectFields(String prefix, DataType type, List<String> out) {
    if (type instanceof StructType struct) {
      for (StructField f : struct.fields()) {
        out.add(prefix + f.name());
        collectFields(prefix + f.name() + ".", f.dataType(), out);
      }
    } else if (type instanceof ArrayType array) {
      collectFields(prefix, array.elementType(), out);
    } else if (type instanceof MapType map) {
      collectFields(prefix, map.valueType(), out);
    }
  }
}

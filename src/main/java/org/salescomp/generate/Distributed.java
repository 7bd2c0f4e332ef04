package org.salescomp.generate;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.StructType;

/**
 * Turns generated rows into Datasets whose partitioning and row order depend only on the data: a
 * large table is generated on the executors from a range of unit indexes (deals, customers, reps)
 * split into a number of partitions computed from the number of units; a small table built in the
 * driver becomes a single partition.
 */
final class Distributed {
  /** The rows one unit (a deal, a customer, a rep) contributes to a table. */
  @FunctionalInterface
  interface UnitRows extends Serializable {
    List<Row> rows(long unit);
  }

  private Distributed() {}

  static Dataset<Row> generate(SparkSession spark, long units, long unitsPerPartition,
      StructType schema, UnitRows unitRows) {
    return spark.range(0, units, 1, partitions(units, unitsPerPartition))
        .flatMap((FlatMapFunction<Long, Row>) unit -> unitRows.rows(unit).iterator(),
            encoder(schema));
  }

  static Dataset<Row> local(SparkSession spark, List<Row> rows, StructType schema) {
    return spark.createDataFrame(rows, schema).coalesce(1);
  }

  static int partitions(long units, long unitsPerPartition) {
    return (int) Math.max(1, (units + unitsPerPartition - 1) / unitsPerPartition);
  }

  /** A lenient encoder: dates may be {@code LocalDate} whatever {@code datetime.java8API} says. */
  static Encoder<Row> encoder(StructType schema) {
    return ExpressionEncoder.apply(schema, true);
  }
}

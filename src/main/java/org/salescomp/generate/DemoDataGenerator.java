package org.salescomp.generate;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.salescomp.io.SourceTable;

/**
 * Generates a realistic, deterministic demo company: the twelve input tables of the data contract
 * and a {@code sources.conf} pointing the pipeline at them. The same options give byte-identical
 * files. Small tables (teams, roster, FX rates, adjustments) are built in the driver; the large ones
 * (deals and what hangs off them, customers and their monthly retention, targets, training) are
 * generated on the executors from unit indexes, each unit with its own seeded random stream.
 */
public final class DemoDataGenerator {
  private DemoDataGenerator() {}

  /** Writes all twelve input tables and {@code <out>/sources.conf}; returns row counts per table name. */
  public static Map<String, Long> generate(SparkSession spark, GeneratorOptions options) {
    Path out = options.out().toAbsolutePath().normalize();
    World world = World.create(options);
    TableWriter writer = TableWriter.into(out, options.format());
    Map<SourceTable, Long> counts = new EnumMap<>(SourceTable.class);
    Broadcast<World> shared =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(world);
    try {
      writeLocal(spark, writer, counts, SourceTable.TEAMS, RosterTables.teams(world));
      writeLocal(spark, writer, counts, SourceTable.REPS, RosterTables.reps(world));
      writeLocal(spark, writer, counts, SourceTable.FX_RATES, world.fx().rows());
      writeLocal(spark, writer, counts, SourceTable.ADJUSTMENTS, Adjustments.rows(world));
      write(writer, counts, SourceTable.CUSTOMERS, CustomerTables.customers(spark, shared));
      write(writer, counts, SourceTable.CUSTOMER_RETENTION, CustomerTables.retention(spark, shared));
      write(writer, counts, SourceTable.TARGETS, Targets.generate(spark, shared));
      write(writer, counts, SourceTable.TRAINING_RESULTS, TrainingResults.generate(spark, shared));
      Dataset<Row> envelopes =
          DealEnvelopes.generate(spark, shared).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        for (SourceTable table : new SourceTable[] {SourceTable.DEALS, SourceTable.DEAL_CREDITS,
            SourceTable.CSAT_SURVEYS, SourceTable.COMPLAINTS}) {
          write(writer, counts, table, DealEnvelopes.table(envelopes, table));
        }
      } finally {
        // waits: the command may stop the session next, and removals under way then print stack traces
        envelopes.unpersist(true);
      }
    } finally {
      shared.destroy();
    }
    SourcesConf.write(out, options.format(), writer::location);
    Map<String, Long> byName = new LinkedHashMap<>();
    counts.forEach((table, count) -> byName.put(table.tableName(), count));
    return Collections.unmodifiableMap(byName);
  }

  private static void writeLocal(SparkSession spark, TableWriter writer,
      Map<SourceTable, Long> counts, SourceTable table, List<Row> rows) {
    write(writer, counts, table, Distributed.local(spark, rows, table.schema()));
  }

  private static void write(TableWriter writer, Map<SourceTable, Long> counts, SourceTable table,
      Dataset<Row> rows) {
    counts.put(table, writer.write(table, rows));
  }
}

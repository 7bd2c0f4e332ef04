package org.salescomp.io;

import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Creates a published table from its declaration before its first write, so the table carries what a
 * write from a DataFrame cannot give it: NOT NULL key columns, the table's description as its comment
 * and the declared CHECK constraints (Delta checks both on every later write, which then fails rather than
 * publish a row without a key or a payout whose total is not the sum of its parts). A table created by an
 * older release gains the CHECK constraints it lacks (Delta validates its rows when one is added); its
 * columns keep their nullability.
 */
final class DeltaTableSetup {
  private static final String CONSTRAINT_PROPERTY = "delta.constraints.";
  /** One lock per table folder, for the creation of the table. */
  private static final ConcurrentMap<String, Object> CREATING = new ConcurrentHashMap<>();

  private DeltaTableSetup() {}

  static void ensure(SparkSession spark, String folder, PublishedTable table) {
    String path = qualified(spark, folder);
    if (!DeltaTable.isDeltaTable(spark, path)) {
      // two runs in one process (a scheduler's threads) may publish the same new table at once: one creates
      // it, the other waits and finds it; Delta's builder fails a creation that races another one
      synchronized (CREATING.computeIfAbsent(path, p -> new Object())) {
        if (!DeltaTable.isDeltaTable(spark, path)) {
          DeltaTableBuilder create = DeltaTable.createIfNotExists(spark).location(path)
              .addColumns(nestedNullable(table.schema()))
              .partitionedBy(table.partitionColumns().toArray(String[]::new))
              .comment(table.description());
          // a new table has no rows to check: its CHECK constraints are part of the creating commit, where
          // ALTER TABLE ADD CONSTRAINT would scan the table and commit once per constraint
          for (PublishedTable.Check check : table.checks()) {
            create = create.property(propertyOf(check), check.condition());
          }
          create.execute();
          return;
        }
      }
    }
    if (table.checks().isEmpty()) {
      return;
    }
    Map<String, String> properties = DeltaLogs.properties(spark, path);
    addChecks(spark, path, table.checks().stream()
        .filter(c -> !properties.containsKey(propertyOf(c))).toList());
  }

  /** The table property that holds a CHECK constraint: Delta keeps the constraint's name in lower case. */
  private static String propertyOf(PublishedTable.Check check) {
    return CONSTRAINT_PROPERTY + check.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The folder as a fully qualified URI ({@code file:/abs/lakehouse/payouts} for the default relative
   * {@code lakehouse/payouts}): Delta takes a relative location for a catalog table's name and refuses it.
   */
  private static String qualified(SparkSession spark, String folder) {
    Path path = new Path(folder);
    try {
      return path.getFileSystem(spark.sessionState().newHadoopConf()).makeQualified(path).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve the table folder " + folder, e);
    }
  }

  /**
   * The schema with everything inside arrays, maps and structs nullable: Delta keeps NOT NULL on top-level
   * columns only and refuses a table that declares it deeper (run_log's source counts).
   */
  static StructType nestedNullable(StructType schema) {
    return new StructType(java.util.Arrays.stream(schema.fields())
        .map(f -> new StructField(f.name(), nullable(f.dataType()), f.nullable(), f.metadata()))
        .toArray(StructField[]::new));
  }

  private static DataType nullable(DataType type) {
    if (type instanceof ArrayType a) {
      return new ArrayType(nullable(a.elementType()), true);
    }
    if (type instanceof MapType m) {
      return new MapType(nullable(m.keyType()), nullable(m.valueType()), true);
    }
    if (type instanceof StructType s) {
      return new StructType(java.util.Arrays.stream(s.fields())
          .map(f -> new StructField(f.name(), nullable(f.dataType()), true, f.metadata()))
          .toArray(StructField[]::new));
    }
    return type;
  }

  private static void addChecks(SparkSession spark, String path, List<PublishedTable.Check> checks) {
    for (PublishedTable.Check c : checks) {
      spark.sql("ALTER TABLE delta.`" + path.replace("`", "``") + "` ADD CONSTRAINT " + c.name()
          + " CHECK (" + c.condition() + ")");
    }
  }
}

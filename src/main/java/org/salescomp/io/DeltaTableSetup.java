package org.salescomp.io;

import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

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

  private DeltaTableSetup() {}

  static void ensure(SparkSession spark, String path, PublishedTable table) {
    if (!DeltaTable.isDeltaTable(spark, path)) {
      DeltaTable.createIfNotExists(spark).location(path).addColumns(table.schema())
          .partitionedBy(table.partitionColumns().toArray(String[]::new))
          .comment(table.description())
          .execute();
      addChecks(spark, path, table.checks());
      return;
    }
    if (table.checks().isEmpty()) {
      return;
    }
    List<Row> detail = DeltaTable.forPath(spark, path).detail().select("properties").collectAsList();
    Map<String, String> properties = detail.get(0).getJavaMap(0);
    addChecks(spark, path, table.checks().stream()
        .filter(c -> !properties.containsKey(CONSTRAINT_PROPERTY + c.name())).toList());
  }

  private static void addChecks(SparkSession spark, String path, List<PublishedTable.Check> checks) {
    for (PublishedTable.Check c : checks) {
      spark.sql("ALTER TABLE delta.`" + path.replace("`", "``") + "` ADD CONSTRAINT " + c.name()
          + " CHECK (" + c.condition() + ")");
    }
  }
}

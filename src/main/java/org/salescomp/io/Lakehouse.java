package org.salescomp.io;

import java.util.List;
import org.apache.spark.sql.SparkSession;

/** The published Delta tables under the lakehouse root, one folder per table. */
public final class Lakehouse {
  private Lakehouse() {}

  /** Registers every published table under the root as a temporary view of its name; returns the names, sorted. */
  public static List<String> registerViews(SparkSession spark, String root) {
    List<String> names = LakehousePaths.tables(spark, root);
    for (String name : names) {
      spark.read().format("delta").load(LakehousePaths.table(root, name)).createOrReplaceTempView(name);
    }
    return names;
  }
}

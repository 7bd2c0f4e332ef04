package org.salescomp.cli;

import org.apache.spark.sql.SparkSession;
import org.salescomp.config.Settings;

/** A session factory for commands that must not start Spark: counts the attempts and refuses them. */
final class NoSpark implements SessionFactory {
  private int requests;

  @Override
  public SparkSession create(Settings settings) {
    requests++;
    throw new IllegalStateException("this command must not start Spark");
  }

  int requests() {
    return requests;
  }
}

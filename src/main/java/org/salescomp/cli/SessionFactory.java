package org.salescomp.cli;

import org.apache.spark.sql.SparkSession;
import org.salescomp.config.Settings;

/**
 * Where a subcommand gets its SparkSession, always after its settings are loaded and validated. Tests
 * hand in their shared session.
 */
@FunctionalInterface
interface SessionFactory {
  SparkSession create(Settings settings);
}

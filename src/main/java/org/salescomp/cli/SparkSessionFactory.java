package org.salescomp.cli;

import org.apache.spark.sql.SparkSession;
import org.salescomp.config.Settings;
import org.salescomp.io.SparkSessions;

/** The production factory: a session from the {@code salescomp.spark} settings, stopped when the command ends. */
final class SparkSessionFactory implements SessionFactory {
  private SparkSession session;

  @Override
  public SparkSession create(Settings settings) {
    session = SparkSessions.create(settings.appName(), settings.sparkMasterOrNull(),
        settings.shufflePartitions(), settings.uiEnabled(), settings.sparkConf());
    return session;
  }

  void stop() {
    if (session != null) {
      session.stop();
    }
  }
}

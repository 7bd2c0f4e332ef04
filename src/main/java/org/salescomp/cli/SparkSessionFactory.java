package org.salescomp.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.salescomp.config.Settings;
import org.salescomp.io.DeltaTableDefaults;
import org.salescomp.io.SparkSessions;

/** The production factory: a session from the {@code salescomp.spark} settings, stopped when the command ends. */
final class SparkSessionFactory implements SessionFactory {
  private SparkSession session;

  @Override
  public SparkSession create(Settings settings) {
    // the published tables' properties first, so an explicit salescomp.spark.conf entry can change them
    Map<String, String> conf = new LinkedHashMap<>(DeltaTableDefaults.sessionConf(settings.ops().vacuumRetentionHours()));
    conf.putAll(settings.sparkConf());
    session = SparkSessions.create(settings.appName(), settings.sparkMasterOrNull(),
        settings.shufflePartitions(), settings.uiEnabled(), conf);
    return session;
  }

  void stop() {
    if (session != null) {
      session.stop();
    }
  }
}

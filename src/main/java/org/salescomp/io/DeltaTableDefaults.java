package org.salescomp.io;

import java.util.Map;

/**
 * Table properties every published Delta table is created with, as Delta's session defaults
 * ({@code spark.databricks.delta.properties.defaults.*}: applied to each table the session creates, no
 * extra commit): the change data feed on, so a BI copy can read what a run changed; the log and the
 * deleted files kept for the rerun window ({@code salescomp.maintenance.vacuum-retention-hours}), so
 * time travel to any version a rerun or an audit needs works until VACUUM may remove it. A table created
 * before these defaults keeps its properties: {@code ALTER TABLE delta.`<path>` SET TBLPROPERTIES} with
 * the same keys brings it in line.
 */
public final class DeltaTableDefaults {
  static final String PREFIX = "spark.databricks.delta.properties.defaults.";

  private DeltaTableDefaults() {}

  /** The session settings for a rerun window of {@code retentionHours}. */
  public static Map<String, String> sessionConf(int retentionHours) {
    String retention = "interval " + retentionHours + " hours";
    return Map.of(
        PREFIX + "enableChangeDataFeed", "true",
        PREFIX + "logRetentionDuration", retention,
        PREFIX + "deletedFileRetentionDuration", retention);
  }
}

package org.salescomp.config;

/**
 * Settings of a deployment rather than of the computation: the log format, and how long VACUUM keeps
 * the files of old versions of the published tables.
 *
 * @param logFormat {@code salescomp.logging.format}
 * @param vacuumRetentionHours {@code salescomp.maintenance.vacuum-retention-hours}, at least
 *     {@link #MIN_VACUUM_RETENTION_HOURS}
 */
public record OpsSettings(LogFormat logFormat, int vacuumRetentionHours) {
  /** Delta refuses a shorter VACUUM retention unless its safety check is switched off; so do we. */
  public static final int MIN_VACUUM_RETENTION_HOURS = 168;

  static OpsSettings read(ConfigReader root) {
    return new OpsSettings(root.object("logging").oneOf("format", LogFormat.class),
        root.object("maintenance").integer("vacuum-retention-hours", MIN_VACUUM_RETENTION_HOURS));
  }
}

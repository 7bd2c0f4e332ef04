package org.salescomp.config;

import com.typesafe.config.ConfigOrigin;

/**
 * A configuration problem: names the file (and line), the key path and what was expected. The command
 * line turns it into exit code 2 before Spark starts.
 */
public final class ConfigError extends RuntimeException {
  private final String path;

  public ConfigError(ConfigOrigin origin, String path, String expectation) {
    super(where(origin) + path + ": " + expectation);
    this.path = path;
  }

  public String path() {
    return path;
  }

  private static String where(ConfigOrigin origin) {
    if (origin == null) {
      return "";
    }
    String file = origin.filename() != null ? origin.filename()
        : origin.url() != null ? origin.url().toString() : origin.description();
    return origin.lineNumber() > 0 ? file + ":" + origin.lineNumber() + ": " : file + ": ";
  }
}

package org.salescomp.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application version, from a resource Maven filters at build time. */
public final class AppVersion {
  private AppVersion() {}

  public static String get() {
    try (InputStream in = AppVersion.class.getResourceAsStream("/salescomp-version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}

package org.salescomp.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.UnaryOperator;
import org.salescomp.config.ConfigError;
import org.salescomp.config.PostgresTarget;

/**
 * The publish's password, looked up when it connects: the first line of {@code password-file} when one is
 * set, else the environment variable {@code password-env}. It is handed to the JDBC driver and nowhere else:
 * no message, log line or exception of this package contains it.
 */
final class PostgresPassword {
  private PostgresPassword() {}

  /** The password, or null when none is configured or the variable is unset (the server may not ask for one). */
  static String resolve(PostgresTarget target, UnaryOperator<String> environment) {
    if (target.passwordFile() != null) {
      List<String> lines;
      try {
        lines = Files.readAllLines(target.passwordFile(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        // the message names the file and the failure, never any content
        throw new ConfigError(null, "salescomp.publish.postgres.password-file",
            "cannot read the password file " + target.passwordFile() + " (" + e.getClass().getSimpleName() + ")");
      }
      if (lines.isEmpty() || lines.get(0).isEmpty()) {
        throw new ConfigError(null, "salescomp.publish.postgres.password-file",
            "the password file " + target.passwordFile() + " is empty");
      }
      return lines.get(0);
    }
    if (target.passwordEnv().isEmpty()) {
      return null;
    }
    String value = environment.apply(target.passwordEnv());
    return value == null || value.isEmpty() ? null : value;
  }
}

package org.salescomp.publish;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * The PostgreSQL server the publish tests use: the one .ci/setup-postgres.sh installs and starts, found
 * through the same SALESCOMP_TEST_PG_* variables. Outside CI a test skips when the server is not reachable;
 * in CI (CI set) it fails instead.
 */
final class TestDatabase {
  static final String USER = env("SALESCOMP_TEST_PG_USER", "salescomp_test");
  /** A role without login that a publish grants SELECT to (.ci/setup-postgres.sh creates it). */
  static final String READER = env("SALESCOMP_TEST_PG_READER", "salescomp_test_reader");
  static final String PASSWORD = env("SALESCOMP_TEST_PG_PASSWORD", "salescomp-test-secret");
  static final String URL = env("SALESCOMP_TEST_PG_URL", "jdbc:postgresql://localhost:"
      + env("SALESCOMP_TEST_PG_PORT", "5432") + "/" + env("SALESCOMP_TEST_PG_DATABASE", "salescomp_test"));

  private TestDatabase() {}

  /** Skips the calling test class when the server cannot be reached, unless this is CI. */
  static void assumeReachable() {
    try (Connection c = connect()) {
      c.isValid(5);
    } catch (SQLException e) {
      assumeTrue(System.getenv("CI") != null, "skipped: PostgreSQL at " + URL + " is not reachable ("
          + e.getMessage() + "); .ci/setup-postgres.sh installs and starts it (in CI this test runs)");
      throw new IllegalStateException("PostgreSQL at " + URL + " is not reachable in CI", e);
    }
  }

  static Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", USER);
    p.setProperty("password", PASSWORD);
    p.setProperty("connectTimeout", "5");
    return DriverManager.getConnection(URL, p);
  }

  /** A schema name no other run uses. */
  static String freshSchema(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }
}

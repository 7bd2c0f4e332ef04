package org.salescomp.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where {@code publish --target postgres} copies the published tables ({@code salescomp.publish.postgres}).
 * The password itself is never part of the configuration: only the name of the environment variable or
 * the path of the file that holds it, so no config dump, hash or log line can carry it.
 *
 * @param url JDBC URL of the database, without credentials
 * @param user role the publish logs in as
 * @param passwordEnv environment variable holding the password; empty for none
 * @param passwordFile file whose first line is the password, or null; wins over passwordEnv
 * @param schema schema BI tools read, one table per published table
 * @param stagingSchema schema of the staging tables a publish loads before its swap transaction
 * @param readerRole role granted USAGE on the schema and SELECT on its tables and views; empty for none
 */
public record PostgresTarget(
    String url, String user, String passwordEnv, Path passwordFile, String schema, String stagingSchema,
    String readerRole) {

  /** Schema names are spliced into SQL as quoted identifiers: keep them to plain lower-case names. */
  public static final String SCHEMA_NAME = "[a-z_][a-z0-9_]{0,62}";
  /** Role names are spliced into GRANT as quoted identifiers: plain names only. */
  public static final String ROLE_NAME = "[A-Za-z_][A-Za-z0-9_]{0,62}";
  public static final String ENV_NAME = "[A-Za-z_][A-Za-z0-9_]*";

  public PostgresTarget {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(passwordEnv, "passwordEnv");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(stagingSchema, "stagingSchema");
    Objects.requireNonNull(readerRole, "readerRole");
  }

  /** The URL as it may be printed: host, port and database, no parameters. */
  public String displayUrl() {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }
}

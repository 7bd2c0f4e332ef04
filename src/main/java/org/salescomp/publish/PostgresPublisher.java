package org.salescomp.publish;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.postgresql.PGConnection;
import org.salescomp.common.AppVersion;
import org.salescomp.config.PostgresTarget;

/**
 * Copies published tables into a PostgreSQL schema, atomically per publish. Each table is first loaded
 * with COPY into an unlogged staging table ({@code staging-schema}); then one transaction replaces the
 * rows of every target table (DELETE and INSERT ... SELECT, which is MVCC-safe, unlike TRUNCATE) and
 * appends a {@code publish_log} row. Readers see the previous state until the commit and the new one
 * after it, never a mix; a publish that fails or is killed before its commit leaves the previous state
 * as it was. A target whose columns no longer match the Delta table is recreated in that same transaction.
 */
public final class PostgresPublisher {
  private static final Logger LOG = LogManager.getLogger(PostgresPublisher.class);

  private final PostgresTarget target;
  private final UnaryOperator<String> environment;
  private final SwapListener listener;

  public PostgresPublisher(PostgresTarget target) {
    this(target, System::getenv, SwapListener.NONE);
  }

  PostgresPublisher(PostgresTarget target, UnaryOperator<String> environment, SwapListener listener) {
    this.target = target;
    this.environment = environment;
    this.listener = listener;
  }

  /** Publishes every table of {@code tables} (name to rows); {@code lakehouse} is recorded in publish_log. */
  public PublishReport publish(Map<String, Dataset<Row>> tables, String lakehouse) throws SQLException, IOException {
    try (Connection connection = connect()) {
      lock(connection);
      Map<String, List<PgColumn>> columns = new LinkedHashMap<>();
      tables.forEach((name, rows) -> columns.put(name, PgColumn.of(rows.schema())));
      long start = System.nanoTime();
      Map<String, Long> staged = stage(connection, tables, columns);
      long stagedAt = System.nanoTime();
      try {
        listener.staged();
        swap(connection, columns, staged, lakehouse);
      } catch (SQLException | IOException | RuntimeException e) {
        rollbackQuietly(connection);
        throw e;
      } catch (Exception e) {
        rollbackQuietly(connection);
        throw new IllegalStateException("publish interrupted: " + e.getMessage(), e);
      }
      long swappedAt = System.nanoTime();
      dropStaging(connection, columns.keySet());
      return new PublishReport(staged, (stagedAt - start) / 1_000_000, (swappedAt - stagedAt) / 1_000_000);
    }
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", target.user());
    String password = PostgresPassword.resolve(target, environment);
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("ApplicationName", "salescomp publish");
    return DriverManager.getConnection(target.url(), properties);
  }

  private void lock(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(PgSql.TRY_LOCK)) {
      lock.setString(1, "salescomp publish " + target.schema());
      try (ResultSet rs = lock.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          throw new IllegalStateException("another publish into schema " + target.schema() + " is running");
        }
      }
    }
  }

  /** Loads each table into a fresh staging table, each COPY committed on its own. */
  private Map<String, Long> stage(Connection connection, Map<String, Dataset<Row>> tables,
      Map<String, List<PgColumn>> columns) throws SQLException, IOException {
    connection.setAutoCommit(true);
    try (Statement st = connection.createStatement()) {
      st.execute(PgSql.createSchema(target.stagingSchema()));
    }
    Map<String, Long> staged = new LinkedHashMap<>();
    PGConnection pg = connection.unwrap(PGConnection.class);
    for (Map.Entry<String, Dataset<Row>> e : tables.entrySet()) {
      String name = e.getKey();
      String staging = PgSql.table(target.stagingSchema(), name);
      try (Statement st = connection.createStatement()) {
        st.execute("DROP TABLE IF EXISTS " + staging);
        st.execute(PgSql.createTable(staging, columns.get(name), true));
      }
      long rows = CopyRows.copy(pg, staging, columns.get(name), e.getValue());
      LOG.info("staged {}: {} rows", name, rows);
      staged.put(name, rows);
    }
    return staged;
  }

  private void swap(Connection connection, Map<String, List<PgColumn>> columns, Map<String, Long> staged,
      String lakehouse) throws Exception {
    int pid = connection.unwrap(PGConnection.class).getBackendPID();
    connection.setAutoCommit(false);
    try (Statement st = connection.createStatement()) {
      st.execute(PgSql.createSchema(target.schema()));
      for (Map.Entry<String, List<PgColumn>> e : columns.entrySet()) {
        String name = e.getKey();
        String qualified = PgSql.table(target.schema(), name);
        ensureTable(connection, st, name, qualified, e.getValue());
        st.executeUpdate("DELETE FROM " + qualified);
        long inserted = st.executeLargeUpdate(PgSql.insertSelect(qualified,
            PgSql.table(target.stagingSchema(), name), e.getValue()));
        if (inserted != staged.get(name)) {
          throw new IllegalStateException("table " + name + ": " + inserted + " rows inserted but "
              + staged.get(name) + " staged");
        }
        listener.swapped(name, pid);
      }
      st.execute(PgSql.createPublishLog(target.schema()));
    }
    try (PreparedStatement log = connection.prepareStatement(PgSql.insertPublishLog(target.schema()))) {
      log.setString(1, AppVersion.get());
      log.setString(2, lakehouse);
      log.setString(3, Json.write(staged));
      log.executeUpdate();
    }
    connection.commit();
    connection.setAutoCommit(true);
    LOG.info("published {} tables into schema {}", columns.size(), target.schema());
  }

  /** Creates the target table, or recreates it when its columns differ from the published table's. */
  private void ensureTable(Connection connection, Statement st, String name, String qualified, List<PgColumn> columns)
      throws SQLException {
    List<String> existing = new ArrayList<>();
    try (PreparedStatement q = connection.prepareStatement(PgSql.COLUMNS_OF)) {
      q.setString(1, target.schema());
      q.setString(2, name);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          existing.add(rs.getString(1) + " " + rs.getString(2));
        }
      }
    }
    List<String> wanted = columns.stream().map(c -> c.name() + " " + c.type()).toList();
    if (existing.equals(wanted)) {
      return;
    }
    if (!existing.isEmpty()) {
      LOG.info("columns of {} changed: recreating it", qualified);
      st.execute("DROP TABLE " + qualified);
    }
    st.execute(PgSql.createTable(qualified, columns, false));
  }

  private void dropStaging(Connection connection, Iterable<String> tables) {
    try (Statement st = connection.createStatement()) {
      for (String name : tables) {
        st.execute("DROP TABLE IF EXISTS " + PgSql.table(target.stagingSchema(), name));
      }
    } catch (SQLException e) {
      // the next publish drops and recreates them anyway
      LOG.warn("could not drop the staging tables: {}", e.getMessage());
    }
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      if (!connection.isClosed() && !connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException e) {
      // the connection is gone: the server has rolled the transaction back already
    }
  }
}

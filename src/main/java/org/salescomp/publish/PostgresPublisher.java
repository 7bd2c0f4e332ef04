package org.salescomp.publish;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.postgresql.PGConnection;
import org.salescomp.common.AppVersion;
import org.salescomp.config.PostgresTarget;
import org.salescomp.io.PublishedTable;
import org.salescomp.marts.PublishedCatalog;

/**
 * Copies published tables into a PostgreSQL schema, atomically per publish. Each table's rows to copy are
 * first loaded with COPY into an unlogged staging table ({@code staging-schema}); then one transaction
 * replaces them in every target table (DELETE and INSERT ... SELECT, which is MVCC-safe, unlike TRUNCATE),
 * keeps keys, indexes, comments, the grain views and the reader's grant up to date, and appends a
 * {@code publish_log} row with the Delta version of each table. Readers see the previous state until the
 * commit and the new one after it, never a mix; a publish that fails or is killed before its commit leaves
 * the previous state as it was.
 *
 * <p>Incremental: when the last publish into the schema copied the same lakehouse, a table whose Delta
 * version moved is copied only for the slices (months, periods, run ids: {@link PgTable#sliceColumns})
 * the versions in between changed, read from the table's change data feed; a table whose version did not
 * move is left as it is. Anything else (a first publish, another lakehouse, changed columns, no feed) copies
 * the table whole. A target that lacks columns of the published table gains them ({@code ADD COLUMN}); one
 * whose columns were dropped or changed type is recreated, in the same transaction.
 */
public final class PostgresPublisher {
  private static final Logger LOG = LogManager.getLogger(PostgresPublisher.class);
  private static final String SLICES = "__slices";

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

  /** How a table is copied by one publish. */
  public enum Mode { WHOLE, CHANGED, UNCHANGED }

  /** One table's copy: the rows to stage and, for {@link Mode#CHANGED}, the slices they replace. */
  private record Copy(PgTable table, List<PgColumn> columns, Mode mode, Dataset<Row> rows, Dataset<Row> slices) {}

  /** Publishes the lakehouse's tables as readers see them, each as little as its changes need. */
  public PublishReport publish(PublishedLakehouse lakehouse) throws SQLException, IOException {
    return publish(lakehouse.pgTables(), lakehouse.root(), lakehouse);
  }

  /** Publishes every table of {@code tables} (name to rows) whole; {@code lakehouse} is recorded in publish_log. */
  public PublishReport publish(Map<String, Dataset<Row>> tables, String lakehouse) throws SQLException, IOException {
    List<PgTable> list = new ArrayList<>();
    tables.forEach((name, rows) -> list.add(new PgTable(name, rows, PublishedCatalog.find(name), -1)));
    return publish(list, lakehouse, ChangeFeed.NONE);
  }

  private PublishReport publish(List<PgTable> tables, String lakehouse, ChangeFeed feed)
      throws SQLException, IOException {
    try (Connection connection = connect()) {
      lock(connection);
      long start = System.nanoTime();
      Map<String, Long> published = lastPublishedVersions(connection, lakehouse);
      List<Copy> copies = new ArrayList<>();
      for (PgTable t : tables) {
        copies.add(plan(connection, t, published, feed));
      }
      Map<String, Long> staged = stage(connection, copies);
      long stagedAt = System.nanoTime();
      try {
        listener.staged();
        swap(connection, copies, staged, lakehouse);
      } catch (SQLException | IOException | RuntimeException e) {
        rollbackQuietly(connection);
        throw e;
      } catch (Exception e) {
        rollbackQuietly(connection);
        throw new IllegalStateException("publish interrupted: " + e.getMessage(), e);
      }
      long swappedAt = System.nanoTime();
      dropStaging(connection, copies);
      Map<String, Mode> modes = new LinkedHashMap<>();
      copies.forEach(c -> modes.put(c.table().name(), c.mode()));
      return new PublishReport(staged, modes, (stagedAt - start) / 1_000_000, (swappedAt - stagedAt) / 1_000_000);
    }
  }

  /** Whole, only the changed slices, or nothing, as described on the class. */
  private Copy plan(Connection connection, PgTable table, Map<String, Long> published, ChangeFeed feed)
      throws SQLException {
    List<PgColumn> columns = PgColumn.of(table.rows().schema());
    Long last = published.get(table.name());
    List<String> slice = table.sliceColumns();
    boolean comparable = last != null && table.version() >= last && !slice.isEmpty()
        && existingColumns(connection, table.name()).equals(definitions(columns));
    if (!comparable) {
      return new Copy(table, columns, Mode.WHOLE, table.rows(), null);
    }
    if (table.version() == last) {
      return new Copy(table, columns, Mode.UNCHANGED, null, null);
    }
    Optional<Dataset<Row>> changed = feed.changed(table.name(), slice, last, table.version());
    if (changed.isEmpty()) {
      return new Copy(table, columns, Mode.WHOLE, table.rows(), null);
    }
    Dataset<Row> slices = changed.get();
    Column matches = null;
    for (String c : slice) {
      Column same = col("r." + c).eqNullSafe(col("s." + c));
      matches = matches == null ? same : matches.and(same);
    }
    Dataset<Row> rows = table.rows().as("r").join(slices.as("s"), matches, "left_semi");
    return new Copy(table, columns, Mode.CHANGED, rows, slices);
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

  /**
   * The Delta version of each table the last publish into the schema copied, when it copied
   * {@code lakehouse}; empty otherwise (the schema then holds another lakehouse's tables, or none).
   */
  private Map<String, Long> lastPublishedVersions(Connection connection, String lakehouse) throws SQLException {
    Map<String, Long> versions = new HashMap<>();
    if (!existingColumns(connection, PgSql.PUBLISH_LOG).contains("versions jsonb")) {
      return versions;
    }
    try (PreparedStatement q = connection.prepareStatement(PgSql.lastPublishedVersions(target.schema()))) {
      q.setString(1, lakehouse);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          versions.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return versions;
  }

  /** Loads each table's rows to copy (and the slices they replace) into fresh staging tables, each COPY committed. */
  private Map<String, Long> stage(Connection connection, List<Copy> copies) throws SQLException, IOException {
    connection.setAutoCommit(true);
    try (Statement st = connection.createStatement()) {
      st.execute(PgSql.createSchema(target.stagingSchema()));
    }
    Map<String, Long> staged = new LinkedHashMap<>();
    PGConnection pg = connection.unwrap(PGConnection.class);
    for (Copy copy : copies) {
      String name = copy.table().name();
      if (copy.mode() == Mode.UNCHANGED) {
        staged.put(name, 0L);
        continue;
      }
      long rows = stageTable(connection, pg, name, copy.columns(), copy.rows());
      if (copy.mode() == Mode.CHANGED) {
        long slices = stageTable(connection, pg, name + SLICES, PgColumn.of(copy.slices().schema()), copy.slices());
        LOG.info("staged {}: {} rows of {} changed slices", name, rows, slices);
      } else {
        LOG.info("staged {}: {} rows", name, rows);
      }
      staged.put(name, rows);
    }
    return staged;
  }

  private long stageTable(Connection connection, PGConnection pg, String name, List<PgColumn> columns,
      Dataset<Row> rows) throws SQLException, IOException {
    String staging = PgSql.table(target.stagingSchema(), name);
    try (Statement st = connection.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + staging);
      st.execute(PgSql.createTable(staging, columns, true));
    }
    return CopyRows.copy(pg, staging, columns, rows);
  }

  private void swap(Connection connection, List<Copy> copies, Map<String, Long> staged, String lakehouse)
      throws Exception {
    int pid = connection.unwrap(PGConnection.class).getBackendPID();
    connection.setAutoCommit(false);
    try (Statement st = connection.createStatement()) {
      st.execute(PgSql.createSchema(target.schema()));
      for (Copy copy : copies) {
        String name = copy.table().name();
        String qualified = PgSql.table(target.schema(), name);
        String staging = PgSql.table(target.stagingSchema(), name);
        if (copy.mode() != Mode.UNCHANGED) {
          ensureTable(connection, st, name, qualified, copy.columns());
          st.executeUpdate(copy.mode() == Mode.WHOLE ? "DELETE FROM " + qualified
              : PgSql.deleteSlices(qualified, PgSql.table(target.stagingSchema(), name + SLICES),
                  copy.table().sliceColumns()));
          long inserted = st.executeLargeUpdate(PgSql.insertSelect(qualified, staging, copy.columns()));
          if (inserted != staged.get(name)) {
            throw new IllegalStateException("table " + name + ": " + inserted + " rows inserted but "
                + staged.get(name) + " staged");
          }
        }
        describe(connection, st, copy, qualified);
        listener.swapped(name, pid);
      }
      for (Copy copy : copies) {
        createViews(connection, st, copy.table());
      }
      st.execute(PgSql.createPublishLog(target.schema()));
      st.execute(PgSql.addVersionsToPublishLog(target.schema()));
      if (!target.readerRole().isEmpty()) {
        st.execute("GRANT USAGE ON SCHEMA " + PgSql.identifier(target.schema()) + " TO "
            + PgSql.identifier(target.readerRole()));
        st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + PgSql.identifier(target.schema()) + " TO "
            + PgSql.identifier(target.readerRole()));
      }
    }
    Map<String, Long> versions = new TreeMap<>();
    copies.stream().filter(c -> c.table().version() >= 0).forEach(c -> versions.put(c.table().name(), c.table().version()));
    try (PreparedStatement log = connection.prepareStatement(PgSql.insertPublishLog(target.schema()))) {
      log.setString(1, AppVersion.get());
      log.setString(2, lakehouse);
      log.setString(3, Json.write(staged));
      log.setString(4, Json.write(versions));
      log.executeUpdate();
    }
    connection.commit();
    connection.setAutoCommit(true);
    LOG.info("published {} tables into schema {}", copies.size(), target.schema());
  }

  /**
   * Creates the target table; gives an existing one the columns it lacks ({@code ADD COLUMN}: views and
   * grants on it stay); recreates one whose columns were dropped or changed type.
   */
  private void ensureTable(Connection connection, Statement st, String name, String qualified, List<PgColumn> columns)
      throws SQLException {
    List<String> existing = existingColumns(connection, name);
    List<String> wanted = definitions(columns);
    if (existing.equals(wanted)) {
      return;
    }
    if (existing.isEmpty()) {
      st.execute(PgSql.createTable(qualified, columns, false));
      return;
    }
    if (wanted.containsAll(existing)) {
      for (PgColumn c : columns) {
        if (!existing.contains(c.name() + " " + c.type())) {
          LOG.info("adding column {} to {}", c.name(), qualified);
          st.execute("ALTER TABLE " + qualified + " ADD COLUMN " + c.definition());
        }
      }
      return;
    }
    LOG.info("columns of {} were dropped or changed type: recreating it", qualified);
    st.execute("DROP TABLE " + qualified + " CASCADE");
    st.execute(PgSql.createTable(qualified, columns, false));
  }

  /** Primary key, indexes and comments from the declaration: added once, comments rewritten each time. */
  private void describe(Connection connection, Statement st, Copy copy, String qualified) throws SQLException {
    PgTable table = copy.table();
    if (table.declared().isEmpty()) {
      return;
    }
    PublishedTable declared = table.declared().get();
    List<String> names = copy.columns().stream().map(PgColumn::name).toList();
    List<String> pk = table.primaryKey();
    if (!pk.isEmpty() && names.containsAll(pk) && !hasPrimaryKey(connection, table.name())) {
      st.execute("ALTER TABLE " + qualified + " ADD PRIMARY KEY (" + PgSql.identifiers(pk) + ")");
    }
    for (List<String> index : table.indexes(copy.columns())) {
      if (names.containsAll(index)) {
        st.execute("CREATE INDEX IF NOT EXISTS " + PgSql.identifier(PgSql.indexName(table.name(), index)) + " ON "
            + qualified + " (" + PgSql.identifiers(index) + ")");
      }
    }
    st.execute("COMMENT ON TABLE " + qualified + " IS " + PgSql.literal(declared.description()));
    for (String column : names) {
      if (declared.columns().contains(column)) {
        st.execute("COMMENT ON COLUMN " + qualified + "." + PgSql.identifier(column) + " IS "
            + PgSql.literal(declared.comment(column)));
      }
    }
  }

  /**
   * The grain views of a declared table ({@code kpi_rep_month}, ...), over its current columns: replaced in
   * place, so views a BI team built on them stay; only when a column was dropped or moved (which
   * {@code CREATE OR REPLACE VIEW} refuses) dropped with what depends on them and created again.
   */
  private void createViews(Connection connection, Statement st, PgTable table) throws SQLException {
    if (table.declared().isEmpty()) {
      return;
    }
    PublishedTable declared = table.declared().get();
    for (PublishedTable.GrainView view : declared.views()) {
      String qualified = PgSql.table(target.schema(), view.name());
      String select = view.sql(declared, PgSql.table(target.schema(), table.name()));
      java.sql.Savepoint before = connection.setSavepoint();
      try {
        st.execute("CREATE OR REPLACE VIEW " + qualified + " AS " + select);
        connection.releaseSavepoint(before);
      } catch (SQLException e) {
        connection.rollback(before);
        LOG.info("view {} changed its columns: recreating it ({})", qualified, e.getMessage());
        st.execute("DROP VIEW IF EXISTS " + qualified + " CASCADE");
        st.execute("CREATE VIEW " + qualified + " AS " + select);
      }
      st.execute("COMMENT ON VIEW " + qualified + " IS " + PgSql.literal(declared.description()
          + "; the " + view.periodType() + " rows only"));
    }
  }

  private boolean hasPrimaryKey(Connection connection, String table) throws SQLException {
    try (PreparedStatement q = connection.prepareStatement(PgSql.HAS_PRIMARY_KEY)) {
      q.setString(1, target.schema());
      q.setString(2, table);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** "name type" of each column of a target table, in order; empty when it does not exist. */
  private List<String> existingColumns(Connection connection, String table) throws SQLException {
    List<String> existing = new ArrayList<>();
    try (PreparedStatement q = connection.prepareStatement(PgSql.COLUMNS_OF)) {
      q.setString(1, target.schema());
      q.setString(2, table);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          existing.add(rs.getString(1) + " " + rs.getString(2));
        }
      }
    }
    return existing;
  }

  private static List<String> definitions(List<PgColumn> columns) {
    return columns.stream().map(c -> c.name() + " " + c.type()).toList();
  }

  private void dropStaging(Connection connection, List<Copy> copies) {
    try (Statement st = connection.createStatement()) {
      for (Copy copy : copies) {
        st.execute("DROP TABLE IF EXISTS " + PgSql.table(target.stagingSchema(), copy.table().name()));
        st.execute("DROP TABLE IF EXISTS " + PgSql.table(target.stagingSchema(), copy.table().name() + SLICES));
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

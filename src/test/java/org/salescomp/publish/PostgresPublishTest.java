package org.salescomp.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.xxhash64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.salescomp.config.PostgresTarget;
import org.salescomp.testing.CliProcess;

/**
 * The PostgreSQL publish against a real server: the copy equals the Delta tables (rows, sums of every
 * money column, NUMERIC(18,2)); a publish failing or killed in the middle of its swap transaction leaves
 * the previous publish readable and complete; the command never prints its password. The tests run in
 * order on one schema of their own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("slow")
class PostgresPublishTest {
  static final DecimalType MONEY = new DecimalType(18, 2);

  static PublishedDemo demo;
  static PostgresTarget target;
  static Map<String, Dataset<Row>> current;
  /** A different earlier state: about half of each table's rows, and payouts without run_id. */
  static Map<String, Dataset<Row>> previous;
  static Connection reader;

  @BeforeAll
  static void setUp() throws SQLException {
    TestDatabase.assumeReachable();
    demo = PublishedDemo.get();
    String schema = TestDatabase.freshSchema("salescomp_it");
    target = new PostgresTarget(TestDatabase.URL, TestDatabase.USER, "TEST_PG_PASSWORD", null, schema,
        schema + "_staging", "");
    PublishedLakehouse lakehouse = demo.lakehouse();
    current = new LinkedHashMap<>();
    previous = new LinkedHashMap<>();
    for (String table : lakehouse.tables()) {
      Dataset<Row> rows = lakehouse.table(table);
      current.put(table, rows);
      Column wholeRow = to_json(struct(Arrays.stream(rows.columns()).map(c -> col(c)).toArray(Column[]::new)));
      Dataset<Row> half = rows.where(pmod(xxhash64(wholeRow), lit(2)).equalTo(lit(0)));
      previous.put(table, table.equals("payouts") ? half.drop("run_id") : half);
    }
    reader = TestDatabase.connect();
    try (Statement st = reader.createStatement()) {
      // a reader must never wait for the publisher long: it would hang the test
      st.execute("SET statement_timeout = '30s'");
    }
  }

  @AfterAll
  static void dropSchemas() throws SQLException {
    if (reader == null) {
      return;
    }
    try (Statement st = reader.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + PgSql.identifier(target.schema()) + " CASCADE");
      st.execute("DROP SCHEMA IF EXISTS " + PgSql.identifier(target.stagingSchema()) + " CASCADE");
    }
    reader.close();
  }

  private static PostgresPublisher publisher(SwapListener listener) {
    return new PostgresPublisher(target, name -> name.equals("TEST_PG_PASSWORD") ? TestDatabase.PASSWORD : null,
        listener);
  }

  @Test
  @Order(1)
  void thePublishedTablesEqualTheDeltaTables() throws Exception {
    PublishReport report = publisher(SwapListener.NONE).publish(current, demo.settings.lakehouseRoot());

    assertThat(report.rows().keySet()).containsExactlyInAnyOrderElementsOf(current.keySet());
    assertEquals(current);
    // money stays exact
    assertThat(columnType("payouts", "total")).isEqualTo("numeric(18,2)");
    assertThat(columnType("commission_lines", "amount")).isEqualTo("numeric(18,2)");
    assertThat(columnType("run_log", "plan_hashes")).isEqualTo("jsonb");
    assertThat(queryLong("SELECT count(*) FROM " + PgSql.table(target.schema(), "publish_log"))).isEqualTo(1);
    assertThat(stagingTables()).isZero();
  }

  @Test
  @Order(2)
  void aPublishFailingInItsSwapTransactionLeavesThePreviousState() throws Exception {
    publisher(SwapListener.NONE).publish(previous, "previous");
    assertEquals(previous);
    List<Long> seenWhileOpen = new ArrayList<>();

    SwapListener failAfterPayouts = new SwapListener() {
      @Override
      public void swapped(String table, int backendPid) throws SQLException {
        if (table.equals("payouts")) {
          // commission_lines is replaced already, uncommitted: a reader still sees the previous rows
          seenWhileOpen.add(queryLong("SELECT count(*) FROM " + PgSql.table(target.schema(), "commission_lines")));
          throw new IllegalStateException("injected failure after payouts");
        }
      }
    };
    assertThatThrownBy(() -> publisher(failAfterPayouts).publish(current, demo.settings.lakehouseRoot()))
        .hasMessageContaining("injected failure");

    assertThat(seenWhileOpen).containsExactly(expected(previous.get("commission_lines")).rows());
    assertEquals(previous);
    // payouts was recreated (its columns changed) inside the transaction: rolled back too
    assertThat(columnType("payouts", "run_id")).isNull();
  }

  @Test
  @Order(3)
  void aPublishKilledInItsSwapTransactionLeavesThePreviousStateAndTheNextOneSucceeds() throws Exception {
    SwapListener killAfterKpis = new SwapListener() {
      @Override
      public void swapped(String table, int backendPid) throws SQLException {
        if (table.equals("kpi_team_period")) {
          // the publisher's connection dies mid-transaction, as when its process is killed
          try (PreparedStatement kill = reader.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
            // with a timeout, pg_terminate_backend returns once the backend is gone
            kill.setInt(1, backendPid);
            try (ResultSet rs = kill.executeQuery()) {
              rs.next();
              assertThat(rs.getBoolean(1)).as("publisher's backend terminated").isTrue();
            }
          }
        }
      }
    };
    assertThatThrownBy(() -> publisher(killAfterKpis).publish(current, demo.settings.lakehouseRoot()))
        .isInstanceOf(SQLException.class);
    assertEquals(previous);
    assertThat(queryLong("SELECT count(*) FROM " + PgSql.table(target.schema(), "publish_log"))).isEqualTo(2);

    publisher(SwapListener.NONE).publish(current, demo.settings.lakehouseRoot());
    assertEquals(current);
    assertThat(columnType("payouts", "run_id")).isEqualTo("text");
    assertThat(stagingTables()).isZero();
  }

  @Test
  @Order(4)
  void theCommandPublishesWithThePasswordFromTheEnvironmentAndNeverPrintsIt() throws Exception {
    Path conf = Files.writeString(PublishedDemo.DIR.resolve("postgres.conf"), """
        salescomp.publish.postgres {
          url = "%s"
          user = "%s"
          password-env = "SALESCOMP_IT_PG_PASSWORD"
          schema = "%s"
          staging-schema = "%s"
        }
        """.formatted(TestDatabase.URL, TestDatabase.USER, target.schema(), target.stagingSchema()));
    List<String> args = new ArrayList<>(List.of("publish", "--target", "postgres"));
    args.addAll(demo.confArgs());
    args.addAll(List.of("--conf", conf.toString()));

    CliProcess run = CliProcess.run(Map.of("SALESCOMP_IT_PG_PASSWORD", TestDatabase.PASSWORD), args);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("published: ").contains("payouts=" + expected(current.get("payouts")).rows());
    assertThat(run.out() + run.err()).doesNotContain(TestDatabase.PASSWORD);
    assertEquals(current);
  }

  /** Row count and the sum of every DECIMAL(18,2) column, of a Dataset or of a PostgreSQL table. */
  record Totals(long rows, Map<String, BigDecimal> money) {}

  static Totals expected(Dataset<Row> rows) {
    List<String> money = moneyColumns(rows);
    List<Column> aggregates = new ArrayList<>();
    money.forEach(c -> aggregates.add(sum(col(c))));
    Row r = rows.agg(count(lit(1)), aggregates.toArray(Column[]::new)).first();
    Map<String, BigDecimal> sums = new LinkedHashMap<>();
    for (int i = 0; i < money.size(); i++) {
      sums.put(money.get(i), r.getDecimal(i + 1));
    }
    return new Totals(r.getLong(0), sums);
  }

  static Totals published(String table, List<String> money) throws SQLException {
    StringBuilder q = new StringBuilder("SELECT count(*)");
    money.forEach(c -> q.append(", sum(").append(PgSql.identifier(c)).append(")"));
    q.append(" FROM ").append(PgSql.table(target.schema(), table));
    try (Statement st = reader.createStatement(); ResultSet rs = st.executeQuery(q.toString())) {
      rs.next();
      Map<String, BigDecimal> sums = new LinkedHashMap<>();
      for (int i = 0; i < money.size(); i++) {
        sums.put(money.get(i), rs.getBigDecimal(i + 2));
      }
      return new Totals(rs.getLong(1), sums);
    }
  }

  static void assertEquals(Map<String, Dataset<Row>> state) throws SQLException {
    for (Map.Entry<String, Dataset<Row>> e : state.entrySet()) {
      Totals expected = expected(e.getValue());
      assertThat(published(e.getKey(), new ArrayList<>(expected.money().keySet()))).as(e.getKey()).isEqualTo(expected);
    }
  }

  private static List<String> moneyColumns(Dataset<Row> rows) {
    List<String> money = new ArrayList<>();
    for (StructField f : rows.schema().fields()) {
      if (f.dataType().equals(MONEY)) {
        money.add(f.name());
      }
    }
    return money;
  }

  private static String columnType(String table, String column) throws SQLException {
    try (PreparedStatement q = reader.prepareStatement("SELECT format_type(a.atttypid, a.atttypmod)"
        + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE n.nspname = ? AND c.relname = ? AND a.attname = ? AND NOT a.attisdropped")) {
      q.setString(1, target.schema());
      q.setString(2, table);
      q.setString(3, column);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static long stagingTables() throws SQLException {
    try (PreparedStatement q = reader.prepareStatement(
        "SELECT count(*) FROM pg_tables WHERE schemaname = ?")) {
      q.setString(1, target.stagingSchema());
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long queryLong(String sql) throws SQLException {
    try (Statement st = reader.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
